export interface SkillOption {
  name: string;
  slug: string;
}
