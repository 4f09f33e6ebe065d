// The pair's space services against the real database: each rule refuses with a clear
// message and leaves the data as it was; only the pair writes, admins are refused, anyone
// else hears "not found".
import { describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { NotFound } from "@/lib/core/forms/errors";
import type { PairingStatus } from "@/lib/generated/prisma/enums";
import { testDb } from "@/test/db";
import { createAdmin, createMember } from "@/test/factories";
import { createPairing, utcDate } from "@/test/factories-mentorship";
import { notificationsFor } from "@/test/factories-notifications";
import { createPost } from "@/test/factories-posts";
import { createSession } from "@/test/factories-sessions";
import { MENTORSHIP_LIMITS as L } from "@/lib/mentorship/limits";
import {
  addGoal,
  addPairingLink,
  ALREADY_LINKED,
  logCheckIn,
  REFLECTION_NOT_YET,
  removeGoal,
  removePairingLink,
  saveReflection,
  updateGoalProgress,
} from "./space";
import { parsePairingLink } from "./schemas";

const CLOSED: PairingStatus[] = ["COMPLETED", "ENDED"];

/** A mentor and a mentee paired 30 days ago (active unless told). */
async function pair(status: PairingStatus = "ACTIVE", startsOn = utcDate(-30)) {
  const mentor = await createMember();
  const mentee = await createMember();
  const pairing = await createPairing(mentor.id, mentee.id, { status, startsOn });
  return { mentor, mentee, pairing };
}

const goalsOf = (pairingId: string) =>
  testDb.pairingGoal.findMany({
    where: { pairingId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
const goalRow = (id: string) => testDb.pairingGoal.findUnique({ where: { id } });
const checkInsOf = (pairingId: string) =>
  testDb.pairingCheckIn.findMany({ where: { pairingId }, orderBy: { createdAt: "asc" } });
const linksOf = (pairingId: string) =>
  testDb.pairingLink.findMany({ where: { pairingId }, orderBy: { createdAt: "asc" } });
const pairingRow = (id: string) => testDb.mentorPairing.findUniqueOrThrow({ where: { id } });
const day = (offset: number) => utcDate(offset).toISOString().slice(0, 10);

function createGoal(pairingId: string, title = "Learn SQL", progress = 0, position = 0) {
  return testDb.pairingGoal.create({ data: { pairingId, title, progress, position } });
}

describe("addGoal", () => {
  it("adds goals at progress 0 at the end of the list, trimmed", async () => {
    const { mentor, mentee, pairing } = await pair();
    expect(await addGoal(mentee, { pairingId: pairing.id, title: "  Run a retro  " })).toEqual({
      ok: true,
      message: "Goal added.",
    });
    await addGoal(mentor, { pairingId: pairing.id, title: "Review a design" });
    expect(await goalsOf(pairing.id)).toMatchObject([
      { title: "Run a retro", progress: 0, position: 0 },
      { title: "Review a design", progress: 0, position: 1 },
    ]);
  });

  it("works while the pairing is paused", async () => {
    const { mentee, pairing } = await pair("PAUSED");
    expect(await addGoal(mentee, { pairingId: pairing.id, title: "Read a book" })).toMatchObject({
      ok: true,
    });
  });

  it.each([
    ["an empty title", "   ", "Say what the goal is."],
    ["a long title", "x".repeat(L.goalTitleMax + 1), `under ${L.goalTitleMax} characters`],
  ])("refuses %s beside the field", async (_name, title, message) => {
    const { mentee, pairing } = await pair();
    const result = await addGoal(mentee, { pairingId: pairing.id, title });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { title: [expect.stringContaining(message)] },
    });
    expect(await goalsOf(pairing.id)).toEqual([]);
  });

  it(`refuses more than ${L.goalsPerPairing} goals`, async () => {
    const { mentee, pairing } = await pair();
    await testDb.pairingGoal.createMany({
      data: Array.from({ length: L.goalsPerPairing }, (_, i) => ({
        pairingId: pairing.id,
        title: `Goal ${i}`,
        position: i,
      })),
    });
    await expect(addGoal(mentee, { pairingId: pairing.id, title: "One more" })).rejects.toThrow(
      `A mentorship can have at most ${L.goalsPerPairing} goals. Remove one first.`,
    );
    expect(await goalsOf(pairing.id)).toHaveLength(L.goalsPerPairing);
  });

  it.each(CLOSED)("refuses a %s pairing", async (status) => {
    const { mentee, pairing } = await pair(status);
    await expect(addGoal(mentee, { pairingId: pairing.id, title: "Late goal" })).rejects.toThrow(
      "This mentorship has closed, so its goals can no longer be changed.",
    );
    expect(await goalsOf(pairing.id)).toEqual([]);
  });

  it("refuses an admin (who may only read) and hides the pairing from anyone else", async () => {
    const { pairing } = await pair();
    const input = { pairingId: pairing.id, title: "Admin goal" };
    await expect(addGoal(await createAdmin(), input)).rejects.toBeInstanceOf(PermissionDenied);
    await expect(addGoal(await createMember(), input)).rejects.toThrow(
      "That mentorship was not found.",
    );
    await expect(addGoal(await createMember(), { ...input, pairingId: "nope" })).rejects.toThrow(
      "That mentorship was not found.",
    );
    expect(await goalsOf(pairing.id)).toEqual([]);
  });
});

describe("updateGoalProgress", () => {
  it("saves a whole percentage from either member", async () => {
    const { mentor, mentee, pairing } = await pair();
    const goal = await createGoal(pairing.id);
    expect(await updateGoalProgress(mentee, { goalId: goal.id, progress: "40" })).toEqual({
      ok: true,
      message: "Progress saved.",
    });
    expect(await goalRow(goal.id)).toMatchObject({ progress: 40 });
    expect(await updateGoalProgress(mentor, { goalId: goal.id, progress: 100 })).toEqual({
      ok: true,
      message: "Goal reached. Well done!",
    });
    expect(await goalRow(goal.id)).toMatchObject({ progress: 100 });
  });

  it.each(["50.5", "-1", "101", "", "abc", "1e2"])("refuses %j", async (progress) => {
    const { mentee, pairing } = await pair();
    const goal = await createGoal(pairing.id, "Goal", 30);
    const result = await updateGoalProgress(mentee, { goalId: goal.id, progress });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { progress: ["Enter the progress as a whole number from 0 to 100."] },
    });
    expect(await goalRow(goal.id)).toMatchObject({ progress: 30 });
  });

  it("refuses a goal of a pairing the member is not in, as not found", async () => {
    const { mentee } = await pair();
    const other = await pair();
    const goal = await createGoal(other.pairing.id, "Theirs", 10);
    await expect(updateGoalProgress(mentee, { goalId: goal.id, progress: 90 })).rejects.toThrow(
      "That goal was not found.",
    );
    await expect(updateGoalProgress(mentee, { goalId: "missing", progress: 90 })).rejects.toThrow(
      "That goal was not found.",
    );
    expect(await goalRow(goal.id)).toMatchObject({ progress: 10 });
  });

  it.each(CLOSED)("refuses a %s pairing", async (status) => {
    const { mentee, pairing } = await pair(status);
    const goal = await createGoal(pairing.id, "Goal", 10);
    await expect(updateGoalProgress(mentee, { goalId: goal.id, progress: 50 })).rejects.toThrow(
      "This mentorship has closed",
    );
    expect(await goalRow(goal.id)).toMatchObject({ progress: 10 });
  });

  it("refuses an admin", async () => {
    const { pairing } = await pair();
    const goal = await createGoal(pairing.id, "Goal", 10);
    await expect(
      updateGoalProgress(await createAdmin(), { goalId: goal.id, progress: 50 }),
    ).rejects.toBeInstanceOf(PermissionDenied);
    expect(await goalRow(goal.id)).toMatchObject({ progress: 10 });
  });
});

