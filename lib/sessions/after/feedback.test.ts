import { describe, expect, it } from "vitest";
import { createLeader, createMember } from "@/test/factories";
import { createPastSession, createRsvp, createSession } from "@/test/factories-sessions";
import { testDb } from "@/test/db";
import { unseal } from "@/lib/core/anonymity/sealed";
import { utcToday } from "@/lib/core/dates";
import { afterSessionView, feedbackComments, feedbackExport, feedbackSummary } from "./queries";
import { ALREADY_RATED, feedbackCsv, rateSession } from "./feedback";
import { ANONYMOUS_FEEDBACK_BATCH, NOTES_LIMITS } from "@/lib/sessions/limits";

const feedbackOf = (sessionId: string) =>
  testDb.sessionFeedback.findMany({ where: { sessionId }, orderBy: { rating: "asc" } });

const receiptsOf = (sessionId: string) =>
  testDb.sessionFeedbackReceipt.findMany({ where: { sessionId } });

/** The anonymous ratings waiting sealed in the session's receipts, opened with the app's key. */
async function waitingRatingsOf(sessionId: string) {
  const receipts = await testDb.sessionFeedbackReceipt.findMany({
    where: { sessionId, sealed: { not: null } },
  });
  return receipts.map(({ sealed }) => unseal(sealed!));
}

/** A session that has ended, its host, and a member who went. */
async function attendedSession(overrides: Parameters<typeof createPastSession>[1] = {}) {
  const host = await createMember();
  const session = await createPastSession([host.id], overrides);
  const attendee = await createMember();
  await createRsvp(session.id, attendee.id, "GOING");
  return { host, session, attendee };
}

