// Loaders of the pair's space and of a member's own mentorships, against the real database.
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/core/auth/authorize";
import { InvalidCursor } from "@/lib/core/pagination/cursor";
import { testDb } from "@/test/db";
import { createAdmin, createMember } from "@/test/factories";
import { createMentorRequest, createPairing, utcDate } from "@/test/factories-mentorship";
import { createPost } from "@/test/factories-posts";
import { createSession } from "@/test/factories-sessions";
import { CHECK_INS_PAGE_SIZE, getPairingSpace, listCheckIns, myMentorships } from "./queries";

async function pair() {
  const mentor = await createMember({ name: "Maya Mentor" });
  const mentee = await createMember({ name: "Eli Mentee" });
  const pairing = await createPairing(mentor.id, mentee.id, {
    startsOn: utcDate(-20),
    cadenceDays: 14,
    lastCheckInOn: utcDate(-5),
    expectedEndOn: utcDate(100),
  });
  return { mentor, mentee, pairing };
}

describe("getPairingSpace", () => {
  it("gives a member the pairing, its goals, links and reflections and names the other", async () => {
    const { mentor, mentee, pairing } = await pair();
    await testDb.mentorPairing.update({
      where: { id: pairing.id },
      data: {
        endRequestedAt: new Date("2030-01-02T10:00:00Z"),
        endRequestedById: mentee.id,
        endRequestReason: "New job",
      },
    });
    await testDb.pairingGoal.createMany({
      data: [
        { pairingId: pairing.id, title: "Second", position: 1, progress: 50 },
        { pairingId: pairing.id, title: "First", position: 0, progress: 10 },
      ],
    });
    const post = await createPost(mentor.id, { title: "Estimating well" });
    const session = await createSession([mentor.id], { title: "Planning poker" });
    await testDb.pairingLink.create({
      data: { pairingId: pairing.id, postId: post.id, note: "Start here", addedById: mentor.id },
    });
    await testDb.pairingLink.create({
      data: { pairingId: pairing.id, sessionId: session.id, addedById: mentee.id },
    });
    await testDb.pairingReflection.create({
      data: { pairingId: pairing.id, userId: mentee.id, learned: "L", nextSteps: "N" },
    });

    const space = await getPairingSpace(mentee, pairing.id);
    expect(space).toMatchObject({
      id: pairing.id,
      status: "ACTIVE",
      goals: pairing.goals,
      startsOn: utcDate(-20),
      expectedEndOn: utcDate(100),
      cadenceDays: 14,
      lastCheckInOn: utcDate(-5),
      health: "on-track",
      nextCheckInDue: utcDate(9),
      endRequest: { at: new Date("2030-01-02T10:00:00Z"), byName: "Eli Mentee", reason: "New job" },
      mentor: { id: mentor.id, name: "Maya Mentor" },
      mentee: { id: mentee.id, name: "Eli Mentee" },
      goalItems: [
        { title: "First", progress: 10 },
        { title: "Second", progress: 50 },
      ],
      links: [
        {
          type: "post",
          href: `/posts/${post.id}`,
          title: "Estimating well",
          note: "Start here",
          addedByName: "Maya Mentor",
        },
        {
          type: "session",
          href: `/sessions/${session.id}`,
          title: "Planning poker",
          note: "",
          addedByName: "Eli Mentee",
        },
      ],
      reflections: [{ userId: mentee.id, name: "Eli Mentee", learned: "L", nextSteps: "N" }],
      viewer: {
        isMember: true,
        isAdmin: false,
        otherMember: { id: mentor.id, name: "Maya Mentor", active: true },
      },
    });
  });

  it("says whether the other member is still active (no 'Thank' link to a deactivated one)", async () => {
    const { mentor, mentee, pairing } = await pair();
    await testDb.user.update({ where: { id: mentor.id }, data: { status: "DEACTIVATED" } });
    const space = await getPairingSpace(mentee, pairing.id);
    expect(space.viewer.otherMember).toEqual({ id: mentor.id, name: "Maya Mentor", active: false });
  });

  it("lets an admin read it without being a member", async () => {
    const { pairing } = await pair();
    const space = await getPairingSpace(await createAdmin(), pairing.id);
    expect(space.viewer).toEqual({ isMember: false, isAdmin: true, otherMember: null });
    expect(space.endRequest).toBeNull();
  });

  it("has no next check-in for a paused or closed pairing", async () => {
    const { mentor, pairing } = await pair();
    await testDb.mentorPairing.update({ where: { id: pairing.id }, data: { status: "PAUSED" } });
    expect(await getPairingSpace(mentor, pairing.id)).toMatchObject({
      health: "paused",
      nextCheckInDue: null,
    });
  });

  it("leaves out a post that was hidden, deleted or unpublished, except for its author", async () => {
    const { mentor, mentee, pairing } = await pair();
    const posts = await Promise.all([
      createPost(mentee.id, { title: "Hidden later" }),
      createPost(mentee.id, { title: "Deleted later" }),
      createPost(mentee.id, { title: "Unpublished later" }),
      createPost(mentor.id, { title: "Still public" }),
    ]);
    await testDb.pairingLink.createMany({
      data: posts.map((p) => ({ pairingId: pairing.id, postId: p.id })),
    });
    await testDb.knowledgePost.update({
      where: { id: posts[0]!.id },
      data: { hiddenAt: new Date() },
    });
    await testDb.knowledgePost.update({
      where: { id: posts[1]!.id },
      data: { deletedAt: new Date() },
    });
    await testDb.knowledgePost.update({ where: { id: posts[2]!.id }, data: { status: "DRAFT" } });

    const titles = async (viewer: Actor) =>
      (await getPairingSpace(viewer, pairing.id)).links.map((l) => l.title).sort();
    expect(await titles(mentor)).toEqual(["Still public"]);
    expect(await titles(await createAdmin())).toEqual(["Still public"]);
    expect(await titles(mentee)).toEqual([
      "Deleted later",
      "Hidden later",
      "Still public",
      "Unpublished later",
    ]);
  });

  it("is not found for an unknown id", async () => {
    const { mentor } = await pair();
    await expect(getPairingSpace(mentor, "missing")).rejects.toThrow(
      "That mentorship was not found.",
    );
    await expect(getPairingSpace(mentor, "x".repeat(41))).rejects.toThrow(
      "That mentorship was not found.",
    );
  });
});