describe("removeGoal", () => {
  it("removes the goal", async () => {
    const { mentor, pairing } = await pair();
    const goal = await createGoal(pairing.id);
    expect(await removeGoal(mentor, { goalId: goal.id })).toEqual({
      ok: true,
      message: "Goal removed.",
    });
    expect(await goalRow(goal.id)).toBeNull();
  });

  it("refuses a closed pairing, another pairing's goal and an admin", async () => {
    const closed = await pair("COMPLETED");
    const closedGoal = await createGoal(closed.pairing.id);
    await expect(removeGoal(closed.mentee, { goalId: closedGoal.id })).rejects.toThrow(
      "This mentorship has closed",
    );
    const other = await pair();
    const otherGoal = await createGoal(other.pairing.id);
    await expect(removeGoal(closed.mentee, { goalId: otherGoal.id })).rejects.toBeInstanceOf(
      NotFound,
    );
    await expect(removeGoal(await createAdmin(), { goalId: otherGoal.id })).rejects.toBeInstanceOf(
      PermissionDenied,
    );
    expect(await goalRow(closedGoal.id)).not.toBeNull();
    expect(await goalRow(otherGoal.id)).not.toBeNull();
  });
});

describe("logCheckIn", () => {
  const input = (pairingId: string, overrides: Record<string, string> = {}) => ({
    pairingId,
    heldOn: day(-2),
    notes: "  Talked about\r\nestimates.  ",
    nextSteps: "Try planning poker.",
    ...overrides,
  });

  it("logs it, moves the last check-in and tells the other member only", async () => {
    const { mentor, mentee, pairing } = await pair();
    const result = await logCheckIn(mentor, input(pairing.id));
    expect(result).toMatchObject({
      ok: true,
      message: "Check-in logged.",
      data: { id: expect.any(String) },
    });
    expect(await checkInsOf(pairing.id)).toMatchObject([
      {
        id: result.ok ? result.data?.id : "",
        authorId: mentor.id,
        heldOn: utcDate(-2),
        notes: "Talked about\nestimates.",
        nextSteps: "Try planning poker.",
      },
    ]);
    expect(await pairingRow(pairing.id)).toMatchObject({ lastCheckInOn: utcDate(-2) });
    expect(await notificationsFor(mentee.id)).toMatchObject([
      { kind: "mentorship.checked_in", actorId: mentor.id, data: { pairingId: pairing.id } },
    ]);
    expect(await notificationsFor(mentor.id)).toEqual([]);
  });

  it("keeps the latest day when an earlier check-in is logged late", async () => {
    const { mentee, pairing } = await pair();
    await testDb.mentorPairing.update({
      where: { id: pairing.id },
      data: { lastCheckInOn: utcDate(-3) },
    });
    await logCheckIn(mentee, input(pairing.id, { heldOn: day(-10), nextSteps: "" }));
    expect(await pairingRow(pairing.id)).toMatchObject({ lastCheckInOn: utcDate(-3) });
    expect(await checkInsOf(pairing.id)).toMatchObject([{ heldOn: utcDate(-10), nextSteps: "" }]);
  });

  it("accepts tomorrow (UTC), for members ahead of UTC, and a paused pairing", async () => {
    const { mentee, pairing } = await pair("PAUSED");
    expect(await logCheckIn(mentee, input(pairing.id, { heldOn: day(1) }))).toMatchObject({
      ok: true,
    });
    expect(await pairingRow(pairing.id)).toMatchObject({ lastCheckInOn: utcDate(1) });
  });

  it.each([
    ["the day after tomorrow", () => day(2), "The check-in can't be in the future."],
    ["two days before the start", () => day(-32), "can't be before the mentorship started on"],
  ])("refuses %s beside the date", async (_name, heldOn, message) => {
    const { mentee, pairing } = await pair();
    const result = logCheckIn(mentee, input(pairing.id, { heldOn: heldOn() }));
    await expect(result).rejects.toMatchObject({
      message: expect.stringContaining(message),
      fieldErrors: { heldOn: [expect.stringContaining(message)] },
    });
    expect(await checkInsOf(pairing.id)).toEqual([]);
    expect(await pairingRow(pairing.id)).toMatchObject({ lastCheckInOn: null });
    expect(await notificationsFor(pairing.mentorId)).toEqual([]);
  });

  it("accepts the start day itself, and the day before for members behind UTC", async () => {
    for (const heldOn of [day(-30), day(-31)]) {
      const { mentee, pairing } = await pair();
      expect(await logCheckIn(mentee, input(pairing.id, { heldOn }))).toMatchObject({ ok: true });
    }
  });

  it.each([
    ["heldOn", { heldOn: "" }, "Enter the day you met."],
    ["heldOn", { heldOn: "2026-02-30" }, "as year, month and day"],
    ["heldOn", { heldOn: "last week" }, "as year, month and day"],
    ["notes", { notes: " \r\n " }, "Write a few words"],
    ["notes", { notes: "x".repeat(L.checkInNotesMax + 1) }, "Keep the notes under 5,000"],
    ["nextSteps", { nextSteps: "x".repeat(L.nextStepsMax + 1) }, "Keep the next steps under"],
  ])("refuses a bad %s beside the field", async (field, override, message) => {
    const { mentee, pairing } = await pair();
    const result = await logCheckIn(mentee, input(pairing.id, override));
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { [field]: [expect.stringContaining(message)] },
    });
    expect(await checkInsOf(pairing.id)).toEqual([]);
  });

  it.each(CLOSED)("refuses a %s pairing", async (status) => {
    const { mentee, pairing } = await pair(status);
    await expect(logCheckIn(mentee, input(pairing.id))).rejects.toThrow(
      "This mentorship has closed, so no more check-ins can be logged.",
    );
    expect(await checkInsOf(pairing.id)).toEqual([]);
  });

  it("refuses an admin and a third member", async () => {
    const { pairing } = await pair();
    await expect(logCheckIn(await createAdmin(), input(pairing.id))).rejects.toBeInstanceOf(
      PermissionDenied,
    );
    await expect(logCheckIn(await createMember(), input(pairing.id))).rejects.toBeInstanceOf(
      NotFound,
    );
    expect(await checkInsOf(pairing.id)).toEqual([]);
    expect(await pairingRow(pairing.id)).toMatchObject({ lastCheckInOn: null });
  });
});

