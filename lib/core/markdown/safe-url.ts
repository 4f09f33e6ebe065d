// Which link and image addresses survive in rendered markdown. Everything else (javascript:,
// data:, vbscript:, file:, relative paths that could be made to look like app actions) is
// dropped, leaving the link text. Links to the app's own reading pages (a member, a
// discussion, a post, a tag: what @mentions and cross-references point at) are kept, and so
// are the app's own uploaded files. Images are stricter: only an uploaded file, /files/<id>,
// is shown; any other picture address becomes a plain link (see tree.ts).

const ALLOWED_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

const IN_APP_READING_PAGE = /^\/(members|discussions|posts|tags|sessions)\/[\w-]+(#[\w-]+)?$/;

/** An upload served by app/files/[id]/route.ts, optionally at a stored width. */
const UPLOADED_FILE = /^\/files\/[a-z0-9]{20,40}(\?w=\d{1,5})?$/;

/** The address if it is one of the app's uploaded files; otherwise "". */
export function safeImageUrl(raw: string): string {
  const url = raw.trim();
  return UPLOADED_FILE.test(url) ? url : "";
}

/** The URL if it is http(s), mailto, an in-page #fragment (GFM footnotes) or an in-app reading page; otherwise "". */
export function safeMarkdownUrl(raw: string): string {
  const url = raw.trim();
  if (/^#[\w-]*$/.test(url) || IN_APP_READING_PAGE.test(url) || UPLOADED_FILE.test(url)) {
    return url;
  }
  try {
    return ALLOWED_PROTOCOLS.has(new URL(url).protocol) ? url : "";
  } catch {
    return "";
  }
}
