// The response that serves an upload's bytes. Pictures show inline; every other file is a
// download. The file's own CSP (no scripts, sandboxed) and nosniff keep even a misjudged file
// from running as a page of the app; caches are private to the browser.
import { db } from "@/lib/core/db/client";
import type { UploadAccess } from "./access";
import { fileStorage } from "./storage";

/** A deleted or moved photo gets a new id, so photos may be cached longer than attachments. */
const CACHE_SECONDS = { AVATAR: 86_400, IMAGE: 300, FILE: 300 } as const;

/** RFC 6266 / 5987: an ASCII fallback and the exact UTF-8 name. */
export function contentDisposition(type: "inline" | "attachment", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\;%]/g, "_");
  const exact = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

/** A picture is stored as WebP, so "Save image as" should not offer "photo.jpg". */
const pictureName = (name: string) => `${name.replace(/\.[a-z0-9]{1,8}$/i, "")}.webp`;

function labelFor(upload: { kind: string; variants: number[] }, width: number | undefined) {
  if (upload.kind === "FILE") return width === undefined ? "original" : null;
  if (width === undefined)
    return upload.variants[0] !== undefined ? String(upload.variants[0]) : null;
  return upload.variants.includes(width) ? String(width) : null;
}

/**
 * The upload's bytes at the stored width asked for (the largest without one), or null when it
 * does not exist, `mayRead` refuses, or no such width is stored.
 */
export async function readUpload(
  id: string,
  width: number | undefined,
  mayRead: (upload: UploadAccess) => Promise<boolean>,
): Promise<Response | null> {
  const upload = await db.upload.findUnique({ where: { id } });
  if (!upload || !(await mayRead(upload))) return null;
  const label = labelFor(upload, width);
  if (!label) return null;
  const bytes = await fileStorage().get(`${upload.storageKey}/${label}`);
  if (!bytes) return null;
  const inline = upload.kind !== "FILE";
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": upload.contentType,
      "Content-Length": String(bytes.length),
      "Content-Disposition": inline
        ? contentDisposition("inline", pictureName(upload.originalName))
        : contentDisposition("attachment", upload.originalName),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": `private, max-age=${CACHE_SECONDS[upload.kind]}`,
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}

const UNAVAILABLE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="64" viewBox="0 0 360 64" role="img" aria-label="File removed or not available"><rect x="0.5" y="0.5" width="359" height="63" rx="6" fill="#f5f5f4" stroke="#a8a29e" stroke-dasharray="6 4"/><text x="180" y="38" text-anchor="middle" font-family="system-ui, sans-serif" font-size="16" fill="#44403c">File removed or not available</text></svg>`;

/** Whether the browser asks for the file to show it in an `<img>`. */
export function wantsPicture(request: Request): boolean {
  const dest = request.headers.get("sec-fetch-dest");
  if (dest) return dest === "image";
  return (request.headers.get("accept") ?? "").startsWith("image/");
}

/**
 * What a picture gets for a file that is gone (purged after its content was deleted) or that
 * the viewer may not read: still a 404, but one that draws "File removed or not available"
 * instead of a broken image. The same for both, so it reveals nothing.
 */
export function unavailablePicture(): Response {
  return new Response(UNAVAILABLE_SVG, {
    status: 404,
    headers: {
      "Content-Type": "image/svg+xml",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      // Not kept: the content may be restored, or the viewer given access.
      "Cache-Control": "no-store",
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}
