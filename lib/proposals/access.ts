// Loading a proposal for a change: its row is locked until the transaction ends, so a vote,
// a withdrawal, a decline and scheduling it as a session run one after another and each
// sees the status the one before left. Who may withdraw one: a pure rule that the service
// refuses by and the proposal card asks before it offers "Withdraw".
import type { Actor } from "@/lib/core/auth/authorize";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { rows, sqlb } from "@/lib/core/db/typed-sql";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import type { TopicProposalStatus } from "@/lib/generated/prisma/enums";

export const THE_PROPOSAL = "That topic proposal";

export const PROPOSALS_PATH = "/sessions/proposals";

/** The proposal's row, locked (FOR UPDATE); "not found" for an unknown id. */
export async function lockedProposal(tx: TransactionClient, id: string) {
  const locked = await rows(
    tx,
    sqlb.selectFrom("TopicProposal").select("id").where("id", "=", id).forUpdate(),
  );
  if (locked.length === 0) throw new NotFound(THE_PROPOSAL);
  return tx.topicProposal.findUniqueOrThrow({
    where: { id },
    select: { id: true, title: true, proposerId: true, status: true, voteCount: true },
  });
}

const CLOSED_BECAUSE: Record<Exclude<TopicProposalStatus, "OPEN">, string> = {
  SCHEDULED: "it has already been scheduled as a session",
  DECLINED: "it was declined",
};

/** Refuses a change that only an open proposal takes, saying why it is closed. */
export function assertOpen(proposal: { status: TopicProposalStatus }, what: string): void {
  if (proposal.status !== "OPEN") {
    throw new DomainError(
      `This topic is no longer open: ${CLOSED_BECAUSE[proposal.status]}, so ${what}.`,
    );
  }
}

/** Whether the actor proposed it: only its proposer may withdraw it, not even a leader. */
export function isProposer(actor: Pick<Actor, "id">, proposal: { proposerId: string }): boolean {
  return proposal.proposerId === actor.id;
}

/** Whether the actor may withdraw the proposal: its proposer, while it is open. */
export function mayWithdrawProposal(
  actor: Pick<Actor, "id">,
  proposal: { proposerId: string; status: TopicProposalStatus },
): boolean {
  return isProposer(actor, proposal) && proposal.status === "OPEN";
}
