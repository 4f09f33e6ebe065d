import { describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { DomainError } from "@/lib/core/forms/errors";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { notificationsFor } from "@/test/factories-notifications";
import { createPastSession, createRsvp, createSession } from "@/test/factories-sessions";
import { checkIn, recordAttendance } from "./attendance";
import { respondToSession } from "./rsvp";

const rsvpOf = (sessionId: string, userId: string) =>
  testDb.sessionRsvp.findUnique({ where: { sessionId_userId: { sessionId, userId } } });

const goingCount = async (sessionId: string) =>
  (await testDb.learningSession.findUniqueOrThrow({ where: { id: sessionId } })).goingCount;

describe("RSVP and the waitlist", () => {
  it("seats members up to the capacity, then waitlists them in order", async () => {
    const session = await createSession([(await createMember()).id], { capacity: 2 });
    const [a, b, c, d] = await Promise.all([
      createMember(),
      createMember(),
      createMember(),
      createMember(),
    ]);
    expect(await respondToSession(a, { sessionId: session.id, response: "going" })).toEqual({
      ok: true,
      message: "You're going.",
    });
    await respondToSession(b, { sessionId: session.id, response: "going" });
    const third = await respondToSession(c, { sessionId: session.id, response: "going" });
    expect(third.message).toContain("waitlist (number 1)");
    const fourth = await respondToSession(d, { sessionId: session.id, response: "going" });
    expect(fourth.message).toContain("waitlist (number 2)");
    expect((await rsvpOf(session.id, c.id))?.status).toBe("WAITLISTED");
    expect(await goingCount(session.id)).toBe(2);
    // Answering "going" again changes nothing.
    await respondToSession(a, { sessionId: session.id, response: "going" });
    expect(await goingCount(session.id)).toBe(2);
  });

  it("gives a freed seat at once to the first on the waitlist, who is notified", async () => {
    const session = await createSession([(await createMember()).id], { capacity: 1 });
    const [seated, first, second] = [
      await createMember(),
      await createMember(),
      await createMember(),
    ];
    await respondToSession(seated, { sessionId: session.id, response: "going" });
    await respondToSession(first, { sessionId: session.id, response: "going" });
    await respondToSession(second, { sessionId: session.id, response: "going" });
    const result = await respondToSession(seated, { sessionId: session.id, response: "not_going" });
    expect(result.message).toBe("You're not going.");
    expect((await rsvpOf(session.id, seated.id))?.status).toBe("NOT_GOING");
    expect((await rsvpOf(session.id, first.id))?.status).toBe("GOING");
    expect((await rsvpOf(session.id, second.id))?.status).toBe("WAITLISTED");
    expect(await goingCount(session.id)).toBe(1);
    const told = await notificationsFor(first.id);
    expect(told.map((n) => [n.kind, n.actorId])).toEqual([["session.waitlist_promoted", null]]);
    expect(told[0]!.data).toEqual({ sessionId: session.id, title: session.title });
    expect(await notificationsFor(second.id)).toEqual([]);
  });

  it("lets a waitlisted member leave the waitlist without touching the seats", async () => {
    const session = await createSession([(await createMember()).id], { capacity: 1 });
    const [seated, waiting] = [await createMember(), await createMember()];
    await createRsvp(session.id, seated.id, "GOING");
    await createRsvp(session.id, waiting.id, "WAITLISTED");
    const result = await respondToSession(waiting, {
      sessionId: session.id,
      response: "not_going",
    });
    expect(result.message).toBe("You've left the waitlist.");
    expect(await goingCount(session.id)).toBe(1);
    expect((await rsvpOf(session.id, waiting.id))?.status).toBe("NOT_GOING");
  });

  it("never overbooks: of 12 concurrent RSVPs for the last seat exactly one gets it", async () => {
    const session = await createSession([(await createMember()).id], { capacity: 3 });
    for (let i = 0; i < 2; i++) await createRsvp(session.id, (await createMember()).id);
    const members = await Promise.all(Array.from({ length: 12 }, () => createMember()));
    const results = await Promise.all(
      members.map((member) =>
        respondToSession(member, { sessionId: session.id, response: "going" }),
      ),
    );
    expect(results.filter((r) => r.message === "You're going.")).toHaveLength(1);
    const rsvps = await testDb.sessionRsvp.groupBy({
      by: ["status"],
      where: { sessionId: session.id },
      _count: true,
    });
    expect(Object.fromEntries(rsvps.map((row) => [row.status, row._count]))).toEqual({
      GOING: 3,
      WAITLISTED: 11,
    });
    expect(await goingCount(session.id)).toBe(3);
    // The waitlist positions are 1..11, each once.
    const positions = results
      .map((r) => /number (\d+)/.exec(r.message ?? "")?.[1])
      .filter(Boolean)
      .map(Number)
      .sort((x, y) => x - y);
    expect(positions).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
  });

  it("refuses RSVPs to cancelled and past sessions with a clear message", async () => {
    const host = await createMember();
    const member = await createMember();
    const cancelled = await createSession([host.id], {
      status: "CANCELLED",
      cancelReason: "Speaker ill",
    });
    await expect(
      respondToSession(member, { sessionId: cancelled.id, response: "going" }),
    ).rejects.toThrow("This session was cancelled, so it no longer takes RSVPs.");
    const past = await createPastSession([host.id]);
    await expect(
      respondToSession(member, { sessionId: past.id, response: "going" }),
    ).rejects.toThrow("This session has already started, so RSVPs are closed.");
    expect(await rsvpOf(cancelled.id, member.id)).toBeNull();
    expect(await rsvpOf(past.id, member.id)).toBeNull();
  });

  it("refuses an RSVP for someone else, and a host's RSVP, changing nothing", async () => {
    const host = await createMember();
    const [member, other] = [await createMember(), await createMember()];
    const session = await createSession([host.id]);
    await expect(
      respondToSession(member, { sessionId: session.id, response: "going", memberId: other.id }),
    ).rejects.toThrow("You can only answer for yourself");
    await expect(
      respondToSession(host, { sessionId: session.id, response: "going" }),
    ).rejects.toThrow("You're hosting this session");
    expect(await testDb.sessionRsvp.count({ where: { sessionId: session.id } })).toBe(0);
    expect(await goingCount(session.id)).toBe(0);
  });

  it("refuses an unknown response and an unknown session", async () => {
    const member = await createMember();
    const session = await createSession([member.id]);
    const result = await respondToSession(member, { sessionId: session.id, response: "maybe" });
    expect(result.ok).toBe(false);
    await expect(
      respondToSession(member, { sessionId: "missing", response: "going" }),
    ).rejects.toThrow("That session was not found.");
  });
});

describe("attendance", () => {
  it("lets a host record who attended among the members going", async () => {
    const host = await createMember();
    const session = await createPastSession([host.id]);
    const [came, absent, notGoing] = [
      await createMember(),
      await createMember(),
      await createMember(),
    ];
    await createRsvp(session.id, came.id);
    await createRsvp(session.id, absent.id);
    const result = await recordAttendance(host, { sessionId: session.id, attendedIds: [came.id] });
    expect(result.message).toBe("Attendance saved: 1 member attended.");
    expect((await rsvpOf(session.id, came.id))?.attendedAt).toBeInstanceOf(Date);
    expect((await rsvpOf(session.id, absent.id))?.attendedAt).toBeNull();
    await expect(
      recordAttendance(host, { sessionId: session.id, attendedIds: [came.id, notGoing.id] }),
    ).rejects.toThrow("Only members who are going can be marked as attended.");
    // Unticking clears the mark.
    await recordAttendance(host, { sessionId: session.id, attendedIds: [] });
    expect((await rsvpOf(session.id, came.id))?.attendedAt).toBeNull();
  });

  it("is for hosts and leaders, not for an attendee", async () => {
    const host = await createMember();
    const attendee = await createMember();
    const session = await createPastSession([host.id]);
    await createRsvp(session.id, attendee.id);
    await expect(
      recordAttendance(attendee, { sessionId: session.id, attendedIds: [attendee.id] }),
    ).rejects.toBeInstanceOf(PermissionDenied);
    expect((await rsvpOf(session.id, attendee.id))?.attendedAt).toBeNull();
  });

  it("lets a member going check in during the session window only", async () => {
    const host = await createMember();
    const member = await createMember();
    const now = Date.now();
    const running = await createSession([host.id], {
      startsAt: new Date(now - 600_000),
      endsAt: new Date(now + 600_000),
    });
    await createRsvp(running.id, member.id);
    expect(await checkIn(member, { sessionId: running.id })).toMatchObject({ ok: true });
    expect((await rsvpOf(running.id, member.id))?.attendedAt).toBeInstanceOf(Date);

    const later = await createSession([host.id]);
    await createRsvp(later.id, member.id);
    await expect(checkIn(member, { sessionId: later.id })).rejects.toBeInstanceOf(DomainError);
    const stranger = await createMember();
    await expect(checkIn(stranger, { sessionId: running.id })).rejects.toThrow(
      "Only members who are going can check in.",
    );
  });
});
