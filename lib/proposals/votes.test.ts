// Votes on topic proposals: one per member, toggled, with voteCount exact under concurrency.
import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { createProposal } from "@/test/factories-sessions";
import { toggleVote } from "./votes";

async function countsOf(id: string) {
  const [proposal, rows] = await Promise.all([
    testDb.topicProposal.findUniqueOrThrow({ where: { id } }),
    testDb.topicVote.count({ where: { proposalId: id } }),
  ]);
  return { voteCount: proposal.voteCount, rows };
}

describe("toggleVote", () => {
  it("adds the member's vote, then takes it back, keeping the count in step", async () => {
    const [proposer, member] = await Promise.all([createMember(), createMember()]);
    const { id } = await createProposal(proposer.id);
    expect(await toggleVote(member, { id })).toMatchObject({
      ok: true,
      message: "Vote added.",
      data: { voted: true, voteCount: 1 },
    });
    expect(await countsOf(id)).toEqual({ voteCount: 1, rows: 1 });
    expect(await toggleVote(member, { id })).toMatchObject({
      ok: true,
      message: "Vote removed.",
      data: { voted: false, voteCount: 0 },
    });
    expect(await countsOf(id)).toEqual({ voteCount: 0, rows: 0 });
  });

  it("lets the proposer vote for their own topic", async () => {
    const proposer = await createMember();
    const { id } = await createProposal(proposer.id);
    expect(await toggleVote(proposer, { id })).toMatchObject({ data: { voted: true } });
    expect(await countsOf(id)).toEqual({ voteCount: 1, rows: 1 });
  });

  it("treats an explicit state as idempotent: a double-sent vote counts once", async () => {
    const [proposer, member] = await Promise.all([createMember(), createMember()]);
    const { id } = await createProposal(proposer.id);
    await toggleVote(member, { id, on: "true" });
    await toggleVote(member, { id, on: "true" });
    expect(await countsOf(id)).toEqual({ voteCount: 1, rows: 1 });
    await toggleVote(member, { id, on: "false" });
    await toggleVote(member, { id, on: "false" });
    expect(await countsOf(id)).toEqual({ voteCount: 0, rows: 0 });
  });

  it("stays exact when ten members click at once, and again when they all undo", async () => {
    const proposer = await createMember();
    const { id } = await createProposal(proposer.id);
    const voters = await Promise.all(Array.from({ length: 10 }, () => createMember()));
    const votes = await Promise.all(voters.map((voter) => toggleVote(voter, { id })));
    expect(votes.every((vote) => vote.ok && vote.data?.voted)).toBe(true);
    expect(await countsOf(id)).toEqual({ voteCount: 10, rows: 10 });

    await Promise.all(voters.map((voter) => toggleVote(voter, { id })));
    expect(await countsOf(id)).toEqual({ voteCount: 0, rows: 0 });
  });

  it("stays exact when one member's click arrives many times at once", async () => {
    const [proposer, member] = await Promise.all([createMember(), createMember()]);
    const { id } = await createProposal(proposer.id);
    await Promise.all(Array.from({ length: 8 }, () => toggleVote(member, { id, on: "true" })));
    expect(await countsOf(id)).toEqual({ voteCount: 1, rows: 1 });
  });

  it("refuses votes on scheduled and declined proposals, changing nothing", async () => {
    const [proposer, member] = await Promise.all([createMember(), createMember()]);
    for (const [status, reason] of [
      ["SCHEDULED", "it has already been scheduled as a session"],
      ["DECLINED", "it was declined"],
    ] as const) {
      const { id } = await createProposal(proposer.id, { voteCount: 1 });
      await testDb.topicVote.create({ data: { proposalId: id, userId: member.id } });
      await testDb.topicProposal.update({ where: { id }, data: { status } });
      await expect(toggleVote(member, { id })).rejects.toThrow(
        `This topic is no longer open: ${reason}, so voting has closed.`,
      );
      await expect(toggleVote(await createMember(), { id })).rejects.toThrow("voting has closed");
      expect(await countsOf(id)).toEqual({ voteCount: 1, rows: 1 });
    }
  });

  it("refuses unknown proposals and malformed input", async () => {
    const member = await createMember();
    await expect(toggleVote(member, { id: "cjld2cjxh0000qzrmn831i7rn" })).rejects.toThrow(
      "That topic proposal was not found.",
    );
    expect(await toggleVote(member, { id: "x", on: "maybe" })).toMatchObject({
      ok: false,
      fieldErrors: { id: [expect.any(String)], on: [expect.any(String)] },
    });
  });
});
