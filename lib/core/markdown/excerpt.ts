// A short plain-text glimpse of member-written markdown, for lists. React escapes it
// when shown; stripping the markup only makes it readable.

const MARKUP: [RegExp, string][] = [
  [/```[^\n]*/g, " "], // code fences
  [/!\[([^\]]*)\]\([^)]*\)/g, "$1"], // images: their alt text
  [/\[([^\]]*)\]\([^)]*\)/g, "$1"], // links: their text
  [/<\/?[a-z][^>]*>/gi, " "], // HTML tags
  [/^\s{0,3}(#{1,6}|>+|[-*+]|\d+[.)])\s+/gm, ""], // headings, quotes, list markers
  [/(\*\*|__|~~|`|\*)/g, ""], // emphasis, strikethrough, inline code
];

export function plainExcerpt(markdown: string, max = 200): string {
  let text = markdown;
  for (const [pattern, replacement] of MARKUP) text = text.replace(pattern, replacement);
  const chars = Array.from(text.replace(/\s+/g, " ").trim());
  return chars.length > max
    ? `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`
    : chars.join("");
}