describe("rateSession", () => {
  it("saves a named rating and a receipt, dated by the day only, with a random id", async () => {
    const { session, attendee } = await attendedSession();
    const result = await rateSession(attendee, {
      sessionId: session.id,
      rating: "4",
      comment: " Useful demo ",
    });
    expect(result).toMatchObject({ ok: true });
    const [row] = await feedbackOf(session.id);
    expect(row).toMatchObject({
      authorId: attendee.id,
      rating: 4,
      comment: "Useful demo",
      createdOn: utcToday(),
    });
    expect(row!.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(await receiptsOf(session.id)).toMatchObject([{ userId: attendee.id }]);
  });

  it("lets a member who checked in rate, even without a going RSVP", async () => {
    const host = await createMember();
    const session = await createPastSession([host.id]);
    const walkIn = await createMember();
    await createRsvp(session.id, walkIn.id, "NOT_GOING", { attendedAt: new Date() });
    expect(await rateSession(walkIn, { sessionId: session.id, rating: 5 })).toMatchObject({
      ok: true,
    });
  });

  it.each([
    ["no RSVP", null],
    ["a waitlisted RSVP", "WAITLISTED"],
    ["a not-going RSVP", "NOT_GOING"],
  ] as const)("refuses a member with %s", async (_case, status) => {
    const { session } = await attendedSession();
    const member = await createMember();
    if (status) await createRsvp(session.id, member.id, status);
    const result = rateSession(member, { sessionId: session.id, rating: 5 });
    await expect(result).rejects.toThrow("Only members who went to this session can rate it.");
    expect(await feedbackOf(session.id)).toEqual([]);
  });

  it("refuses a second rating by the same member, anonymous or not", async () => {
    const { session, attendee } = await attendedSession();
    await rateSession(attendee, { sessionId: session.id, rating: 3, anonymous: "on" });
    const again = rateSession(attendee, { sessionId: session.id, rating: 5 });
    await expect(again).rejects.toThrow(ALREADY_RATED);
    expect(await feedbackOf(session.id)).toEqual([]);
    expect(await waitingRatingsOf(session.id)).toEqual([{ rating: 3, comment: null }]);
  });

  it("lets exactly one of two concurrent ratings by the same member through", async () => {
    const { session, attendee } = await attendedSession();
    const results = await Promise.allSettled([
      rateSession(attendee, { sessionId: session.id, rating: 2, anonymous: "on" }),
      rateSession(attendee, { sessionId: session.id, rating: 5, anonymous: "on" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected");
    expect((refused as PromiseRejectedResult).reason).toMatchObject({ message: ALREADY_RATED });
    expect(await waitingRatingsOf(session.id)).toHaveLength(1);
    expect(await receiptsOf(session.id)).toHaveLength(1);
  });

  it.each([["0"], ["6"], ["3.5"], ["abc"], [""], [-1]])(
    "refuses the rating %s beside the field",
    async (rating) => {
      const { session, attendee } = await attendedSession();
      const result = await rateSession(attendee, { sessionId: session.id, rating });
      expect(result).toMatchObject({ ok: false, fieldErrors: { rating: [expect.any(String)] } });
      expect(await receiptsOf(session.id)).toEqual([]);
    },
  );

  it("refuses a comment over the limit", async () => {
    const { session, attendee } = await attendedSession();
    const comment = "x".repeat(NOTES_LIMITS.feedbackCommentMax + 1);
    const result = await rateSession(attendee, { sessionId: session.id, rating: 4, comment });
    expect(result).toMatchObject({ ok: false, fieldErrors: { comment: [expect.any(String)] } });
  });

  it("refuses rating a cancelled session", async () => {
    const { session, attendee } = await attendedSession({ status: "CANCELLED" });
    const result = rateSession(attendee, { sessionId: session.id, rating: 4 });
    await expect(result).rejects.toThrow("cancelled");
    expect(await receiptsOf(session.id)).toEqual([]);
  });

  it("refuses rating a session that has not started", async () => {
    const host = await createMember();
    const session = await createSession([host.id]);
    const attendee = await createMember();
    await createRsvp(session.id, attendee.id, "GOING");
    const result = rateSession(attendee, { sessionId: session.id, rating: 4 });
    await expect(result).rejects.toThrow("once it has started");
    expect(await receiptsOf(session.id)).toEqual([]);
  });
});

describe("anonymous feedback", () => {
  it("waits sealed until enough have come, then shows them with no author anywhere", async () => {
    const host = await createMember();
    const session = await createPastSession([host.id]);
    const secret = await createMember({ name: "Quinn Secretive" });
    const named = await createMember({ name: "Nadia Named" });
    const others = await Promise.all(
      Array.from({ length: ANONYMOUS_FEEDBACK_BATCH - 1 }, () => createMember()),
    );
    for (const member of [secret, named, ...others]) {
      await createRsvp(session.id, member.id, "GOING");
    }
    await rateSession(secret, {
      sessionId: session.id,
      rating: 2,
      comment: "Too fast for me",
      anonymous: "on",
    });
    await rateSession(named, { sessionId: session.id, rating: 5, comment: "Loved it" });

    // One anonymous rating alone would be its author's: the hosts see only that it waits.
    expect(await feedbackOf(session.id)).toMatchObject([{ rating: 5, authorId: named.id }]);
    expect(await feedbackSummary(session.id)).toMatchObject({ count: 1, waitingAnonymous: 1 });
    expect(JSON.stringify(await feedbackComments(session.id))).not.toContain("Too fast");

    for (const [index, member] of others.entries()) {
      await rateSession(member, {
        sessionId: session.id,
        rating: 4,
        comment: `Fine ${index}`,
        anonymous: "on",
      });
    }
    expect(await waitingRatingsOf(session.id)).toEqual([]);
    const rows = await feedbackOf(session.id);
    expect(rows.filter((row) => row.authorId === null)).toHaveLength(ANONYMOUS_FEEDBACK_BATCH);
    expect(rows.find((row) => row.comment === "Too fast for me")).toMatchObject({
      rating: 2,
      authorId: null,
    });
    expect(await feedbackSummary(session.id)).toMatchObject({
      count: ANONYMOUS_FEEDBACK_BATCH + 1,
      waitingAnonymous: 0,
    });

    const comments = await feedbackComments(session.id);
    expect(
      comments.items
        .map(({ from, comment }) => ({ from, comment }))
        .filter(({ comment }) => !comment.startsWith("Fine"))
        .sort((a, b) => a.comment.localeCompare(b.comment)),
    ).toEqual([
      { from: "Nadia Named", comment: "Loved it" },
      { from: "Anonymous", comment: "Too fast for me" },
    ]);
    expect(JSON.stringify(comments)).not.toContain("Quinn Secretive");
    expect(JSON.stringify(comments)).not.toContain(secret.id);

    const hostView = await afterSessionView(host, session.id);
    expect(JSON.stringify(hostView)).not.toContain("Quinn Secretive");
    expect(JSON.stringify(hostView)).not.toContain(secret.id);

    const exported = await feedbackExport(host, session.id);
    if (!exported || exported === "forbidden") throw new Error("no export for the host");
    const csv = feedbackCsv(exported.rows);
    expect(csv).toContain("Too fast for me");
    expect(csv).toContain("Anonymous");
    expect(csv).toContain("Nadia Named");
    expect(csv).not.toContain("Quinn Secretive");
    expect(csv).not.toContain(secret.id);
  });
});

describe("feedback summary and export", () => {
  it("counts, averages and spreads the ratings", async () => {
    const host = await createMember();
    const session = await createPastSession([host.id]);
    for (const rating of [5, 4, 4, 1]) {
      const member = await createMember();
      await createRsvp(session.id, member.id, "GOING");
      await rateSession(member, { sessionId: session.id, rating });
    }
    expect(await feedbackSummary(session.id)).toEqual({
      count: 4,
      average: 3.5,
      distribution: [1, 0, 0, 2, 1],
      waitingAnonymous: 0,
    });
  });

  it("shows comments to the hosts and leaders only; attendees see the summary", async () => {
    const { host, session, attendee } = await attendedSession();
    await rateSession(attendee, { sessionId: session.id, rating: 4, comment: "Good pace" });
    const forAttendee = await afterSessionView(attendee, session.id);
    expect(forAttendee).toMatchObject({ rating: "rated", feedback: { count: 1, average: 4 } });
    expect(forAttendee!.comments).toBeNull();
    const forHost = await afterSessionView(host, session.id);
    expect(forHost!.comments!.items).toMatchObject([{ comment: "Good pace", rating: 4 }]);
    const forLeader = await afterSessionView(await createLeader(), session.id);
    expect(forLeader!.comments!.items).toHaveLength(1);
  });

  it("exports to managers only", async () => {
    const { host, session, attendee } = await attendedSession();
    expect(await feedbackExport(attendee, session.id)).toBe("forbidden");
    expect(await feedbackExport(host, "nosuchsession")).toBeNull();
    expect(await feedbackExport(host, session.id)).toMatchObject({ title: session.title });
  });

  it("pages through comments without repeats", async () => {
    const host = await createMember();
    const session = await createPastSession([host.id]);
    for (let n = 0; n < 5; n++) {
      const member = await createMember();
      await createRsvp(session.id, member.id, "GOING");
      await rateSession(member, { sessionId: session.id, rating: 3, comment: `Comment ${n}` });
    }
    const first = await feedbackComments(session.id, { take: 3 });
    expect(first.items).toHaveLength(3);
    const second = await feedbackComments(session.id, { take: 3, cursor: first.nextCursor });
    expect(second).toMatchObject({ nextCursor: null });
    const all = [...first.items, ...second.items].map((item) => item.comment).sort();
    expect(all).toEqual(["Comment 0", "Comment 1", "Comment 2", "Comment 3", "Comment 4"]);
  });

  it("writes CSV that spreadsheets will not run as formulas", () => {
    const csv = feedbackCsv([
      {
        rating: 1,
        comment: '=HYPERLINK("x") and "quotes"',
        authorName: null,
        createdOn: utcToday(),
      },
    ]);
    const [header, line] = csv.trim().split("\r\n");
    expect(header).toBe('"Date","Rating","From","Comment"');
    expect(line).toContain(`"Anonymous","'=HYPERLINK(""x"") and ""quotes"""`);
  });
});
