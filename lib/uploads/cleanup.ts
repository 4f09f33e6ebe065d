// The daily housekeeping of uploads. Uploads nobody saved into content (a member pasted a
// picture into a reply and left) are readable by their owner only and count against the quota:
// they are deleted a day after they were sent. Uploads no content needs any more are purged:
// those an edit took out of their text at once, those of deleted content after a grace period
// (./retention.ts), those whose content's row is gone (a cascade delete) at once.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Database } from "@/lib/core/db/create-client";
import { CONTENT_NEEDS_UNTIL, DELETED_CONTENT_KEEP_MS } from "./retention";
import { deleteBlobs, keysOf } from "./store";

/** How long an upload may wait in an unsaved draft (a draft kept overnight still works). */
export const PENDING_UPLOAD_KEEP_MS = 24 * 60 * 60 * 1000;
const BATCH = 500;

interface DeletedRow {
  storageKey: string;
  kind: string;
  variants: number[];
}

/** Deletes the uploads `u` the condition holds for, rows then bytes, in batches; returns how many. */
async function deleteUploadsWhere(database: Database, condition: Prisma.Sql): Promise<number> {
  let deleted = 0;
  for (;;) {
    // The condition is checked again on the row as it is when deleted: an upload bound to
    // content in between keeps its row and its bytes.
    const rows = await database.$queryRaw<DeletedRow[]>`
      DELETE FROM "Upload" u WHERE u.id IN (
        SELECT u.id FROM "Upload" u WHERE ${condition} LIMIT ${BATCH})
      AND ${condition}
      RETURNING u."storageKey", u.kind::text AS kind, u.variants`;
    await deleteBlobs(rows.flatMap(keysOf));
    deleted += rows.length;
    if (rows.length < BATCH) return deleted;
  }
}

/** Deletes pending uploads older than the keeping time; returns how many. */
export function deleteAbandonedUploads(database: Database, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - PENDING_UPLOAD_KEEP_MS);
  return deleteUploadsWhere(
    database,
    Prisma.sql`(u."targetType" IS NULL AND u.kind <> 'AVATAR' AND u."createdAt" < ${cutoff})`,
  );
}

/**
 * Purges the uploads no content needs: released from their text by an edit, attached to
 * content deleted more than the grace period ago, or attached to content that no longer
 * exists. Returns how many.
 */
export function purgeReleasedUploads(database: Database, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - DELETED_CONTENT_KEEP_MS);
  return deleteUploadsWhere(
    database,
    Prisma.sql`(u."deletedAt" <= ${now}
      OR (u."targetType" IS NOT NULL AND ${CONTENT_NEEDS_UNTIL} < ${cutoff}))`,
  );
}