describe("parsePairingLink", () => {
  it.each([
    ["/posts/abc123", { type: "post", postId: "abc123" }],
    ["/posts/abc123/", { type: "post", postId: "abc123" }],
    ["  /sessions/s_1?tab=notes#top ", { type: "session", sessionId: "s_1" }],
    ["https://learning.example.com/posts/abc123", { type: "post", postId: "abc123" }],
    ["http://localhost:3000/sessions/xyz?x=1", { type: "session", sessionId: "xyz" }],
  ])("reads %j", (raw, expected) => {
    expect(parsePairingLink(raw)).toEqual(expected);
  });

  it.each([
    "/discussions/abc",
    "/posts/abc/edit",
    "/posts/",
    "//evil.example/posts/abc",
    "javascript:alert(1)//posts/abc",
    "ftp://example.com/posts/abc",
    "posts/abc",
    "/posts/a%20b",
  ])("refuses %j", (raw) => {
    expect(parsePairingLink(raw)).toBeNull();
  });
});

describe("addPairingLink", () => {
  it("adds a published post and a session, from a path or a full address", async () => {
    const { mentor, mentee, pairing } = await pair();
    const post = await createPost(mentor.id);
    const session = await createSession([mentor.id]);
    expect(
      await addPairingLink(mentee, {
        pairingId: pairing.id,
        link: `/posts/${post.id}`,
        note: " Read before Friday ",
      }),
    ).toEqual({ ok: true, message: "Link added." });
    await addPairingLink(mentor, {
      pairingId: pairing.id,
      link: `https://learning.example.com/sessions/${session.id}?from=calendar`,
    });
    expect(await linksOf(pairing.id)).toMatchObject([
      { postId: post.id, sessionId: null, note: "Read before Friday", addedById: mentee.id },
      { postId: null, sessionId: session.id, note: "", addedById: mentor.id },
    ]);
  });

  it("refuses the same item twice, however it is written", async () => {
    const { mentee, pairing } = await pair();
    const post = await createPost(mentee.id);
    await addPairingLink(mentee, { pairingId: pairing.id, link: `/posts/${post.id}` });
    const again = addPairingLink(mentee, {
      pairingId: pairing.id,
      link: `https://learning.example.com/posts/${post.id}/`,
    });
    await expect(again).rejects.toMatchObject({
      message: ALREADY_LINKED,
      fieldErrors: { link: [ALREADY_LINKED] },
    });
    expect(await linksOf(pairing.id)).toHaveLength(1);
  });

  it.each([
    ["a draft post", { status: "DRAFT" as const }, "isn't published"],
    ["a hidden post", { hiddenAt: new Date() }, "We couldn't find that knowledge post."],
    ["a deleted post", { deletedAt: new Date() }, "We couldn't find that knowledge post."],
  ])("refuses %s", async (_name, overrides, message) => {
    const { mentee, pairing } = await pair();
    const post = await createPost(mentee.id, overrides);
    const result = addPairingLink(mentee, { pairingId: pairing.id, link: `/posts/${post.id}` });
    await expect(result).rejects.toMatchObject({
      fieldErrors: { link: [expect.stringContaining(message)] },
    });
    expect(await linksOf(pairing.id)).toEqual([]);
  });

  it("refuses a post or a session that does not exist", async () => {
    const { mentee, pairing } = await pair();
    await expect(
      addPairingLink(mentee, { pairingId: pairing.id, link: "/posts/nope" }),
    ).rejects.toThrow("We couldn't find that knowledge post. Check the link.");
    await expect(
      addPairingLink(mentee, { pairingId: pairing.id, link: "/sessions/nope" }),
    ).rejects.toThrow("We couldn't find that session. Check the link.");
    expect(await linksOf(pairing.id)).toEqual([]);
  });

  it.each([
    ["link", { link: "" }, "Paste the link"],
    ["link", { link: "/discussions/abc" }, "Link to a knowledge post or a session on this site"],
    ["link", { link: "javascript:alert(1)" }, "Link to a knowledge post or a session"],
    ["note", { note: "x".repeat(L.linkNoteMax + 1) }, "Keep the note under 300"],
  ])("refuses a bad %s beside the field", async (field, override, message) => {
    const { mentee, pairing } = await pair();
    const session = await createSession([mentee.id]);
    const result = await addPairingLink(mentee, {
      pairingId: pairing.id,
      link: `/sessions/${session.id}`,
      ...override,
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { [field]: [expect.stringContaining(message)] },
    });
    expect(await linksOf(pairing.id)).toEqual([]);
  });

  it(`refuses more than ${L.linksPerPairing} links`, async () => {
    const { mentor, mentee, pairing } = await pair();
    const sessions = await Promise.all(
      Array.from({ length: L.linksPerPairing + 1 }, () => createSession([mentor.id])),
    );
    await testDb.pairingLink.createMany({
      data: sessions.slice(1).map((s) => ({ pairingId: pairing.id, sessionId: s.id })),
    });
    await expect(
      addPairingLink(mentee, { pairingId: pairing.id, link: `/sessions/${sessions[0]!.id}` }),
    ).rejects.toThrow(
      `A mentorship can have at most ${L.linksPerPairing} links. Remove one first.`,
    );
    expect(await linksOf(pairing.id)).toHaveLength(L.linksPerPairing);
  });

  it.each(CLOSED)("refuses a %s pairing", async (status) => {
    const { mentee, pairing } = await pair(status);
    const session = await createSession([mentee.id]);
    await expect(
      addPairingLink(mentee, { pairingId: pairing.id, link: `/sessions/${session.id}` }),
    ).rejects.toThrow("This mentorship has closed, so links can no longer be added.");
    expect(await linksOf(pairing.id)).toEqual([]);
  });
});

