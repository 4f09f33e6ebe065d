import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown";
import { extractHeadings } from "./headings";

const render = (source: string, headingIds = true) =>
  renderToStaticMarkup(createElement(Markdown, { source, headingIds }));

const idsIn = (html: string) => [...html.matchAll(/<h\d[^>]*\sid="([^"]*)"/g)].map((m) => m[1]);

const SAMPLE = [
  "# What happened",
  "Text with a [link](https://example.com).",
  "## What we learned",
  "```md\n# not a heading inside code\n```",
  "## What we'd do _differently_",
  "Setext heading\n--------------",
  "> ### Quoted `code` heading",
  "## What we learned",
  "## ~~Old~~ **new** ![icon](https://example.com/i.png)",
  "## Ünïcode & ümlauts: ok?",
  "## !!!",
].join("\n\n");

describe("extractHeadings", () => {
  it("lists headings in order with their depth and plain text, skipping code blocks", () => {
    expect(extractHeadings(SAMPLE)).toEqual([
      { depth: 1, text: "What happened", id: "section-what-happened" },
      { depth: 2, text: "What we learned", id: "section-what-we-learned" },
      { depth: 2, text: "What we'd do differently", id: "section-what-wed-do-differently" },
      { depth: 2, text: "Setext heading", id: "section-setext-heading" },
      { depth: 3, text: "Quoted code heading", id: "section-quoted-code-heading" },
      { depth: 2, text: "What we learned", id: "section-what-we-learned-1" },
      { depth: 2, text: "Old new icon", id: "section-old-new-icon" },
      { depth: 2, text: "Ünïcode & ümlauts: ok?", id: "section-ünïcode--ümlauts-ok" },
      { depth: 2, text: "!!!", id: "section-heading" },
    ]);
  });

  it("finds nothing in text without headings", () => {
    expect(extractHeadings("Just a paragraph.\n\n- and a list")).toEqual([]);
  });
});

describe("<Markdown headingIds>", () => {
  it("gives the rendered headings exactly the ids the table of contents links to", () => {
    const html = render(SAMPLE);
    expect(idsIn(html)).toEqual(extractHeadings(SAMPLE).map((heading) => heading.id));
  });

  it("keeps the ids through the sanitiser, unprefixed", () => {
    const html = render("## Setup\n\n## Setup");
    expect(html).toMatch(/<h4 id="section-setup"[^>]*>Setup<\/h4>/);
    expect(html).toMatch(/<h4 id="section-setup-1"[^>]*>Setup<\/h4>/);
    expect(html).not.toContain("user-content-section");
  });

  it("leaves headings without ids unless asked", () => {
    expect(render("## Setup", false)).not.toContain("id=");
  });

  it("cannot be steered into unsafe attributes by heading text", () => {
    const html = render('## "><script>alert(1)</script> onmouseover=alert(1)');
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.map((tag) => tag.replace(/^<(\w+).*/, "$1"))).toEqual(["div", "h4"]);
    expect(tags.join("")).not.toMatch(/\son[a-z]+=/i);
    expect(idsIn(html)[0]).toBe("section-scriptalert1script-onmouseoveralert1");
  });
});
