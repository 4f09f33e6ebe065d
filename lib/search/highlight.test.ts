import { describe, expect, it } from "vitest";
import { highlightParts, MARK_END as E, MARK_START as S, plainText } from "./highlight";
import { cleanSearchText } from "./query-text";

describe("highlightParts", () => {
  it("splits a headline into plain and marked parts", () => {
    expect(highlightParts(`Use ${S}pairing${E} for ${S}onboarding${E}.`)).toEqual([
      { text: "Use ", marked: false },
      { text: "pairing", marked: true },
      { text: " for ", marked: false },
      { text: "onboarding", marked: true },
      { text: ".", marked: false },
    ]);
  });

  it("joins adjacent marks and drops stray markers", () => {
    expect(highlightParts(`${S}a${E}${S}b${E} c${E} ${S}d`)).toEqual([
      { text: "ab", marked: true },
      { text: " c d", marked: false },
    ]);
    expect(highlightParts("")).toEqual([]);
  });

  it("keeps markup as text, for React to escape", () => {
    const parts = highlightParts(`<b>${S}x${E}</b>`);
    expect(plainText(parts)).toBe("<b>x</b>");
  });
});

describe("cleanSearchText", () => {
  it("removes control characters and markers and collapses spaces", () => {
    expect(cleanSearchText(`  a\u0000b \t\n c${S}d${E}  `)).toBe("a b c d");
  });

  it("cuts by code points without splitting a surrogate pair", () => {
    const text = cleanSearchText("😀".repeat(300));
    expect(Array.from(text)).toHaveLength(200);
    expect(text.endsWith("😀")).toBe(true);
  });
});
