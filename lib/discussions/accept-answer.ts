import { authorize, PermissionDenied, type Actor } from "@/lib/auth/authorize";
import { hasPermission } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { invalid, success, type ActionResult } from "@/lib/forms/action-result";
import { DomainError, NotFound } from "@/lib/forms/errors";
import { notify } from "@/lib/notifications/notify";
import { seesHidden } from "./access";
import { acceptAnswerSchema } from "./schemas";

/**
 * The asker (or an admin) marks one reply of their question as the accepted answer, or
 * none (`replyId` empty). The answerer is notified when their reply becomes accepted.
 */
export async function acceptAnswer(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:accepted-answer:own");
  const parsed = acceptAnswerSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { discussionId, replyId } = parsed.data;

  return db.$transaction(async (tx) => {
    const [question] = await tx.$queryRaw<
      {
        authorId: string;
        kind: string;
        title: string;
        acceptedReplyId: string | null;
        deletedAt: Date | null;
        hiddenAt: Date | null;
      }[]
    >`SELECT "authorId", "kind"::text AS "kind", "title", "acceptedReplyId", "deletedAt", "hiddenAt"
        FROM "Discussion" WHERE "id" = ${discussionId} FOR UPDATE`;
    if (!question || (question.hiddenAt && !seesHidden(actor))) throw new NotFound("That question");
    if (question.authorId !== actor.id && !hasPermission(actor.role, "update:accepted-answer:any"))
      throw new PermissionDenied("update:accepted-answer:any");
    if (question.kind !== "QUESTION")
      throw new DomainError("Only a question has an accepted answer.");
    if (question.deletedAt) throw new DomainError("This question was deleted.");

    if (!replyId) {
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
    if (question.acceptedReplyId !== replyId) {
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
