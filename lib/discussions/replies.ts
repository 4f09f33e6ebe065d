import { authorize, PermissionDenied, type Actor } from "@/lib/core/auth/authorize";
import type { Permission } from "@/lib/core/auth/permissions";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { rows, sqlb } from "@/lib/core/db/typed-sql";
import { failure, invalid, type ActionResult } from "@/lib/core/forms/action-result";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import { mentionProblem, notifyMentions } from "@/lib/mentions/mentions";
import { notifyMany, retract } from "@/lib/notifications/notify";
import { retractAcceptedNotice } from "./accept-answer";
import { mayChangeReply, replyPath } from "./access";
import { createReplySchema, editReplySchema, byIdSchema } from "./schemas";
import { refreshDiscussionStats, replyLocation } from "./stats";
import { mutedAmong, replyRecipients } from "./watch";
import { seesHiddenContent } from "@/lib/core/auth/content-visibility";
import { bindAttachments, syncAttachments } from "@/lib/attachments/bind";
import { readableContentSql, readableContentWhere } from "@/lib/communities/visibility";

export interface PostedReply {
  id: string;
  discussionId: string;
  /** Where the reply is shown (its page of the thread and anchor). */
  path: string;
}

/** Why a discussion takes no reply: unknown (404), deleted, hidden or locked. */
async function closedReason(tx: TransactionClient, actor: Actor, id: string): Promise<Error> {
  const row = await tx.discussion.findFirst({
    where: { id, AND: [readableContentWhere(actor)] },
    select: { deletedAt: true, hiddenAt: true, lockedAt: true },
  });
  if (!row || (row.hiddenAt && !seesHiddenContent(actor))) return new NotFound("That discussion");
  if (row.deletedAt)
    return new DomainError("This discussion was deleted: it takes no new replies.");
  if (row.hiddenAt) return new DomainError("This discussion is hidden: it takes no new replies.");
  return new DomainError("This discussion is locked: it takes no new replies.");
}

/**
 * Mentions in a muted discussion notify nobody (Discourse's muted: nothing from it). The
 * mentions module writes them for every mentioned member; those who muted the discussion
 * have theirs withdrawn in the same transaction, before anyone can see it.
 */
async function notifyUnmutedMentions(
  tx: TransactionClient,
  discussionId: string,
  input: Parameters<typeof notifyMentions>[1],
): Promise<string[]> {
  const mentioned = await notifyMentions(tx, input);
  const muted = await mutedAmong(tx, discussionId, mentioned);
  if (muted.length === 0) return mentioned;
  await retract(tx, { kind: "content.mentioned", recipientIds: muted, data: { path: input.path } });
  return mentioned;
}

/**
 * Replies to a discussion, or to one of its replies (`parentId`). In one transaction: the
 * reply, the discussion's reply count and last activity, and the notifications (the
 * discussion's author, the answered reply's author and the discussion's watchers are told
 * of the reply, mentioned members of the mention; each person once, never the actor, never
 * someone who muted the discussion — see ./watch).
 */
export async function createReply(
  actor: Actor,
  input: unknown,
): Promise<ActionResult<PostedReply>> {
  authorize(actor, "create:reply:any");
  const parsed = createReplySchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { discussionId, parentId, body } = parsed.data;

  return db.$transaction(async (tx) => {
    const problem = await mentionProblem(tx, body);
    if (problem) return failure(problem, { body: [problem] });
    const parent = parentId
      ? await tx.reply.findFirst({
          where: { id: parentId, discussionId, deletedAt: null, hiddenAt: null },
          select: { authorId: true },
        })
      : null;
    if (parentId && !parent)
      return failure("The reply you are answering is no longer there. Reply to the discussion.");

    const now = new Date();
    // Locks the discussion row: a reply and a lock (or delete) of the discussion serialise.
    const [discussion] = await tx.discussion.updateManyAndReturn({
      where: {
        id: discussionId,
        deletedAt: null,
        hiddenAt: null,
        lockedAt: null,
        AND: [readableContentWhere(actor)],
      },
      data: { replyCount: { increment: 1 }, lastActivityAt: now },
      select: { title: true, authorId: true },
    });
    if (!discussion) throw await closedReason(tx, actor, discussionId);

    const reply = await tx.reply.create({
      data: { discussionId, parentId: parentId ?? null, authorId: actor.id, body, createdAt: now },
      select: { id: true, createdAt: true },
    });
    await bindAttachments(tx, {
      ownerId: actor.id,
      markdown: body,
      target: { type: "REPLY", id: reply.id },
    });
    const { title } = discussion;
    const mentioned = new Set(
      await notifyUnmutedMentions(tx, discussionId, {
        actorId: actor.id,
        markdown: body,
        title,
        path: replyPath(discussionId, reply.id),
      }),
    );
    await notifyMany(tx, {
      recipientIds: await replyRecipients(tx, {
        discussionId,
        authorId: discussion.authorId,
        parentAuthorId: parent?.authorId,
        skip: mentioned,
      }),
      actorId: actor.id,
      kind: "discussion.replied",
      data: { discussionId, replyId: reply.id, title },
    });
    const path = await replyLocation(tx, { ...reply, discussionId });
    return {
      ok: true as const,
      message: "Your reply is posted.",
      data: { id: reply.id, discussionId, path },
    };
  });
}

