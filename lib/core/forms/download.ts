// The Content-Disposition header of a download (a CSV export, an .ics file). File names are
// often built from input (a session's title, an id from the URL): whatever they hold, the
// header stays one line that Node.js can send and browsers read as one file name.

/** Characters a quoted file name keeps as they are: letters, digits and - _ . ( ) + ,. */
const PLAIN = /[^A-Za-z0-9\-_.()+,]+/g;

/**
 * `attachment; filename="…"` (or inline): the name reduced to plain ASCII for the quoted
 * form (anything else becomes "-", never a quote, a backslash, a slash or a line break), and
 * the full name percent-encoded as UTF-8 in filename* (RFC 6266) when it differs.
 */
export function contentDisposition(
  disposition: "attachment" | "inline",
  fileName: string,
  fallback = "download",
): string {
  const plain =
    fileName
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(PLAIN, "-")
      .replace(/^[-.]+|-+$/g, "")
      .slice(0, 120) || fallback;
  const clean = fileName.toWellFormed().replace(/[\p{Cc}\u2028\u2029/\\]+/gu, "-");
  if (clean === plain) return `${disposition}; filename="${plain}"`;
  const encoded = encodeURIComponent(clean).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${plain}"; filename*=UTF-8''${encoded}`;
}
