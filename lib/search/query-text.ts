// What someone typed into a search box, made safe to hand to websearch_to_tsquery: no
// control characters (PostgreSQL text cannot hold NUL), no highlight markers, bounded length.
// websearch_to_tsquery itself never raises on quotes, minus signs or stray symbols.
import { MARK_END, MARK_START } from "./highlight";
import { SEARCH_LIMITS } from "./limits";

const UNSAFE = new RegExp(`[\\p{Cc}\\p{Cs}${MARK_START}${MARK_END}]`, "gu");

export function cleanSearchText(raw: string): string {
  const text = raw.normalize("NFKC").replace(UNSAFE, " ").replace(/\s+/g, " ").trim();
  // By code points, so that a cut never splits a surrogate pair.
  return Array.from(text).slice(0, SEARCH_LIMITS.queryLength).join("").trim();
}