/** The actor's own reply, locked for the change; only its author may change it. */
async function ownReply(tx: TransactionClient, actor: Actor, id: string, permission: Permission) {
  const [row] = await rows(
    tx,
    sqlb
      .selectFrom("Reply as r")
      .innerJoin("Discussion as d", "d.id", "r.discussionId")
      .select([
        "r.authorId",
        "r.discussionId",
        "r.body",
        "r.createdAt",
        "d.title",
        "r.deletedAt",
        "r.hiddenAt",
        "d.hiddenAt as discussionHiddenAt",
      ])
      .where("r.id", "=", id)
      .where(readableContentSql("d", actor))
      .forNoKeyUpdate("r"),
  );
  const hidden = row && (row.hiddenAt || row.discussionHiddenAt);
  if (!row || (hidden && !seesHiddenContent(actor))) throw new NotFound("That reply");
  if (!mayChangeReply(actor, row)) throw new PermissionDenied(permission);
  if (row.deletedAt) throw new DomainError("This reply was deleted, so it can't be changed.");
  return row;
}

/** The author edits their reply; it shows "edited". */
export async function editReply(actor: Actor, input: unknown): Promise<ActionResult<PostedReply>> {
  authorize(actor, "update:reply:own");
  const parsed = editReplySchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, body } = parsed.data;

  return db.$transaction(async (tx) => {
    const before = await ownReply(tx, actor, id, "update:reply:own");
    const problem = await mentionProblem(tx, body);
    if (problem) return failure(problem, { body: [problem] });
    await tx.reply.update({
      where: { id },
      data: { body, editedAt: new Date() },
      select: { id: true },
    });
    await syncAttachments(tx, { ownerId: actor.id, markdown: body, target: { type: "REPLY", id } });
    await notifyUnmutedMentions(tx, before.discussionId, {
      actorId: actor.id,
      markdown: body,
      previousMarkdown: before.body,
      title: before.title,
      path: replyPath(before.discussionId, id),
    });
    const path = await replyLocation(tx, { id, ...before });
    return {
      ok: true as const,
      message: "Changes saved.",
      data: { id, discussionId: before.discussionId, path },
    };
  });
}

/**
 * The author deletes their reply: a placeholder stays so that the thread still reads, and
 * replies to it keep their "In reply to". An accepted answer stops being accepted.
 */
export async function deleteReply(
  actor: Actor,
  input: unknown,
): Promise<ActionResult<{ discussionId: string }>> {
  authorize(actor, "delete:reply:own");
  const parsed = byIdSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id } = parsed.data;

  const discussionId = await db.$transaction(async (tx) => {
    const reply = await ownReply(tx, actor, id, "delete:reply:own");
    await tx.reply.update({ where: { id }, data: { deletedAt: new Date() }, select: { id: true } });
    const unaccepted = await tx.discussion.updateMany({
      where: { id: reply.discussionId, acceptedReplyId: id },
      data: { acceptedReplyId: null },
    });
    if (unaccepted.count > 0) await retractAcceptedNotice(tx, reply.discussionId, id);
    await refreshDiscussionStats(tx, reply.discussionId);
    return reply.discussionId;
  });
  return { ok: true, message: "Reply deleted.", data: { discussionId } };
}
