// Stable ids for the headings of a member's markdown, and the list of those headings for a
// table of contents. Both go through the same parser (remark + GFM, as react-markdown) and
// the same remark plugin, so a contents link always names the id the rendered heading has.
// The sanitiser keeps ids as written (its clobber prefix is empty, see sanitize-schema.ts).
import type { Heading, Nodes, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

/** Every heading id starts with this, so none can collide with the page's own ids. */
export const HEADING_ID_PREFIX = "section-";

export interface MarkdownHeading {
  /** 1 for `#`, 2 for `##`, ... as written (the renderer shows them two levels lower). */
  depth: number;
  text: string;
  id: string;
}

/** The plain text of a node, as a reader sees it (image alt text included). */
function plainText(node: Nodes): string {
  if ("value" in node && typeof node.value === "string") return node.value;
  if (node.type === "image") return node.alt ?? "";
  if ("children" in node) return node.children.map((child) => plainText(child)).join("");
  return "";
}

/** GitHub-style slug: lower case, punctuation dropped, spaces to hyphens (any script kept). */
function slugOf(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** Gives each slug once: a repeated one gets "-1", "-2" ... as on GitHub. */
function uniqueSlugger() {
  const seen = new Set<string>();
  return (text: string) => {
    const base = `${HEADING_ID_PREFIX}${slugOf(text) || "heading"}`;
    let id = base;
    for (let n = 1; seen.has(id); n++) id = `${base}-${n}`;
    seen.add(id);
    return id;
  };
}

function headingsIn(node: Nodes, found: Heading[] = []): Heading[] {
  if (node.type === "heading") found.push(node);
  else if ("children" in node) for (const child of node.children) headingsIn(child, found);
  return found;
}

/** Numbers the headings of one document and records each one's id on the node. */
function assignIds(tree: Root): MarkdownHeading[] {
  const slug = uniqueSlugger();
  return headingsIn(tree).map((heading) => {
    const text = plainText(heading).replace(/\s+/g, " ").trim();
    const id = slug(text);
    heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id } };
    return { depth: heading.depth, text, id };
  });
}

/** A remark plugin: every heading gets an `id` (see HEADING_ID_PREFIX), unique in the text. */
export function remarkHeadingIds() {
  return (tree: Root) => {
    assignIds(tree);
  };
}

const parser = unified().use(remarkParse).use(remarkGfm);

/** The headings of a markdown text, in order, with the ids <Markdown headingIds> gives them. */
export function extractHeadings(markdown: string): MarkdownHeading[] {
  return assignIds(parser.parse(markdown));
}
