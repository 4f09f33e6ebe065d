// Who sees what: hidden content is for admins only, deleted text for nobody. Who may do
// what to a discussion or reply: pure rules that the services refuse by and the pages ask
// before they show a control.
import type { Actor } from "@/lib/core/auth/authorize";
import { hasPermission } from "@/lib/core/auth/permissions";
import type { DiscussionKind } from "@/lib/generated/prisma/enums";

export const discussionPath = (id: string) => `/discussions/${id}`;
export const replyPath = (discussionId: string, replyId: string) =>
  `/discussions/${discussionId}/replies/${replyId}`;

/** Whether the actor may edit or delete the discussion: its author only, not even an admin. */
export function mayChangeDiscussion(
  actor: Pick<Actor, "id">,
  discussion: { authorId: string },
): boolean {
  return discussion.authorId === actor.id;
}

/** Whether the actor may edit or delete the reply: its author only, not even an admin. */
export function mayChangeReply(actor: Pick<Actor, "id">, reply: { authorId: string }): boolean {
  return reply.authorId === actor.id;
}

/** Whether the actor chooses the accepted answer of the author's questions: the asker, or an admin. */
export function choosesAcceptedAnswer(actor: Actor, question: { authorId: string }): boolean {
  return question.authorId === actor.id
    ? hasPermission(actor.role, "update:accepted-answer:own")
    : hasPermission(actor.role, "update:accepted-answer:any");
}

export interface AnswerableQuestion {
  authorId: string;
  kind: DiscussionKind;
  deleted: boolean;
}

/**
 * Whether the actor may accept an answer here (or unmark it): a question that is not
 * deleted, by its asker or an admin.
 */
export function mayAcceptAnswer(actor: Actor, question: AnswerableQuestion): boolean {
  return (
    question.kind === "QUESTION" && !question.deleted && choosesAcceptedAnswer(actor, question)
  );
}
