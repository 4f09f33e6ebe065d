// Votes on the answers to a question: up only (docs/decisions/020-answer-votes.md), one per
// member per answer, given or taken back. Reply.voteScore moves by exactly the rows
// inserted or deleted, in the same transaction and by an atomic increment, so concurrent
// votes cannot drift it from the sum of AnswerVote.value.
import { z } from "zod";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { seesHiddenContent } from "@/lib/core/auth/content-visibility";
import { readableContentWhere } from "@/lib/communities/visibility";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { invalid, type ActionResult } from "@/lib/core/forms/action-result";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import type { DiscussionKind } from "@/lib/generated/prisma/enums";
import { mayChangeReply } from "./access";
import { idSchema } from "./schemas";

/** The vote button's form: the answer and the state the member asked for. */
export const answerVoteSchema = z.object({
  id: idSchema,
  vote: z.enum(["up", "none"], { error: "Choose to vote the answer up or take your vote back." }),
});

export interface AnswerVoteOutcome {
  discussionId: string;
  voted: boolean;
  score: number;
}

interface VotedReply {
  authorId: string;
  discussionId: string;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  discussion: { kind: DiscussionKind; deletedAt: Date | null; hiddenAt: Date | null };
}

/**
 * Who may vote on what: a member, on someone else's answer to a question, while both are
 * shown (neither deleted nor hidden). A locked question still takes votes: a lock stops the
 * conversation, not the reading and rating of what is there.
 */
function assertVotable(actor: Actor, reply: VotedReply | null): asserts reply is VotedReply {
  const hidden = reply && (reply.hiddenAt || reply.discussion.hiddenAt);
  if (!reply || (hidden && !seesHiddenContent(actor))) throw new NotFound("That answer");
  if (reply.discussion.kind !== "QUESTION")
    throw new DomainError("Only answers to a question take votes.");
  if (mayChangeReply(actor, reply)) throw new DomainError("You can't vote on your own answer.");
  if (hidden || reply.deletedAt || reply.discussion.deletedAt)
    throw new DomainError("This answer can't take votes any more.");
}

/** Adds the member's up vote (1 row or 0 if there was one) or removes it; the rows changed. */
async function setVote(
  tx: TransactionClient,
  key: { replyId: string; userId: string },
  up: boolean,
): Promise<number> {
  if (up)
    return (await tx.answerVote.createMany({ data: [{ ...key, value: 1 }], skipDuplicates: true }))
      .count;
  return -(await tx.answerVote.deleteMany({ where: key })).count;
}

export async function voteOnAnswer(
  actor: Actor,
  input: unknown,
): Promise<ActionResult<AnswerVoteOutcome>> {
  authorize(actor, "create:reaction:any");
  const parsed = answerVoteSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, vote } = parsed.data;
  return db.$transaction(async (tx) => {
    const reply = await tx.reply.findFirst({
      where: { id, discussion: { AND: [readableContentWhere(actor)] } },
      select: {
        authorId: true,
        discussionId: true,
        deletedAt: true,
        hiddenAt: true,
        discussion: { select: { kind: true, deletedAt: true, hiddenAt: true } },
      },
    });
    assertVotable(actor, reply);
    const delta = await setVote(tx, { replyId: id, userId: actor.id }, vote === "up");
    const { voteScore } = delta
      ? await tx.reply.update({
          where: { id },
          data: { voteScore: { increment: delta } },
          select: { voteScore: true },
        })
      : await tx.reply.findUniqueOrThrow({ where: { id }, select: { voteScore: true } });
    return {
      ok: true as const,
      message: vote === "up" ? "You voted for this answer." : "Your vote is taken back.",
      data: { discussionId: reply.discussionId, voted: vote === "up", score: voteScore },
    };
  });
}
