import { authorize, PermissionDenied, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import { invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { rows, sql, sqlb } from "@/lib/core/db/typed-sql";
import type { DiscussionKind } from "@/lib/generated/prisma/enums";
import { notify, retract } from "@/lib/notifications/notify";
import { choosesAcceptedAnswer, mayAcceptAnswer } from "./access";
import { acceptAnswerSchema } from "./schemas";
import { seesHiddenContent } from "@/lib/core/auth/content-visibility";
import { readableContentSql } from "@/lib/communities/visibility";
import { mutedAmong } from "./watch";

/**
 * Withdraws the "accepted your answer" notification of a reply that is no longer the
 * accepted answer (another was accepted, none is, or it was deleted), in the caller's
 * transaction.
 */
export async function retractAcceptedNotice(
  tx: TransactionClient,
  discussionId: string,
  replyId: string,
): Promise<void> {
  const reply = await tx.reply.findUnique({ where: { id: replyId }, select: { authorId: true } });
  if (!reply) return;
  await retract(tx, {
    kind: "answer.accepted",
    recipientIds: [reply.authorId],
    data: { discussionId, replyId },
  });
}

/**
 * The asker (or an admin) marks one reply of their question as the accepted answer, or
 * none (`replyId` empty). The answerer is notified when their reply becomes accepted, and
 * the notification of the answer it replaces is withdrawn. The question's row is locked
 * first (FOR UPDATE), so concurrent accepts run one after another and each sees the other's
 * choice: one accepted answer, one notification.
 */
export async function acceptAnswer(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:accepted-answer:own");
  const parsed = acceptAnswerSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { discussionId, replyId } = parsed.data;

  return db.$transaction(async (tx) => {
    const [question] = await rows(
      tx,
      sqlb
        .selectFrom("Discussion")
        .select((eb) => [
          "authorId",
          sql<DiscussionKind>`${eb.ref("kind")}::text`.as("kind"),
          "title",
          "acceptedReplyId",
          "deletedAt",
          "hiddenAt",
        ])
        .where("id", "=", discussionId)
        .where(readableContentSql("Discussion", actor))
        .forUpdate(),
    );
    if (!question || (question.hiddenAt && !seesHiddenContent(actor)))
      throw new NotFound("That question");
    const answerable = { ...question, deleted: question.deletedAt !== null };
    if (!mayAcceptAnswer(actor, answerable)) {
      if (!choosesAcceptedAnswer(actor, answerable))
        throw new PermissionDenied("update:accepted-answer:any");
      throw new DomainError(
        question.kind !== "QUESTION"
          ? "Only a question has an accepted answer."
          : "This question was deleted.",
      );
    }

    const previous = question.acceptedReplyId;
    if (!replyId) {
      if (previous) await retractAcceptedNotice(tx, discussionId, previous);
      await tx.discussion.update({
        where: { id: discussionId },
        data: { acceptedReplyId: null },
        select: { id: true },
      });
      return success("The answer is no longer marked as accepted.");
    }
    const reply = await tx.reply.findFirst({
      where: { id: replyId, discussionId, deletedAt: null, hiddenAt: null },
      select: { authorId: true },
    });
    if (!reply) throw new DomainError("That reply can't be accepted: it is not in this thread.");
    await tx.discussion.update({
      where: { id: discussionId },
      data: { acceptedReplyId: replyId },
      select: { id: true },
    });
    if (previous !== replyId) {
      if (previous) await retractAcceptedNotice(tx, discussionId, previous);
      const muted = await mutedAmong(tx, discussionId, [reply.authorId]);
      if (muted.length === 0)
        await notify(tx, {
          recipientId: reply.authorId,
          actorId: actor.id,
          kind: "answer.accepted",
          data: { discussionId, replyId, title: question.title },
        });
    }
    return success("Answer accepted.");
  });
}
