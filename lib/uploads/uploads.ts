// Storing an upload: checked and prepared (./processing.ts), counted against the member's
// rate limit and quota, its bytes written, then its row. A refusal stores nothing; if the row
// cannot be written after the bytes were, the bytes are deleted again.
import type { Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { hitRateLimit } from "@/lib/core/rate-limit";
import { UPLOAD_RATE } from "./limits";
import { UploadRefused, type PreparedUpload } from "./processing";
import { writeUpload, type StoredUpload } from "./store";

export const fileUrl = (id: string) => `/files/${id}`;

/** The markdown that shows the upload: a picture, or a link to the file. */
export function uploadMarkdown(upload: { id: string; kind: string; name: string }): string {
  const text = upload.name.replace(/[\\[\]]/g, "\\$&");
  const link = `[${text}](${fileUrl(upload.id)})`;
  return upload.kind === "IMAGE" ? `!${link}` : link;
}

/** Refuses a member who has sent too many uploads in the window (counts this one). */
export async function countUploadAttempt(actor: Pick<Actor, "id">): Promise<void> {
  const rule = { key: `upload:member:${actor.id}`, ...UPLOAD_RATE };
  const state = await hitRateLimit(db, rule);
  if (state.count > rule.limit) {
    const minutes = Math.max(1, Math.ceil(state.retryAfterSeconds / 60));
    throw new UploadRefused(
      `You have uploaded a lot in a short time; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      429,
    );
  }
}

/** `writeUpload` (./store.ts) with the app's database client. */
export function storePrepared(
  ownerId: string,
  prepared: PreparedUpload,
  after?: (tx: TransactionClient, upload: { id: string }) => Promise<void>,
): Promise<StoredUpload> {
  return writeUpload(db, ownerId, prepared, after);
}
