// Topic proposals: any member proposes a topic for a session; its proposer may withdraw it
// while it is open; leaders decline it (audited). Scheduling one as a session is the
// session scheduler's job (lib/sessions/schedule.ts), which marks it SCHEDULED.
import { authorize, PermissionDenied, type Actor } from "@/lib/core/auth/authorize";
import { recordAudit } from "@/lib/core/audit/record";
import { db } from "@/lib/core/db/client";
import { invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { assertOpen, isProposer, lockedProposal, mayWithdrawProposal } from "./access";
import { proposalByIdSchema, proposeTopicSchema } from "./schemas";

/** Adds an open proposal that members can vote on. */
export async function proposeTopic(
  actor: Actor,
  input: unknown,
): Promise<ActionResult<{ id: string }>> {
  authorize(actor, "create:topic-proposal:any");
  const parsed = proposeTopicSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const proposal = await db.topicProposal.create({
    data: { ...parsed.data, proposerId: actor.id },
    select: { id: true },
  });
  return {
    ok: true,
    message: "Topic proposed. Members can vote for it now.",
    data: proposal,
  };
}

/** The proposer takes back their own open proposal; it and its votes are deleted. */
export async function withdrawProposal(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "delete:topic-proposal:own");
  const parsed = proposalByIdSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  await db.$transaction(async (tx) => {
    const proposal = await lockedProposal(tx, parsed.data.id);
    if (!mayWithdrawProposal(actor, proposal)) {
      if (!isProposer(actor, proposal)) throw new PermissionDenied("delete:topic-proposal:own");
      assertOpen(proposal, "it can't be withdrawn");
    }
    await tx.topicProposal.delete({ where: { id: proposal.id } });
  });
  return success("Proposal withdrawn.");
}

/** A leader declines an open proposal: it moves to the Declined list and voting closes. */
export async function declineProposal(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:topic-proposal:any");
  const parsed = proposalByIdSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  await db.$transaction(async (tx) => {
    const proposal = await lockedProposal(tx, parsed.data.id);
    assertOpen(proposal, "it can't be declined");
    await tx.topicProposal.update({
      where: { id: proposal.id },
      data: { status: "DECLINED" },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "proposal.decline",
      entityType: "TopicProposal",
      entityId: proposal.id,
      before: { status: proposal.status, title: proposal.title },
      after: { status: "DECLINED" },
    });
  });
  return success("Proposal declined.");
}
