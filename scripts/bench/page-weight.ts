// How heavy a page is (issue 18's size targets): the HTML as served, how much of it is the
// inline RSC payload, and the gzip size of the JavaScript chunks its HTML makes a browser load.
import { gzipSync } from "node:zlib";

export interface PageWeight {
  route: string;
  path: string;
  /** Bytes of the HTML document (decoded, as the browser parses it). */
  htmlBytes: number;
  /** Bytes of it that are the contents of the `self.__next_f.push(…)` scripts. */
  rscPayloadBytes: number;
  /** The distinct `<script src>` chunks the HTML references (nomodule ones excluded). */
  scripts: number;
  /** Their sizes gzipped with node:zlib at the default level, summed. */
  firstLoadJsGzipBytes: number;
  /** Replies the page rendered (`<li id="reply-<id>">`); 0 on pages without replies. */
  replies: number;
}

const SCRIPT_ELEMENT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
/** Next.js's inline RSC chunks: `(self.__next_f=self.__next_f||[]).push([0])`, then `self.__next_f.push([1,"…"])`. */
const RSC_SCRIPT = /^\s*\(?self\.__next_f\b/;
const SRC_ATTRIBUTE = /\ssrc="([^"]*)"/i;
/** Modern browsers skip `<script nomodule>` (the legacy polyfills): not first-load JS. */
const NOMODULE_ATTRIBUTE = /\snomodule\b/i;
/** A reply's own element; the reply form's ids ("reply-form", "reply-form-heading") are not replies. */
const REPLY_ELEMENT_ID = /\sid="reply-c[a-z0-9]{20,}"/g;

/** Bytes (UTF-8) of the inline RSC payload: the contents of Next.js's `self.__next_f` scripts. */
export function rscPayloadBytes(html: string): number {
  let bytes = 0;
  for (const [, , contents] of html.matchAll(SCRIPT_ELEMENT)) {
    if (RSC_SCRIPT.test(contents!)) bytes += Buffer.byteLength(contents!, "utf8");
  }
  return bytes;
}

/** The `src` of every `<script>` element, in order, without repeats and nomodule scripts. */
export function scriptSources(html: string): string[] {
  const sources = new Set<string>();
  for (const [, attributes] of html.matchAll(SCRIPT_ELEMENT)) {
    const src = SRC_ATTRIBUTE.exec(attributes!)?.[1];
    if (src && !NOMODULE_ATTRIBUTE.test(attributes!)) sources.add(src.replaceAll("&amp;", "&"));
  }
  return [...sources];
}

export function countRenderedReplies(html: string): number {
  return html.match(REPLY_ELEMENT_ID)?.length ?? 0;
}

/** Chunk URL → its gzip size, shared by the pages of one run (they share most chunks). */
export type ChunkSizeCache = Map<string, Promise<number>>;

async function gzipSizeOf(url: string): Promise<number> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}.`);
  return gzipSync(Buffer.from(await response.arrayBuffer())).length;
}

export async function measurePageWeight(input: {
  baseUrl: string;
  route: string;
  path: string;
  cookie: string;
  chunkSizes: ChunkSizeCache;
}): Promise<PageWeight> {
  const pageUrl = new URL(input.path, input.baseUrl);
  const response = await fetch(pageUrl, { headers: { cookie: input.cookie }, redirect: "manual" });
  const html = await response.text();
  const urls = scriptSources(html).map((src) => new URL(src, pageUrl).href);
  for (const url of urls) {
    if (!input.chunkSizes.has(url)) input.chunkSizes.set(url, gzipSizeOf(url));
  }
  const sizes = await Promise.all(urls.map((url) => input.chunkSizes.get(url)!));
  return {
    route: input.route,
    path: input.path,
    htmlBytes: Buffer.byteLength(html, "utf8"),
    rscPayloadBytes: rscPayloadBytes(html),
    scripts: urls.length,
    firstLoadJsGzipBytes: sizes.reduce((sum, size) => sum + size, 0),
    replies: countRenderedReplies(html),
  };
}