describe("removePairingLink", () => {
  it("removes a link either member added", async () => {
    const { mentor, mentee, pairing } = await pair();
    const session = await createSession([mentor.id]);
    const link = await testDb.pairingLink.create({
      data: { pairingId: pairing.id, sessionId: session.id, addedById: mentee.id },
    });
    expect(await removePairingLink(mentor, { linkId: link.id })).toEqual({
      ok: true,
      message: "Link removed.",
    });
    expect(await linksOf(pairing.id)).toEqual([]);
  });

  it("refuses another pairing's link, a closed pairing and an admin", async () => {
    const { mentee } = await pair();
    const other = await pair("ENDED");
    const session = await createSession([mentee.id]);
    const link = await testDb.pairingLink.create({
      data: { pairingId: other.pairing.id, sessionId: session.id },
    });
    await expect(removePairingLink(mentee, { linkId: link.id })).rejects.toThrow(
      "That link was not found.",
    );
    await expect(removePairingLink(other.mentee, { linkId: link.id })).rejects.toThrow(
      "This mentorship has closed, so links can no longer be removed.",
    );
    await expect(
      removePairingLink(await createAdmin(), { linkId: link.id }),
    ).rejects.toBeInstanceOf(PermissionDenied);
    expect(await linksOf(other.pairing.id)).toHaveLength(1);
  });
});

