import "server-only";
// How far a member has read a thread (DiscussionRead.lastReadAt), and where a thread opens
// for them: at the first reply they have not read. The unread rule is the one of the
// contract (lib/discussions/thread-queries.ts reads it in the discussion's statement).
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { locateReply, type Thread } from "./thread-queries";

/**
 * Moves the member's read marker for the discussion up to `seenUpTo`, never back: one
 * statement, which writes nothing when the marker is already there or later.
 */
export async function markThreadRead(
  userId: string,
  discussionId: string,
  seenUpTo: Date,
  client: Pick<TransactionClient, "$executeRaw"> = db,
): Promise<void> {
  await client.$executeRaw`
    INSERT INTO "DiscussionRead" ("userId", "discussionId", "lastReadAt")
    VALUES (${userId}, ${discussionId}, ${seenUpTo.toISOString()}::timestamp(3))
    ON CONFLICT ("userId", "discussionId") DO UPDATE SET "lastReadAt" = EXCLUDED."lastReadAt"
    WHERE "DiscussionRead"."lastReadAt" < EXCLUDED."lastReadAt"`;
}

/**
 * What a page of the thread shows the member has read: the discussion itself and every
 * reply on the page (the contract: the newest reply shown, or the discussion's creation).
 */
export function seenUpTo(thread: Thread): Date {
  const times = [thread.discussion.createdAt, ...thread.replies.items.map((r) => r.createdAt)];
  return new Date(Math.max(...times.map((time) => time.getTime())));
}

/**
 * Where the read marker must move after this view, or null when the member had already read
 * that far (by this thread's marker or "mark all read"): a repeated view writes nothing, so
 * it sends no statement at all.
 */
export function readMarkerMove(thread: Thread): Date | null {
  const upTo = seenUpTo(thread);
  return upTo > thread.unread.readUpTo ? upTo : null;
}

/**
 * Whether a request for the thread page is the member reading it: not a prefetch (the
 * router's, or the browser's speculative one), not a HEAD (the proxy passes the method on as
 * x-request-method), and not the page rendered again as the answer to a server action (a
 * Next-Action header, or a form body without JavaScript).
 */
export function isReadingView(headers: Headers): boolean {
  const prefetch =
    headers.has("next-router-prefetch") ||
    headers.get("purpose") === "prefetch" ||
    (headers.get("sec-purpose") ?? "").includes("prefetch");
  const action = headers.has("next-action") || headers.has("content-type");
  return !prefetch && !action && headers.get("x-request-method") !== "HEAD";
}

/**
 * Where the member should land on arriving at the thread (no cursor, no sort): the page
 * holding the first unread reply, in the thread's order, when it is not the first page;
 * null to stay. At most one statement, and none unless every unread reply is elsewhere.
 */
export async function firstUnreadRedirect(
  viewerId: string,
  thread: Thread,
): Promise<string | null> {
  if (thread.unread.count === 0 || thread.unread.firstOnPage) return null;
  const href = await locateReply(thread.discussion.id, thread.sort, {
    unreadFor: viewerId,
    after: thread.unread.readUpTo,
  });
  // On the first page after all (it moved since the page was read): stay.
  return href && new URL(href, "http://x").searchParams.has("cursor") ? href : null;
}
