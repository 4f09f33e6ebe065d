// Proposing, withdrawing and declining topics, against the real database.
import { describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { testDb } from "@/test/db";
import { createAdmin, createLeader, createMember } from "@/test/factories";
import { createProposal } from "@/test/factories-sessions";
import { PROPOSAL_LIMITS as L } from "./limits";
import { declineProposal, proposeTopic, withdrawProposal } from "./proposals";

const proposalRow = (id: string) => testDb.topicProposal.findUnique({ where: { id } });

const setStatus = (id: string, status: "SCHEDULED" | "DECLINED") =>
  testDb.topicProposal.update({ where: { id }, data: { status } });

const goodInput = {
  title: "Testing with a real database",
  why: "We keep mocking Prisma and **missing** bugs.",
  willHost: "on",
};

describe("proposeTopic", () => {
  it("saves an open proposal by the member, with whether they would host it", async () => {
    const member = await createMember();
    const result = await proposeTopic(member, {
      ...goodInput,
      title: "  Testing   with a real database ",
      why: "We keep mocking Prisma\r\nand missing bugs.  ",
    });
    expect(result).toMatchObject({ ok: true, data: { id: expect.any(String) } });
    const saved = await proposalRow(result.ok ? result.data!.id : "");
    expect(saved).toMatchObject({
      title: "Testing with a real database",
      why: "We keep mocking Prisma\nand missing bugs.",
      willHost: true,
      proposerId: member.id,
      status: "OPEN",
      voteCount: 0,
    });
  });

  it("reads an unticked (absent) host box as 'would not host'", async () => {
    const member = await createMember();
    const result = await proposeTopic(member, { title: goodInput.title, why: goodInput.why });
    expect((await proposalRow(result.ok ? result.data!.id : ""))?.willHost).toBe(false);
  });

  it("explains each bad field beside it and saves nothing", async () => {
    const member = await createMember();
    const cases: [Record<string, string>, string, string][] = [
      [{ title: "Abc" }, "title", `Give the topic a title of at least ${L.titleMin} characters.`],
      [
        { title: "x".repeat(L.titleMax + 1) },
        "title",
        `Keep the title under ${L.titleMax} characters.`,
      ],
      [
        { why: "Too short" },
        "why",
        `Say in at least ${L.whyMin} characters why this topic matters.`,
      ],
      [{ why: "y".repeat(L.whyMax + 1) }, "why", "Keep the reason under 5,000 characters."],
    ];
    for (const [change, field, message] of cases) {
      const result = await proposeTopic(member, { ...goodInput, ...change });
      expect(result).toMatchObject({ ok: false, fieldErrors: { [field]: [message] } });
    }
    const empty = await proposeTopic(member, {});
    expect(empty).toMatchObject({
      ok: false,
      message: "Please correct the highlighted fields.",
      fieldErrors: { title: [expect.any(String)], why: [expect.any(String)] },
    });
    expect(await testDb.topicProposal.count({ where: { proposerId: member.id } })).toBe(0);
  });

  it("accepts the limits themselves", async () => {
    const member = await createMember();
    const result = await proposeTopic(member, {
      title: "x".repeat(L.titleMax),
      why: "y".repeat(L.whyMax),
    });
    expect(result.ok).toBe(true);
  });
});

describe("withdrawProposal", () => {
  it("deletes the proposer's own open proposal with its votes", async () => {
    const [proposer, voter] = await Promise.all([createMember(), createMember()]);
    const proposal = await createProposal(proposer.id, { voteCount: 1 });
    await testDb.topicVote.create({ data: { proposalId: proposal.id, userId: voter.id } });
    expect(await withdrawProposal(proposer, { id: proposal.id })).toMatchObject({ ok: true });
    expect(await proposalRow(proposal.id)).toBeNull();
    expect(await testDb.topicVote.count({ where: { proposalId: proposal.id } })).toBe(0);
  });

  it("refuses anyone else, leaders and admins included, and changes nothing", async () => {
    const proposer = await createMember();
    const proposal = await createProposal(proposer.id);
    for (const other of [await createMember(), await createLeader(), await createAdmin()]) {
      await expect(withdrawProposal(other, { id: proposal.id })).rejects.toBeInstanceOf(
        PermissionDenied,
      );
    }
    expect(await proposalRow(proposal.id)).toMatchObject({ status: "OPEN" });
  });

  it("refuses once the proposal is scheduled or declined", async () => {
    const proposer = await createMember();
    const scheduled = await createProposal(proposer.id);
    const declined = await createProposal(proposer.id);
    await setStatus(scheduled.id, "SCHEDULED");
    await setStatus(declined.id, "DECLINED");
    await expect(withdrawProposal(proposer, { id: scheduled.id })).rejects.toThrow(
      "This topic is no longer open: it has already been scheduled as a session, so it can't be withdrawn.",
    );
    await expect(withdrawProposal(proposer, { id: declined.id })).rejects.toThrow(
      "it was declined",
    );
    expect(await proposalRow(scheduled.id)).toMatchObject({ status: "SCHEDULED" });
    expect(await proposalRow(declined.id)).toMatchObject({ status: "DECLINED" });
  });

  it("says an unknown proposal was not found, and a malformed id is invalid", async () => {
    const member = await createMember();
    await expect(withdrawProposal(member, { id: "cjld2cjxh0000qzrmn831i7rn" })).rejects.toThrow(
      "That topic proposal was not found.",
    );
    expect(await withdrawProposal(member, { id: "nope" })).toMatchObject({
      ok: false,
      fieldErrors: { id: ["That is not a valid proposal."] },
    });
  });
});

describe("declineProposal", () => {
  it("lets a leader decline an open proposal, and audits it", async () => {
    const [proposer, leader] = await Promise.all([createMember(), createLeader()]);
    const proposal = await createProposal(proposer.id);
    expect(await declineProposal(leader, { id: proposal.id })).toMatchObject({ ok: true });
    expect(await proposalRow(proposal.id)).toMatchObject({ status: "DECLINED" });
    const audit = await testDb.auditLog.findMany({ where: { entityId: proposal.id } });
    expect(audit).toEqual([
      expect.objectContaining({
        actorId: leader.id,
        action: "proposal.decline",
        entityType: "TopicProposal",
        before: { status: "OPEN", title: proposal.title },
        after: { status: "DECLINED" },
      }),
    ]);
  });

  it("refuses members, the proposer included, and changes nothing", async () => {
    const proposer = await createMember();
    const proposal = await createProposal(proposer.id);
    for (const member of [proposer, await createMember()]) {
      await expect(declineProposal(member, { id: proposal.id })).rejects.toBeInstanceOf(
        PermissionDenied,
      );
    }
    expect(await proposalRow(proposal.id)).toMatchObject({ status: "OPEN" });
    expect(await testDb.auditLog.count({ where: { entityId: proposal.id } })).toBe(0);
  });

  it("refuses a proposal that is not open, without a second audit entry", async () => {
    const [proposer, admin] = await Promise.all([createMember(), createAdmin()]);
    const proposal = await createProposal(proposer.id);
    await setStatus(proposal.id, "SCHEDULED");
    await expect(declineProposal(admin, { id: proposal.id })).rejects.toThrow(
      "it has already been scheduled as a session, so it can't be declined",
    );
    expect(await proposalRow(proposal.id)).toMatchObject({ status: "SCHEDULED" });
    expect(await testDb.auditLog.count({ where: { entityId: proposal.id } })).toBe(0);
  });
});
