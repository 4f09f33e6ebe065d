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
