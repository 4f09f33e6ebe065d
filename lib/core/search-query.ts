// Turns what someone typed into the directory's search box into a PostgreSQL prefix
// tsquery ("pri nai" → 'pri':* & 'nai':*). Everything except letters, digits and inner
// dots (Node.js) is dropped first, so no input can make to_tsquery raise a syntax error.

const MAX_WORDS = 8;
const MAX_WORD_LENGTH = 40;

export function searchWords(typed: string): string[] {
  return typed
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}.]+/u)
    .map((word) => word.replace(/^\.+|\.+$/g, "").slice(0, MAX_WORD_LENGTH))
    .filter(Boolean)
    .slice(0, MAX_WORDS);
}

/** The tsquery text, or null when nothing searchable was typed. */
export function prefixTsQuery(typed: string): string | null {
  const words = searchWords(typed);
  return words.length ? words.map((word) => `'${word}':*`).join(" & ") : null;
}
