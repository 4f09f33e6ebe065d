// Writing an upload's bytes and its row with a given database client, so that the demo seed
// (which has no app client) stores photos the same way uploads do.
import { randomBytes } from "node:crypto";
import type { Database, TransactionClient } from "@/lib/core/db/create-client";
import { rows, sqlb } from "@/lib/core/db/typed-sql";
import { MEMBER_QUOTA_BYTES, megabytes } from "./limits";
import { UploadRefused, type PreparedUpload } from "./processing";
import { COUNTS_TOWARDS_QUOTA } from "./retention";
import { fileStorage } from "./storage";

const variantKey = (storageKey: string, label: string) => `${storageKey}/${label}`;

/** Storage keys of every stored size of an upload. */
export function keysOf(upload: { storageKey: string; kind: string; variants: number[] }) {
  const labels = upload.kind === "FILE" ? ["original"] : upload.variants.map(String);
  return labels.map((label) => variantKey(upload.storageKey, label));
}

/** Bytes counted against the member's quota: live uploads of content that is not deleted. */
export async function bytesCounted(database: Database | TransactionClient, ownerId: string) {
  const [row] = await database.$queryRaw<{ used: number }[]>`
    SELECT COALESCE(SUM(u."byteSize"), 0)::float8 AS used FROM "Upload" u
    WHERE u."ownerId" = ${ownerId} AND ${COUNTS_TOWARDS_QUOTA}`;
  return row!.used;
}

/** Locks the member's row (so two uploads cannot both fit the quota), then checks the quota. */
async function assertWithinQuota(tx: TransactionClient, ownerId: string, adding: number) {
  await rows(tx, sqlb.selectFrom("User").select("id").where("id", "=", ownerId).forUpdate());
  if ((await bytesCounted(tx, ownerId)) + adding > MEMBER_QUOTA_BYTES) {
    throw new UploadRefused(
      `Your uploads would use more than your ${megabytes(MEMBER_QUOTA_BYTES)}; delete some content with attachments first.`,
      429,
    );
  }
}

export async function deleteBlobs(keys: string[]): Promise<void> {
  const storage = fileStorage();
  await Promise.allSettled(keys.map((key) => storage.delete(key)));
}

export interface StoredUpload {
  id: string;
  kind: PreparedUpload["kind"];
  name: string;
}

/**
 * Writes the prepared bytes, then the row (and whatever else `after` writes) in one
 * transaction that checks the quota. Any failure after the bytes are written deletes them.
 */
export async function writeUpload(
  database: Database,
  ownerId: string,
  prepared: PreparedUpload,
  after?: (tx: TransactionClient, upload: { id: string }) => Promise<void>,
): Promise<StoredUpload> {
  const storageKey = `u/${randomBytes(16).toString("hex")}`;
  const storage = fileStorage();
  const written: string[] = [];
  try {
    for (const variant of prepared.variants) {
      const key = variantKey(storageKey, variant.label);
      written.push(key);
      await storage.put(key, variant.bytes, prepared.contentType);
    }
    const byteSize = prepared.variants.reduce((sum, v) => sum + v.bytes.length, 0);
    return await database.$transaction(async (tx) => {
      await assertWithinQuota(tx, ownerId, byteSize);
      const upload = await tx.upload.create({
        data: {
          ownerId,
          kind: prepared.kind,
          contentType: prepared.contentType,
          byteSize,
          originalName: prepared.name,
          storageKey,
          width: prepared.width,
          height: prepared.height,
          variants: prepared.widths,
        },
        select: { id: true, kind: true, originalName: true },
      });
      await after?.(tx, upload);
      return { id: upload.id, kind: upload.kind, name: upload.originalName };
    });
  } catch (error) {
    await deleteBlobs(written);
    throw error;
  }
}
