import "server-only";
import { db } from "@/lib/core/db/client";
import { normaliseSkillName, skillSlug } from "@/lib/core/vocabulary";

export interface SkillOption {
  name: string;
  slug: string;
}

export const SKILL_SUGGESTION_LIMIT = 8;

/** Skills whose identity starts like what was typed ("post" → PostgreSQL), for autocomplete. */
export async function suggestSkills(
  typed: string,
  limit = SKILL_SUGGESTION_LIMIT,
): Promise<SkillOption[]> {
  const prefix = skillSlug(normaliseSkillName(typed).slice(0, 40));
  if (!prefix) return [];
  return db.skill.findMany({
    where: { slug: { startsWith: prefix } },
    select: { name: true, slug: true },
    orderBy: [{ name: "asc" }, { slug: "asc" }],
    take: limit,
  });
}

/** Skills at least one active member has listed: the choices for the directory's filters. */
export async function skillsInUse(): Promise<SkillOption[]> {
  return db.skill.findMany({
    where: { members: { some: { user: { status: "ACTIVE" } } } },
    select: { name: true, slug: true },
    orderBy: [{ name: "asc" }, { slug: "asc" }],
  });
}
