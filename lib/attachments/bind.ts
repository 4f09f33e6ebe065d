// Binds a member's pending uploads (lib/uploads) to the content whose markdown mentions
// them, inside that content's write transaction. Only the writer's own pending uploads are
// bound: never someone else's (pasting another member's /files/<id> gives no access to it)
// and never one already bound to other content. An edit also releases the uploads its text
// no longer mentions (syncAttachments). A domain of its own, below every writer:
// lib/uploads reads the writers' access rules, so the writers cannot import lib/uploads
// without a loop (docs/architecture.md).
import type { TransactionClient } from "@/lib/core/db/create-client";
import type { AttachmentTarget } from "@/lib/generated/prisma/enums";

const FILE_REFERENCE = /\/files\/([a-z0-9]{20,40})(?![a-z0-9])/g;
/** More references than a text can sensibly hold are not looked at. */
const MAX_REFERENCES = 100;

/** The upload ids a markdown text points at, each once (at most `limit` of them). */
export function referencedUploadIds(markdown: string, limit = MAX_REFERENCES): string[] {
  const ids = new Set<string>();
  for (const match of markdown.matchAll(FILE_REFERENCE)) {
    ids.add(match[1]!);
    if (ids.size >= limit) break;
  }
  return [...ids];
}

export interface BindInput {
  ownerId: string;
  markdown: string;
  target: { type: AttachmentTarget; id: string };
}

/** Binds the owner's pending uploads that the markdown mentions; returns how many. */
export async function bindAttachments(tx: TransactionClient, input: BindInput): Promise<number> {
  const ids = referencedUploadIds(input.markdown);
  if (ids.length === 0) return 0;
  const bound = await tx.upload.updateMany({
    where: {
      id: { in: ids },
      ownerId: input.ownerId,
      targetType: null,
      kind: { not: "AVATAR" },
      deletedAt: null,
    },
    data: { targetType: input.target.type, targetId: input.target.id },
  });
  return bound.count;
}

/**
 * Unbinds the uploads bound to the target that the markdown no longer mentions: they are
 * released (`deletedAt`), served to nobody, no longer counted against the quota, and purged
 * by the daily housekeeping (lib/uploads/cleanup.ts). Returns how many.
 */
async function releaseUnmentioned(tx: TransactionClient, input: BindInput): Promise<number> {
  const mentioned = referencedUploadIds(input.markdown, Infinity);
  const released = await tx.upload.updateMany({
    where: {
      targetType: input.target.type,
      targetId: input.target.id,
      deletedAt: null,
      id: { notIn: mentioned },
    },
    data: { targetType: null, targetId: null, deletedAt: new Date() },
  });
  return released.count;
}

/**
 * After an edit: binds the owner's pending uploads the text now mentions and releases those
 * it no longer mentions. `markdown` must hold every text of the target (all of a session's
 * fields), or the uploads of the others would be released.
 */
export async function syncAttachments(tx: TransactionClient, input: BindInput): Promise<void> {
  await bindAttachments(tx, input);
  await releaseUnmentioned(tx, input);
}
