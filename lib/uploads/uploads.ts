// Storing an upload: checked and prepared (./processing.ts), counted against the member's
// rate limit and quota, its bytes written, then its row. A refusal stores nothing; if the row
// cannot be written after the bytes were, the bytes are deleted again.
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { rows, sqlb } from "@/lib/core/db/typed-sql";
import { hitRateLimit } from "@/lib/core/rate-limit";
import { MEMBER_QUOTA_BYTES, megabytes, UPLOAD_RATE } from "./limits";
import { UploadRefused, type PreparedUpload } from "./processing";
import { fileStorage } from "./storage";

export const fileUrl = (id: string) => `/files/${id}`;

const variantKey = (storageKey: string, label: string) => `${storageKey}/${label}`;

/** Storage keys of every stored size of an upload. */
export function keysOf(upload: { storageKey: string; kind: string; variants: number[] }) {
  const labels = upload.kind === "FILE" ? ["original"] : upload.variants.map(String);
  return labels.map((label) => variantKey(upload.storageKey, label));
}

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

/** Locks the member's row (so two uploads cannot both fit the quota), then checks the quota. */
async function assertWithinQuota(tx: TransactionClient, ownerId: string, adding: number) {
  await rows(tx, sqlb.selectFrom("User").select("id").where("id", "=", ownerId).forUpdate());
  const used = await tx.upload.aggregate({
    where: { ownerId, deletedAt: null },
    _sum: { byteSize: true },
  });
  if ((used._sum.byteSize ?? 0) + adding > MEMBER_QUOTA_BYTES) {
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
export async function storePrepared(
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
    return await db.$transaction(async (tx) => {
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
