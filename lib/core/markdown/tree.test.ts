import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown";
import { markdownTree } from "./tree";

const render = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

describe("markdownTree cache", () => {
  it("parses a text once and reuses the tree", () => {
    const source = `Cached ${Math.random()} [link](https://example.com)`;
    expect(markdownTree(source)).toBe(markdownTree(source));
    expect(markdownTree(source, { headingIds: true })).not.toBe(markdownTree(source));
  });

  it("renders the same safe output from the cached tree", () => {
    const source = `# Title ${Math.random()}\n\n[x](javascript:alert(1)) <b>raw</b>`;
    const first = render(source);
    expect(render(source)).toBe(first);
    expect(first).not.toContain("javascript:");
    expect(first).toContain("&lt;b&gt;raw&lt;/b&gt;");
  });
});
