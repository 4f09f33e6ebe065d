// One shared vocabulary: "React", " react " and "REACT" are one skill.

/** Display form: trimmed, inner whitespace collapsed. Keeps the writer's capitalisation. */
export function normaliseSkillName(raw: string): string {
  return raw.normalize("NFKC").trim().replace(/\s+/g, " ");
}

/** Identity of a skill: lower-case, spaces to hyphens, punctuation that matters kept (C#, C++, Node.js). */
export function skillSlug(raw: string): string {
  return normaliseSkillName(raw)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+#.]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/** Skills typed into one box, separated by commas or new lines: normalised, empties dropped. */
export function splitSkillList(raw: string): string[] {
  return raw.split(/[,\n]/).map(normaliseSkillName).filter(Boolean);
}

/** Keeps the first spelling of each skill (by slug), in order. */
export function uniqueSkills(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const slug = skillSlug(name);
    if (seen.has(slug)) return false;
    seen.add(slug);
    return true;
  });
}
