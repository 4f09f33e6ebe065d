// Comments on published posts. Writing one notifies the post's author ("post.commented")
// and the members it mentions, in the same transaction; KnowledgePost.commentCount counts
// the comments that are not deleted. Only a comment's author edits or deletes it.
import { authorize, PermissionDenied, type Actor } from "@/lib/core/auth/authorize";
import type { Permission } from "@/lib/core/auth/permissions";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import { mentionProblem, notifyMentions } from "@/lib/mentions/mentions";
import { notify } from "@/lib/notifications/notify";
import { listedPost, listedPostFor, mayChangeComment, THE_COMMENT } from "./access";
import { postPath } from "./posts";
import { addCommentSchema, commentIdSchema, editCommentSchema } from "./schemas";
import { bindAttachments, syncAttachments } from "@/lib/attachments/bind";

export const commentAnchor = (id: string) => `comment-${id}`;

async function checkMentions(tx: TransactionClient, body: string): Promise<void> {
  const problem = await mentionProblem(tx, body);
  if (problem) throw new DomainError(problem, { body: [problem] });
}

export async function addComment(
  actor: Actor,
  input: unknown,
): Promise<ActionResult<{ id: string }>> {
  authorize(actor, "create:comment:any");
  const parsed = addCommentSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { postId, body } = parsed.data;
  const comment = await db.$transaction(async (tx) => {
    const post = await listedPost(tx, actor, postId);
    await checkMentions(tx, body);
    const created = await tx.postComment.create({
      data: { postId, authorId: actor.id, body },
      select: { id: true },
    });
    await bindAttachments(tx, {
      ownerId: actor.id,
      markdown: body,
      target: { type: "POST_COMMENT", id: created.id },
    });
    await tx.knowledgePost.update({
      where: { id: postId },
      data: { commentCount: { increment: 1 } },
    });
    const mentioned = await notifyMentions(tx, {
      actorId: actor.id,
      markdown: body,
      title: post.title,
      path: `${postPath(postId)}#${commentAnchor(created.id)}`,
    });
    // An author who is mentioned already has a notification that leads to this comment.
    if (!mentioned.includes(post.authorId)) {
      await notify(tx, {
        recipientId: post.authorId,
        actorId: actor.id,
        kind: "post.commented",
        data: { postId, commentId: created.id, title: post.title },
      });
    }
    return created;
  });
  return { ok: true, message: "Comment posted.", data: comment };
}

/** The actor's own live comment on a visible post, or NotFound / PermissionDenied. */
async function ownComment(tx: TransactionClient, actor: Actor, id: string, permission: Permission) {
  const comment = await tx.postComment.findFirst({
    where: { id, deletedAt: null, hiddenAt: null, post: listedPostFor(actor) },
    select: {
      id: true,
      postId: true,
      authorId: true,
      body: true,
      post: { select: { title: true } },
    },
  });
  if (!comment) throw new NotFound(THE_COMMENT);
  if (!mayChangeComment(actor, comment)) throw new PermissionDenied(permission);
  return comment;
}

export async function editComment(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:comment:own");
  const parsed = editCommentSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, body } = parsed.data;
  await db.$transaction(async (tx) => {
    const comment = await ownComment(tx, actor, id, "update:comment:own");
    await checkMentions(tx, body);
    await tx.postComment.update({ where: { id }, data: { body, editedAt: new Date() } });
    await syncAttachments(tx, {
      ownerId: actor.id,
      markdown: body,
      target: { type: "POST_COMMENT", id },
    });
    await notifyMentions(tx, {
      actorId: actor.id,
      markdown: body,
      previousMarkdown: comment.body,
      title: comment.post.title,
      path: `${postPath(comment.postId)}#${commentAnchor(id)}`,
    });
  });
  return success("Comment saved.");
}

/** Soft delete: the comment's place shows "This comment was deleted". */
export async function deleteComment(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "delete:comment:own");
  const parsed = commentIdSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id } = parsed.data;
  await db.$transaction(async (tx) => {
    const comment = await ownComment(tx, actor, id, "delete:comment:own");
    const { count } = await tx.postComment.updateMany({
      where: { id, deletedAt: null },
      data: { deletedAt: new Date() },
    });
    if (count === 0) return;
    await tx.knowledgePost.update({
      where: { id: comment.postId },
      data: { commentCount: { decrement: 1 } },
    });
  });
  return success("Comment deleted.");
}
