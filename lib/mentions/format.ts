// Safe on the client: how a mention is written into markdown.

/** The markdown the editor's autocomplete inserts for a member: a link to their profile. */
export function mentionMarkdown(member: { id: string; name: string }): string {
  return `[@${member.name.replace(/[[\]]/g, "")}](/members/${member.id})`;
}
