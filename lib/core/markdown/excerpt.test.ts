import { describe, expect, it } from "vitest";
import { plainExcerpt } from "./excerpt";

describe("plainExcerpt", () => {
  it("drops markdown and HTML markup, keeping the words", () => {
    expect(
      plainExcerpt(
        "# Title\n\n> quoted **bold** _it_ `code`\n\n- [link](https://x.example) ![alt](https://i.example/a.png)\n\n<script>alert(1)</script>",
      ),
    ).toBe("Title quoted bold _it_ code link alt alert(1)");
  });

  it("cuts long text at the limit with an ellipsis, never inside a character", () => {
    const text = "😀".repeat(300);
    const excerpt = plainExcerpt(text, 200);
    expect(Array.from(excerpt)).toHaveLength(200);
    expect(excerpt.endsWith("😀…")).toBe(true);
    expect(plainExcerpt("short", 200)).toBe("short");
  });
});
