// Watching, tracking (normal) and muting one discussion, with Discourse's meaning:
//   WATCHING  every new reply notifies me;
//   TRACKING  the default: only what is about me (replies to my discussion or my reply,
//             mentions, my answer accepted);
//   MUTED     nothing from this discussion, not even replies to me or mentions.
// Like Discourse, whoever starts a discussion watches it: the author without a row is
// WATCHING. Everyone else without a row is TRACKING. Rows are only written by a choice.
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { seesHiddenContent } from "@/lib/core/auth/content-visibility";
import { readableContentWhere } from "@/lib/communities/visibility";
import { db } from "@/lib/core/db/client";
import type { Database, TransactionClient } from "@/lib/core/db/create-client";
import { invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { NotFound } from "@/lib/core/forms/errors";
import type { WatchLevel } from "@/lib/generated/prisma/enums";
import { watchLevelSchema } from "./schemas";

const CONFIRMATIONS: Record<WatchLevel, string> = {
  WATCHING: "You are watching this discussion: every new reply notifies you.",
  TRACKING: "Back to normal: you are notified of replies to you and mentions.",
  MUTED: "Muted: nothing from this discussion will notify you.",
};

export function defaultWatchLevel(memberId: string, discussion: { authorId: string }): WatchLevel {
  return discussion.authorId === memberId ? "WATCHING" : "TRACKING";
}

/** The member's level for this discussion (their choice, else the default). */
export async function watchLevelOf(
  client: Database | TransactionClient,
  memberId: string,
  discussion: { id: string; authorId: string },
): Promise<WatchLevel> {
  const row = await client.discussionWatch.findUnique({
    where: { userId_discussionId: { userId: memberId, discussionId: discussion.id } },
    select: { level: true },
  });
  return row?.level ?? defaultWatchLevel(memberId, discussion);
}

export async function setWatchLevel(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:notification:own");
  const parsed = watchLevelSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { discussionId, level } = parsed.data;
  const discussion = await db.discussion.findFirst({
    where: { id: discussionId, AND: [readableContentWhere(actor)] },
    select: { hiddenAt: true },
  });
  if (!discussion || (discussion.hiddenAt && !seesHiddenContent(actor))) {
    throw new NotFound("That discussion");
  }
  await db.discussionWatch.upsert({
    where: { userId_discussionId: { userId: actor.id, discussionId } },
    create: { userId: actor.id, discussionId, level },
    update: { level },
  });
  return success(CONFIRMATIONS[level]);
}

/**
 * Who is told of a new reply: the discussion's author and the author of the reply it
 * answers (about them, so unless they muted it) and every active watcher. Mentioned members
 * (`skip`) already got a mention; the actor is skipped by notifyMany.
 */
export async function replyRecipients(
  tx: TransactionClient,
  input: { discussionId: string; authorId: string; parentAuthorId?: string; skip: Set<string> },
): Promise<string[]> {
  const concerned = [input.authorId, input.parentAuthorId ?? input.authorId];
  const rows = await tx.discussionWatch.findMany({
    where: {
      discussionId: input.discussionId,
      OR: [{ level: "WATCHING", user: { status: "ACTIVE" } }, { userId: { in: concerned } }],
    },
    select: { userId: true, level: true },
  });
  const muted = new Set(rows.filter((r) => r.level === "MUTED").map((r) => r.userId));
  const watching = rows.filter((r) => r.level === "WATCHING").map((r) => r.userId);
  return [...new Set([...concerned, ...watching])].filter(
    (id) => !muted.has(id) && !input.skip.has(id),
  );
}

/** Those of `memberIds` who muted the discussion. */
export async function mutedAmong(
  tx: TransactionClient,
  discussionId: string,
  memberIds: readonly string[],
): Promise<string[]> {
  if (memberIds.length === 0) return [];
  const rows = await tx.discussionWatch.findMany({
    where: { discussionId, level: "MUTED", userId: { in: [...memberIds] } },
    select: { userId: true },
  });
  return rows.map((row) => row.userId);
}
