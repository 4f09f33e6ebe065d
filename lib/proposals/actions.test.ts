// The server actions are public endpoints: called directly (as a form post would), they act
// for the signed-in member only, refuse those without the right, and send signed-out
// visitors to sign in, changing nothing.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { testDb } from "@/test/db";
import { createLeader, createMember } from "@/test/factories";
import { createProposal } from "@/test/factories-sessions";
import {
  declineProposalAction,
  proposeTopicAction,
  toggleVoteAction,
  withdrawProposalAction,
} from "./actions";
import { signedInAs } from "@/test/session";
import { form } from "@/test/form-data";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const redirectTo = (path: string) => ({ digest: expect.stringContaining(`;${path};`) });
const toSignIn = { digest: expect.stringMatching(/NEXT_REDIRECT;[^;]*;\/signin/) };
const REFUSED = { ok: false, message: "You don't have permission to do that." };

const proposalRow = (id: string) => testDb.topicProposal.findUnique({ where: { id } });

beforeEach(() => signedInAs(null));

describe("topic proposal actions", () => {
  it("proposes a topic as the signed-in member and returns to the list", async () => {
    const member = await createMember();
    signedInAs(member);
    const title = `Proposed by action ${Date.now()}`;
    await expect(
      proposeTopicAction(null, form({ title, why: "Because it helps.", willHost: "on" })),
    ).rejects.toMatchObject(redirectTo("/sessions/proposals?proposed=1"));
    expect(await testDb.topicProposal.findFirst({ where: { title } })).toMatchObject({
      proposerId: member.id,
      willHost: true,
      status: "OPEN",
    });
  });

  it("returns field errors and the typed values for a bad form", async () => {
    signedInAs(await createMember());
    const result = await proposeTopicAction(null, form({ title: "abc", why: "", willHost: "on" }));
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { title: [expect.any(String)], why: [expect.any(String)] },
      values: { title: "abc", willHost: "on" },
    });
  });

  it("votes for the signed-in member only", async () => {
    const [proposer, member] = await Promise.all([createMember(), createMember()]);
    const proposal = await createProposal(proposer.id);
    signedInAs(member);
    expect(await toggleVoteAction(null, form({ id: proposal.id, on: "true" }))).toMatchObject({
      ok: true,
      data: { voted: true, voteCount: 1 },
    });
    const votes = await testDb.topicVote.findMany({ where: { proposalId: proposal.id } });
    expect(votes.map((vote) => vote.userId)).toEqual([member.id]);
  });

  it("lets the proposer withdraw, and refuses another member", async () => {
    const [proposer, other] = await Promise.all([createMember(), createMember()]);
    const proposal = await createProposal(proposer.id);
    signedInAs(other);
    expect(await withdrawProposalAction(null, form({ id: proposal.id }))).toMatchObject(REFUSED);
    expect(await proposalRow(proposal.id)).toMatchObject({ status: "OPEN" });
    signedInAs(proposer);
    await expect(withdrawProposalAction(null, form({ id: proposal.id }))).rejects.toMatchObject(
      redirectTo("/sessions/proposals?withdrawn=1"),
    );
    expect(await proposalRow(proposal.id)).toBeNull();
  });

  it("lets leaders decline, and refuses members", async () => {
    const proposer = await createMember();
    const proposal = await createProposal(proposer.id);
    signedInAs(proposer);
    expect(await declineProposalAction(null, form({ id: proposal.id }))).toMatchObject(REFUSED);
    expect(await proposalRow(proposal.id)).toMatchObject({ status: "OPEN" });
    signedInAs(await createLeader());
    await expect(declineProposalAction(null, form({ id: proposal.id }))).rejects.toMatchObject(
      redirectTo("/sessions/proposals?declined=1"),
    );
    expect(await proposalRow(proposal.id)).toMatchObject({ status: "DECLINED" });
  });

  it("shows a clear refusal for a vote on a declined proposal", async () => {
    const proposer = await createMember();
    const proposal = await createProposal(proposer.id);
    await testDb.topicProposal.update({ where: { id: proposal.id }, data: { status: "DECLINED" } });
    signedInAs(await createMember());
    expect(await toggleVoteAction(null, form({ id: proposal.id }))).toMatchObject({
      ok: false,
      message: "This topic is no longer open: it was declined, so voting has closed.",
    });
    expect(await testDb.topicVote.count({ where: { proposalId: proposal.id } })).toBe(0);
  });

  it("sends signed-out visitors to sign in and changes nothing", async () => {
    const proposer = await createMember();
    const proposal = await createProposal(proposer.id);
    const title = `Anonymous topic ${Date.now()}`;
    const attempts = [
      () => proposeTopicAction(null, form({ title, why: "Because it helps." })),
      () => toggleVoteAction(null, form({ id: proposal.id, on: "true" })),
      () => withdrawProposalAction(null, form({ id: proposal.id })),
      () => declineProposalAction(null, form({ id: proposal.id })),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject(toSignIn);
    expect(await testDb.topicProposal.count({ where: { title } })).toBe(0);
    expect(await proposalRow(proposal.id)).toMatchObject({ status: "OPEN", voteCount: 0 });
    expect(await testDb.topicVote.count({ where: { proposalId: proposal.id } })).toBe(0);
  });
});