describe("listCheckIns", () => {
  it("pages check-ins newest first, by day and then id, with their authors", async () => {
    const { mentor, mentee, pairing } = await pair();
    // 23 check-ins on 8 days, several on the same day.
    await testDb.pairingCheckIn.createMany({
      data: Array.from({ length: 23 }, (_, i) => ({
        pairingId: pairing.id,
        authorId: i % 2 ? mentor.id : mentee.id,
        heldOn: utcDate(-(i % 8)),
        notes: `Notes ${i}`,
      })),
    });
    const all = await testDb.pairingCheckIn.findMany({
      where: { pairingId: pairing.id },
      orderBy: [{ heldOn: "desc" }, { id: "desc" }],
    });

    const first = await listCheckIns(mentee, pairing.id);
    expect(first.items).toHaveLength(CHECK_INS_PAGE_SIZE);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await listCheckIns(mentee, pairing.id, first.nextCursor);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((item) => item.id);
    expect(ids).toEqual(all.map((row) => row.id));

    const byId = new Map(all.map((row) => [row.id, row]));
    const item = first.items[0]!;
    expect(item).toEqual({
      id: item.id,
      heldOn: byId.get(item.id)!.heldOn,
      notes: byId.get(item.id)!.notes,
      nextSteps: "",
      authorName: byId.get(item.id)!.authorId === mentor.id ? "Maya Mentor" : "Eli Mentee",
    });
  });

  it("lets an admin read them and refuses a tampered cursor", async () => {
    const { mentor, pairing } = await pair();
    await testDb.pairingCheckIn.create({
      data: { pairingId: pairing.id, authorId: mentor.id, heldOn: utcDate(-1), notes: "Hi" },
    });
    expect((await listCheckIns(await createAdmin(), pairing.id)).items).toMatchObject([
      { notes: "Hi", authorName: "Maya Mentor" },
    ]);
    await expect(listCheckIns(mentor, pairing.id, "garbage")).rejects.toBeInstanceOf(InvalidCursor);
  });

  it("shows no author once the member who wrote it is gone", async () => {
    const { mentee, pairing } = await pair();
    const gone = await createMember();
    await testDb.pairingCheckIn.create({
      data: { pairingId: pairing.id, authorId: gone.id, heldOn: utcDate(-1), notes: "Old" },
    });
    await testDb.user.delete({ where: { id: gone.id } });
    expect((await listCheckIns(mentee, pairing.id)).items).toMatchObject([
      { notes: "Old", authorName: null },
    ]);
  });
});

describe("myMentorships", () => {
  it("lists the member's pairings by role, open ones first, and their waiting request", async () => {
    const me = await createMember();
    const [a, b, c, d] = await Promise.all([
      createMember({ name: "Ada" }),
      createMember({ name: "Bo" }),
      createMember({ name: "Cy" }),
      createMember({ name: "Di" }),
    ]);
    const completed = await createPairing(me.id, a.id, {
      status: "COMPLETED",
      startsOn: utcDate(-10),
    });
    const active = await createPairing(me.id, b.id, { startsOn: utcDate(-100) });
    const paused = await createPairing(me.id, c.id, { status: "PAUSED", startsOn: utcDate(-50) });
    const mine = await createPairing(d.id, me.id, {
      startsOn: utcDate(-60),
      lastCheckInOn: utcDate(-2),
    });
    await createMentorRequest(me.id, { status: "WITHDRAWN", note: "Old" });
    const request = await createMentorRequest(me.id, { note: "Help with Go" });

    const result = await myMentorships(me);
    expect(result.asMentor.map((p) => p.id)).toEqual([paused.id, active.id, completed.id]);
    expect(result.asMentor[1]).toEqual({
      id: active.id,
      status: "ACTIVE",
      health: "overdue",
      otherMember: { id: b.id, name: "Bo" },
      startsOn: utcDate(-100),
      nextCheckInDue: utcDate(-86),
      lastCheckInOn: null,
    });
    expect(result.asMentor[2]).toMatchObject({ health: "closed", nextCheckInDue: null });
    expect(result.asMentee).toEqual([
      {
        id: mine.id,
        status: "ACTIVE",
        health: "on-track",
        otherMember: { id: d.id, name: "Di" },
        startsOn: utcDate(-60),
        nextCheckInDue: utcDate(12),
        lastCheckInOn: utcDate(-2),
      },
    ]);
    expect(result.waitingRequest).toEqual({
      id: request.id,
      note: "Help with Go",
      createdAt: request.createdAt,
    });
  });

  it("is empty for a member with no mentorships", async () => {
    expect(await myMentorships(await createMember())).toEqual({
      asMentor: [],
      asMentee: [],
      waitingRequest: null,
    });
  });
});
