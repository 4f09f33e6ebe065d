// Markdown → sanitised HTML syntax tree, the pipeline react-markdown runs, with its result
// kept in a bounded in-memory cache: a thread's 100 replies are parsed and sanitised once,
// not on every request (parsing is ~1.5 ms per reply; the cached tree turns into React
// elements in a fraction of that). Trees are never mutated after they are cached.
import type { Element, Root } from "hast";
import { urlAttributes } from "html-url-attributes";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { remarkHeadingIds } from "./headings";
import { rehypeRawHtmlAsText } from "./raw-html-as-text";
import { markdownSanitizeSchema } from "./sanitize-schema";
import { safeImageUrl, safeMarkdownUrl } from "./safe-url";

function pipeline(headingIds: boolean) {
  const parsed = unified().use(remarkParse).use(remarkGfm);
  return (headingIds ? parsed.use(remarkHeadingIds) : parsed)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRawHtmlAsText)
    .use(rehypeSanitize, markdownSanitizeSchema)
    .freeze();
}

const PLAIN = pipeline(false);
const WITH_HEADING_IDS = pipeline(true);

/**
 * A picture from anywhere but the app's own uploads is not loaded (the CSP would refuse it,
 * and it would tell another host who reads what): it becomes a link to it, named by its alt
 * text. An address that is not even a safe link leaves the alt text alone.
 */
function restrictImage(element: Element): Element {
  const src = String(element.properties.src ?? "");
  const own = safeImageUrl(src);
  if (own) return { ...element, properties: { ...element.properties, src: own } };
  const href = safeMarkdownUrl(src);
  const alt = String(element.properties.alt ?? "");
  if (!href) return { ...element, properties: { alt, src: "" } };
  return {
    type: "element",
    tagName: "a",
    properties: { href },
    children: [{ type: "text", value: alt || href }],
  };
}

/** Link and image addresses through safeMarkdownUrl; any raw HTML left becomes text. */
function restrictUrls(tree: Root): void {
  visit(tree, (node, index, parent) => {
    if (node.type === "raw" && parent && typeof index === "number") {
      parent.children[index] = { type: "text", value: node.value };
      return index;
    }
    if (node.type !== "element") return;
    if ((node as Element).tagName === "img" && parent && typeof index === "number") {
      parent.children[index] = restrictImage(node as Element);
      return "skip";
    }
    const element = node as Element;
    for (const [attribute, tags] of Object.entries(urlAttributes)) {
      if (!Object.hasOwn(element.properties, attribute)) continue;
      if (tags === null || tags.includes(element.tagName)) {
        element.properties[attribute] = safeMarkdownUrl(
          String(element.properties[attribute] ?? ""),
        );
      }
    }
  });
}

const CACHE_LIMIT_CHARACTERS = 8_000_000;
const cache = new Map<string, Root>();
let cachedCharacters = 0;

function remember(key: string, tree: Root): void {
  cache.set(key, tree);
  cachedCharacters += key.length;
  for (const oldest of cache.keys()) {
    if (cachedCharacters <= CACHE_LIMIT_CHARACTERS) break;
    cache.delete(oldest);
    cachedCharacters -= oldest.length;
  }
}

/** The sanitised tree for this markdown. Shared: do not modify it. */
export function markdownTree(source: string, options: { headingIds?: boolean } = {}): Root {
  const key = `${options.headingIds ? "h" : "p"}${source}`;
  const cached = cache.get(key);
  if (cached) {
    cache.delete(key);
    cache.set(key, cached); // most recently used last
    return cached;
  }
  const processor = options.headingIds ? WITH_HEADING_IDS : PLAIN;
  const tree = processor.runSync(processor.parse(source)) as Root;
  restrictUrls(tree);
  remember(key, tree);
  return tree;
}
