// The proposals lists and the scheduling prefill, read back from the real database.
import { describe, expect, it } from "vitest";
import { InvalidCursor } from "@/lib/core/pagination/cursor";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { createProposal, createSession } from "@/test/factories-sessions";
import { getProposalForScheduling, listProposals, type ProposalSummary } from "./queries";

/** A vote count above every proposal's so far, so that the test's proposals head the list. */
async function aboveAll(): Promise<number> {
  const { _max } = await testDb.topicProposal.aggregate({ _max: { voteCount: true } });
  return (_max.voteCount ?? 0) + 100;
}

/** Every proposal of a status, walking the cursor pages. */
async function allProposals(viewerId: string, status: "OPEN" | "SCHEDULED" | "DECLINED") {
  const found: ProposalSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await listProposals({ viewerId, status, cursor }, 100);
    found.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return found;
}

const vote = (proposalId: string, userId: string) =>
  testDb.topicVote.create({ data: { proposalId, userId } });

describe("listProposals", () => {
  it("ranks open proposals by votes (then id), across cursor pages", async () => {
    const [proposer, viewer] = await Promise.all([createMember(), createMember()]);
    const TOP = await aboveAll();
    const make = (voteCount: number) => createProposal(proposer.id, { voteCount });
    const low = await make(TOP + 1);
    const tiedFirst = await make(TOP + 5);
    const tiedSecond = await make(TOP + 5);
    const high = await make(TOP + 7);
    const middle = await make(TOP + 3);
    const tied = [tiedFirst.id, tiedSecond.id].sort().reverse();
    const expected = [high.id, ...tied, middle.id, low.id];

    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 3; page++) {
      const result = await listProposals({ viewerId: viewer.id, status: "OPEN", cursor }, 2);
      seen.push(...result.items.map((item) => item.id));
      cursor = result.nextCursor ?? undefined;
    }
    expect(seen.slice(0, 5)).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("says whether the viewer voted, and shows the proposer", async () => {
    const [proposer, viewer, other] = await Promise.all([
      createMember(),
      createMember(),
      createMember(),
    ]);
    const TOP = await aboveAll();
    const votedFor = await createProposal(proposer.id, { voteCount: TOP + 9, willHost: true });
    const notVotedFor = await createProposal(proposer.id, { voteCount: TOP + 9 });
    await vote(votedFor.id, viewer.id);
    await vote(notVotedFor.id, other.id);

    const { items } = await listProposals({ viewerId: viewer.id, status: "OPEN" }, 2);
    const byId = new Map(items.map((item) => [item.id, item]));
    expect(byId.get(votedFor.id)).toMatchObject({
      voted: true,
      willHost: true,
      title: votedFor.title,
      why: votedFor.why,
      proposer: { id: proposer.id, name: proposer.name },
      session: null,
    });
    expect(byId.get(notVotedFor.id)).toMatchObject({ voted: false, willHost: false });
  });

  it("lists each status on its own tab, with the session a scheduled one became", async () => {
    const [proposer, host] = await Promise.all([createMember(), createMember()]);
    const open = await createProposal(proposer.id);
    const scheduled = await createProposal(proposer.id);
    const declined = await createProposal(proposer.id);
    await testDb.topicProposal.update({
      where: { id: scheduled.id },
      data: { status: "SCHEDULED" },
    });
    await testDb.topicProposal.update({ where: { id: declined.id }, data: { status: "DECLINED" } });
    const session = await createSession([host.id], { proposalId: scheduled.id });

    const [openRows, scheduledRows, declinedRows] = await Promise.all([
      allProposals(proposer.id, "OPEN"),
      allProposals(proposer.id, "SCHEDULED"),
      allProposals(proposer.id, "DECLINED"),
    ]);
    const [openIds, scheduledIds, declinedIds] = [openRows, scheduledRows, declinedRows].map(
      (rows) => rows.map((row) => row.id),
    );
    expect(openIds).toContain(open.id);
    expect(openIds).not.toContain(scheduled.id);
    expect(scheduledIds).toContain(scheduled.id);
    expect(scheduledIds).not.toContain(declined.id);
    expect(declinedIds).toContain(declined.id);
    expect(declinedIds).not.toContain(open.id);

    expect(scheduledRows.find((item) => item.id === scheduled.id)?.session).toEqual({
      id: session.id,
      title: session.title,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      status: "SCHEDULED",
    });
  });

  it("refuses a malformed cursor as InvalidCursor (the page's 404)", async () => {
    const viewer = await createMember();
    await expect(
      listProposals({ viewerId: viewer.id, status: "OPEN", cursor: "not-a-cursor" }),
    ).rejects.toBeInstanceOf(InvalidCursor);
  });
});

describe("getProposalForScheduling", () => {
  it("returns an open proposal with its proposer", async () => {
    const proposer = await createMember();
    const proposal = await createProposal(proposer.id, { willHost: true });
    expect(await getProposalForScheduling(proposal.id)).toEqual({
      id: proposal.id,
      title: proposal.title,
      why: proposal.why,
      willHost: true,
      proposer: { id: proposer.id, name: proposer.name },
    });
  });

  it("returns null for scheduled, declined, unknown and malformed ids", async () => {
    const proposer = await createMember();
    const scheduled = await createProposal(proposer.id);
    const declined = await createProposal(proposer.id);
    await testDb.topicProposal.update({
      where: { id: scheduled.id },
      data: { status: "SCHEDULED" },
    });
    await testDb.topicProposal.update({ where: { id: declined.id }, data: { status: "DECLINED" } });
    for (const id of [scheduled.id, declined.id, "cjld2cjxh0000qzrmn831i7rn", "'; drop"]) {
      expect(await getProposalForScheduling(id)).toBeNull();
    }
  });
});
