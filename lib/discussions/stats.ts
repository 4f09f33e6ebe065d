// The counters the list shows, kept in step with the rows they count.
import type { TransactionClient } from "@/lib/core/db/create-client";
import { rows, sql, sqlb, type RawClient } from "@/lib/core/db/typed-sql";
import { REPLY_PAGE_SIZE } from "./limits";
import { encodeCursor } from "@/lib/core/pagination/cursor";

/**
 * Recounts a discussion's visible (neither deleted nor hidden) replies and its last
 * activity (the newest visible reply, or its creation). Locks the discussion first, so a
 * reply posted at the same moment is either counted here or adds itself afterwards.
 * Moderation calls this too after hiding or restoring a reply.
 */
export async function refreshDiscussionStats(
  tx: TransactionClient,
  discussionId: string,
): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "Discussion" WHERE "id" = ${discussionId} FOR NO KEY UPDATE`;
  await tx.$executeRaw`
    UPDATE "Discussion" d SET
      "replyCount" = (SELECT count(*)::int FROM "Reply" r
                       WHERE r."discussionId" = d."id" AND r."deletedAt" IS NULL AND r."hiddenAt" IS NULL),
      "lastActivityAt" = COALESCE((SELECT max(r."createdAt") FROM "Reply" r
                       WHERE r."discussionId" = d."id" AND r."deletedAt" IS NULL AND r."hiddenAt" IS NULL),
                       d."createdAt")
    WHERE d."id" = ${discussionId}`;
}

/**
 * Where a reply is in its thread: the first page, or the page that starts with it (a
 * cursor after the reply before it). Threads are paged by (createdAt, id), all replies
 * counted (deleted and hidden ones show as placeholders).
 */
export async function replyLocation(
  tx: RawClient,
  reply: { id: string; discussionId: string; createdAt: Date },
): Promise<string> {
  const base = `/discussions/${reply.discussionId}`;
  const earlier = await rows(
    tx,
    sqlb
      .selectFrom("Reply")
      .select(["id", "createdAt"])
      .where("discussionId", "=", reply.discussionId)
      .where(
        (eb) =>
          sql<boolean>`(${eb.ref("createdAt")}, ${eb.ref("id")}) < (${reply.createdAt.toISOString()}::timestamp(3), ${reply.id})`,
      )
      .orderBy("createdAt", "desc")
      .orderBy("id", "desc")
      .limit(REPLY_PAGE_SIZE),
  );
  const previous = earlier[0];
  // The order is written out: a question opens sorted by votes, where the reply may be on
  // another page.
  if (earlier.length < REPLY_PAGE_SIZE || !previous) return `${base}?sort=oldest#reply-${reply.id}`;
  const cursor = encodeCursor([previous.createdAt.toISOString(), previous.id]);
  return `${base}?sort=oldest&cursor=${cursor}#reply-${reply.id}`;
}
