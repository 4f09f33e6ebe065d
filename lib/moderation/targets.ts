// The kinds of content admins moderate, behind one interface: find an item, flip its
// hiddenAt, keep its parent's visible-children counter right, and say where it lives.
import type { TransactionClient } from "@/lib/core/db/create-client";
import { refreshDiscussionStats } from "@/lib/discussions/stats";
import type { ReportTarget } from "@/lib/generated/prisma/enums";

/** The audit log's entityType for each kind: the model's name. */
export const AUDIT_ENTITY_TYPES: Record<ReportTarget, string> = {
  DISCUSSION: "Discussion",
  REPLY: "Reply",
  POST: "KnowledgePost",
  COMMENT: "PostComment",
  RECOGNITION: "Recognition",
};

export interface ModeratedItem {
  id: string;
  hiddenAt: Date | null;
  deletedAt: Date | null;
  /** The discussion of a reply or the post of a comment; null for the others. */
  parentId: string | null;
}

const STATE = { id: true, hiddenAt: true, deletedAt: true } as const;

export async function findModeratedItem(
  tx: TransactionClient,
  type: ReportTarget,
  id: string,
): Promise<ModeratedItem | null> {
  switch (type) {
    case "DISCUSSION": {
      const row = await tx.discussion.findUnique({ where: { id }, select: STATE });
      return row && { ...row, parentId: null };
    }
    case "REPLY": {
      const row = await tx.reply.findUnique({
        where: { id },
        select: { ...STATE, discussionId: true },
      });
      return row && { ...row, parentId: row.discussionId };
    }
    case "POST": {
      const row = await tx.knowledgePost.findUnique({ where: { id }, select: STATE });
      return row && { ...row, parentId: null };
    }
    case "COMMENT": {
      const row = await tx.postComment.findUnique({
        where: { id },
        select: { ...STATE, postId: true },
      });
      return row && { ...row, parentId: row.postId };
    }
    case "RECOGNITION": {
      const row = await tx.recognition.findUnique({ where: { id }, select: STATE });
      return row && { ...row, parentId: null };
    }
  }
}

/**
 * The community the item belongs to (a reply's or comment's through its parent), whose leads
 * may moderate it; null outside communities.
 */
export async function communityOfItem(
  tx: TransactionClient,
  type: ReportTarget,
  item: ModeratedItem,
): Promise<string | null> {
  const select = { communityId: true } as const;
  switch (type) {
    case "DISCUSSION":
    case "REPLY": {
      const id = type === "REPLY" ? item.parentId! : item.id;
      return (await tx.discussion.findUnique({ where: { id }, select }))?.communityId ?? null;
    }
    case "POST":
    case "COMMENT": {
      const id = type === "COMMENT" ? item.parentId! : item.id;
      return (await tx.knowledgePost.findUnique({ where: { id }, select }))?.communityId ?? null;
    }
    case "RECOGNITION":
      return null;
  }
}

/**
 * Sets hiddenAt only if the item is currently in the other state, so that of two admins
 * acting at once exactly one changes it (and adjusts the counters). True when it changed.
 */
export async function switchHiddenAt(
  tx: TransactionClient,
  type: ReportTarget,
  id: string,
  hiddenAt: Date | null,
): Promise<boolean> {
  const where = { id, hiddenAt: hiddenAt ? null : { not: null } };
  const data = { hiddenAt };
  switch (type) {
    case "DISCUSSION":
      return (await tx.discussion.updateMany({ where, data })).count === 1;
    case "REPLY":
      return (await tx.reply.updateMany({ where, data })).count === 1;
    case "POST":
      return (await tx.knowledgePost.updateMany({ where, data })).count === 1;
    case "COMMENT":
      return (await tx.postComment.updateMany({ where, data })).count === 1;
    case "RECOGNITION":
      return (await tx.recognition.updateMany({ where, data })).count === 1;
  }
}

/**
 * Recounts the visible (neither deleted nor hidden) comments of a post. Locks the post
 * first, so a comment added at the same moment is either counted here or counts itself.
 */
async function refreshPostCommentCount(tx: TransactionClient, postId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "KnowledgePost" WHERE "id" = ${postId} FOR NO KEY UPDATE`;
  await tx.$executeRaw`
    UPDATE "KnowledgePost" p SET "commentCount" = (
      SELECT count(*)::int FROM "PostComment" c
       WHERE c."postId" = p."id" AND c."deletedAt" IS NULL AND c."hiddenAt" IS NULL)
    WHERE p."id" = ${postId}`;
}

/**
 * Discussion.replyCount (and lastActivityAt) and KnowledgePost.commentCount count visible
 * replies and comments, so hiding or restoring one changes its parent's numbers.
 */
export async function refreshParentCounters(
  tx: TransactionClient,
  type: ReportTarget,
  item: ModeratedItem,
): Promise<void> {
  if (!item.parentId) return;
  if (type === "REPLY") await refreshDiscussionStats(tx, item.parentId);
  if (type === "COMMENT") await refreshPostCommentCount(tx, item.parentId);
}

/** Where the item is shown: its page, or its anchor on the parent's page. */
export function moderatedItemPath(type: ReportTarget, id: string, parentId: string | null): string {
  switch (type) {
    case "DISCUSSION":
      return `/discussions/${id}`;
    case "REPLY":
      return `/discussions/${parentId}#reply-${id}`;
    case "POST":
      return `/posts/${id}`;
    case "COMMENT":
      return `/posts/${parentId}#comment-${id}`;
    case "RECOGNITION":
      return `/recognition/${id}`;
  }
}
