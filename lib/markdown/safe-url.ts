// Which link and image addresses survive in rendered markdown. Everything else (javascript:,
// data:, vbscript:, file:, relative paths that could be made to look like app actions) is
// dropped, leaving the link text.

const ALLOWED_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/** The URL if it is http(s), mailto or an in-page #fragment (GFM footnotes use those); otherwise "". */
export function safeMarkdownUrl(raw: string): string {
  const url = raw.trim();
  if (/^#[\w-]*$/.test(url)) return url;
  try {
    return ALLOWED_PROTOCOLS.has(new URL(url).protocol) ? url : "";
  } catch {
    return "";
  }
}
