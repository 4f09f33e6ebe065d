// Highlighted search snippets without HTML: PostgreSQL's ts_headline wraps matches in two
// private-use characters (stripped from the source text first, so members cannot forge them),
// and the page splits on them to render <mark> elements.

export const MARK_START = "\uE000";
export const MARK_END = "\uE001";

export interface TextPart {
  text: string;
  marked: boolean;
}

/** ts_headline options for a snippet of a long text: up to two fragments of about 30 words. */
export const SNIPPET_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;

/** ts_headline options for a short text (a title, a name) shown whole. */
export const WHOLE_TEXT_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;

/** Splits ts_headline's output into plain and marked parts; stray markers are dropped. */
export function highlightParts(headline: string): TextPart[] {
  const parts: TextPart[] = [];
  const push = (text: string, marked: boolean) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.marked === marked) last.text += text;
    else parts.push({ text, marked });
  };
  // Snippets span paragraphs; on a results page they read as one line.
  const [before = "", ...rest] = headline.replace(/\s+/g, " ").trim().split(MARK_START);
  push(before.replaceAll(MARK_END, ""), false);
  for (const chunk of rest) {
    const end = chunk.indexOf(MARK_END);
    if (end === -1) {
      push(chunk, false);
      continue;
    }
    push(chunk.slice(0, end), true);
    push(chunk.slice(end + 1).replaceAll(MARK_END, ""), false);
  }
  return parts;
}

/** The text without highlighting, e.g. for an accessible name. */
export function plainText(parts: readonly TextPart[]): string {
  return parts.map((part) => part.text).join("");
}
