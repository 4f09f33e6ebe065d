// Votes on topic proposals: one per member, toggled. As with reactions
// (lib/discussions/reactions/toggle.ts), voteCount moves by exactly the rows inserted or
// deleted, in the same transaction, so concurrent clicks cannot drift it. The proposal's row
// is locked first, so a vote cannot land on a proposal that is being scheduled or declined.
//
// Proposers may vote for their own topic: proposing is not counted as a vote, and on most
// idea boards the proposer's interest counts like anyone else's.
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { invalid, type ActionResult } from "@/lib/core/forms/action-result";
import { assertOpen, lockedProposal } from "./access";
import { voteSchema } from "./schemas";

export interface VoteOutcome {
  voted: boolean;
  voteCount: number;
}

/** Adds or removes the vote; `on` undefined means "the opposite of now". */
async function setVote(
  tx: TransactionClient,
  key: { proposalId: string; userId: string },
  on: boolean | undefined,
): Promise<boolean> {
  if (on !== false) {
    const { count: added } = await tx.topicVote.createMany({ data: [key], skipDuplicates: true });
    if (added) {
      await moveCount(tx, key.proposalId, added);
      return true;
    }
    if (on === true) return true;
  }
  const { count: removed } = await tx.topicVote.deleteMany({ where: key });
  if (removed) await moveCount(tx, key.proposalId, -removed);
  return false;
}

function moveCount(tx: TransactionClient, proposalId: string, by: number) {
  return tx.topicProposal.update({
    where: { id: proposalId },
    data: { voteCount: { increment: by } },
    select: { id: true },
  });
}

export async function toggleVote(actor: Actor, input: unknown): Promise<ActionResult<VoteOutcome>> {
  authorize(actor, "update:topic-vote:own");
  const parsed = voteSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, on } = parsed.data;
  const outcome = await db.$transaction(async (tx) => {
    const proposal = await lockedProposal(tx, id);
    assertOpen(proposal, "voting has closed");
    const voted = await setVote(tx, { proposalId: id, userId: actor.id }, on);
    const { voteCount } = await tx.topicProposal.findUniqueOrThrow({
      where: { id },
      select: { voteCount: true },
    });
    return { voted, voteCount };
  });
  return {
    ok: true,
    message: outcome.voted ? "Vote added." : "Vote removed.",
    data: outcome,
  };
}
