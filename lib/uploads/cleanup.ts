// Uploads nobody saved into content: a member pasted a picture into a reply and left. They
// are readable by their owner only and count against the quota, so the daily housekeeping
// deletes them a day after they were sent.
import type { Database } from "@/lib/core/db/create-client";
import { deleteBlobs, keysOf } from "./store";

/** How long an upload may wait in an unsaved draft (a draft kept overnight still works). */
export const PENDING_UPLOAD_KEEP_MS = 24 * 60 * 60 * 1000;
const BATCH = 500;

interface DeletedRow {
  storageKey: string;
  kind: string;
  variants: number[];
}

/** Deletes pending uploads older than the keeping time (rows, then their bytes); returns how many. */
export async function deleteAbandonedUploads(
  database: Database,
  now = new Date(),
): Promise<number> {
  const cutoff = new Date(now.getTime() - PENDING_UPLOAD_KEEP_MS);
  let deleted = 0;
  for (;;) {
    // The row is deleted only if it is still pending at that moment: one bound to content in
    // between keeps its row and its bytes.
    const rows = await database.$queryRaw<DeletedRow[]>`
      DELETE FROM "Upload" WHERE id IN (
        SELECT id FROM "Upload"
        WHERE "targetType" IS NULL AND kind <> 'AVATAR' AND "createdAt" < ${cutoff}
        LIMIT ${BATCH})
      AND "targetType" IS NULL
      RETURNING "storageKey", kind::text AS kind, variants`;
    await deleteBlobs(rows.flatMap(keysOf));
    deleted += rows.length;
    if (rows.length < BATCH) return deleted;
  }
}
