// The request side of the upload routes: same-origin only, and the body's size judged
// before it is read whole (its Content-Length, then a cap while it streams in).
import { NextResponse } from "next/server";
import { MAX_FILE_BYTES, MULTIPART_OVERHEAD_BYTES, megabytes } from "./limits";
import { UploadRefused } from "./processing";

const MAX_BODY_BYTES = MAX_FILE_BYTES + MULTIPART_OVERHEAD_BYTES;
const TOO_LARGE = `That file is too large: send at most ${megabytes(MAX_FILE_BYTES)}.`;

/**
 * Whether a state-changing request comes from the app's own pages: its Origin names this
 * host (as Next.js checks server actions), or, without an Origin, the browser says
 * Sec-Fetch-Site: same-origin.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin && origin !== "null") {
    try {
      return new URL(origin).host === (host ?? new URL(request.url).host);
    } catch {
      return false;
    }
  }
  return request.headers.get("sec-fetch-site") === "same-origin";
}

export const uploadError = (message: string, status: number) =>
  NextResponse.json({ error: message }, { status, headers: { "Cache-Control": "no-store" } });

export const refusalResponse = (error: UploadRefused) => uploadError(error.message, error.status);

/** The body, refused with 413 once it passes the cap, without holding more than the cap. */
async function cappedBody(request: Request): Promise<Buffer> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > MAX_BODY_BYTES) {
    throw new UploadRefused(TOO_LARGE, 413);
  }
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new UploadRefused(TOO_LARGE, 413);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export interface UploadForm {
  file: { name: string; bytes: Buffer };
  fields: Record<string, string>;
}

/** The multipart form: one `file` and any text fields (first value of each). */
export async function readUploadForm(request: Request): Promise<UploadForm> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) {
    throw new UploadRefused("Send the file as multipart/form-data in a field named file.", 400);
  }
  const body = await cappedBody(request);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), {
      headers: { "content-type": type },
    }).formData();
  } catch {
    throw new UploadRefused("The upload could not be read; try again.", 400);
  }
  const file = form.get("file");
  if (!(file instanceof Blob)) throw new UploadRefused("Choose a file to upload.", 400);
  const fields: Record<string, string> = {};
  for (const [name, value] of form) {
    if (typeof value === "string" && !Object.hasOwn(fields, name)) fields[name] = value;
  }
  const name = file instanceof File ? file.name : "file";
  return { file: { name, bytes: Buffer.from(await file.arrayBuffer()) }, fields };
}