describe("saveReflection", () => {
  const reflectionsOf = (pairingId: string) =>
    testDb.pairingReflection.findMany({ where: { pairingId }, orderBy: { createdAt: "asc" } });

  it("saves one reflection per member of a completed pairing, edited in place", async () => {
    const { mentor, mentee, pairing } = await pair("COMPLETED");
    const first = { pairingId: pairing.id, learned: " Estimating ", nextSteps: "Teach it" };
    expect(await saveReflection(mentee, first)).toEqual({ ok: true, message: "Reflection saved." });
    await saveReflection(mentor, { pairingId: pairing.id, learned: "Patience", nextSteps: "More" });
    await saveReflection(mentee, { ...first, learned: "Estimating, really" });
    expect(await reflectionsOf(pairing.id)).toMatchObject([
      { userId: mentee.id, learned: "Estimating, really", nextSteps: "Teach it" },
      { userId: mentor.id, learned: "Patience", nextSteps: "More" },
    ]);
  });

  it.each(["ACTIVE", "PAUSED", "ENDED"] as const)("refuses a %s pairing", async (status) => {
    const { mentee, pairing } = await pair(status);
    const result = saveReflection(mentee, { pairingId: pairing.id, learned: "A", nextSteps: "B" });
    await expect(result).rejects.toThrow(REFLECTION_NOT_YET);
    expect(await reflectionsOf(pairing.id)).toEqual([]);
  });

  it.each([
    ["learned", { learned: "" }, "Say what you learned."],
    ["nextSteps", { nextSteps: " " }, "Say what you will do next."],
    ["learned", { learned: "x".repeat(L.reflectionMax + 1) }, "under 2,000 characters"],
  ])("refuses a bad %s beside the field", async (field, override, message) => {
    const { mentee, pairing } = await pair("COMPLETED");
    const input = { pairingId: pairing.id, learned: "A", nextSteps: "B", ...override };
    expect(await saveReflection(mentee, input)).toMatchObject({
      ok: false,
      fieldErrors: { [field]: [expect.stringContaining(message)] },
    });
    expect(await reflectionsOf(pairing.id)).toEqual([]);
  });

  it("refuses an admin and a third member", async () => {
    const { pairing } = await pair("COMPLETED");
    const input = { pairingId: pairing.id, learned: "A", nextSteps: "B" };
    await expect(saveReflection(await createAdmin(), input)).rejects.toBeInstanceOf(
      PermissionDenied,
    );
    await expect(saveReflection(await createMember(), input)).rejects.toBeInstanceOf(NotFound);
    expect(await reflectionsOf(pairing.id)).toEqual([]);
  });
});
