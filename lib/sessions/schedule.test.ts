import { describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import { testDb } from "@/test/db";
import { createLeader, createMember } from "@/test/factories";
import { notificationsFor } from "@/test/factories-notifications";
import { createPost } from "@/test/factories-posts";
import {
  createPastSession,
  createProposal,
  createRsvp,
  createSession,
} from "@/test/factories-sessions";
import {
  cancelSession,
  completeSession,
  createSession as scheduleSession,
  updateSession,
} from "./schedule";
import { utcToZonedInput } from "@/lib/core/zoned-time";

const DAY = 86_400_000;
const inDays = (days: number, hour = 12) => {
  const date = new Date(Date.now() + days * DAY);
  date.setUTCHours(hour, 0, 0, 0);
  return date;
};

type Leader = Awaited<ReturnType<typeof createLeader>>;

function sessionInput(
  hostIds: string[],
  overrides: Record<string, string | string[]> = {},
  timeZone = "UTC",
) {
  const start = inDays(7);
  return {
    title: "Testing in production, safely",
    format: "LUNCH_AND_LEARN",
    description: "How we ship behind flags.",
    startsAt: utcToZonedInput(start, timeZone),
    endsAt: utcToZonedInput(new Date(start.getTime() + 3_600_000), timeZone),
    location: "Room 4",
    meetingUrl: "https://meet.example.com/abc",
    capacity: "20",
    hostIds,
    goals: "Everyone can add a flag.",
    scope: "Flags, not experiments.",
    openQuestions: "When do we remove a flag?",
    ...overrides,
  };
}

async function schedule(leader: Leader, input: Record<string, unknown>) {
  const result = await scheduleSession({ ...leader, timeZone: leader.timeZone }, input);
  if (!result.ok || !result.data) throw new Error(`not scheduled: ${JSON.stringify(result)}`);
  return testDb.learningSession.findUniqueOrThrow({
    where: { id: result.data.id },
    include: { hosts: { orderBy: { position: "asc" } }, preReading: true },
  });
}

describe("scheduling a session", () => {
  it("saves the session in UTC from the scheduler's time zone, with hosts and pre-reading", async () => {
    const leader = await testDb.user.update({
      where: { id: (await createLeader()).id },
      data: { timeZone: "Europe/Paris" },
    });
    const host = await createMember();
    const cohost = await createMember();
    const post = await createPost(host.id);
    const session = await schedule(
      leader,
      sessionInput([host.id, cohost.id], {
        startsAt: "2027-01-14T12:30",
        endsAt: "2027-01-14T13:30",
        preReadingIds: post.id,
      }),
    );
    expect(session.startsAt.toISOString()).toBe("2027-01-14T11:30:00.000Z");
    expect(session.endsAt.toISOString()).toBe("2027-01-14T12:30:00.000Z");
    expect(session).toMatchObject({
      capacity: 20,
      status: "SCHEDULED",
      scheduledById: leader.id,
      goals: "Everyone can add a flag.",
    });
    expect(session.hosts.map((row) => row.userId)).toEqual([host.id, cohost.id]);
    expect(session.preReading.map((row) => row.postId)).toEqual([post.id]);
    const told = await notificationsFor(host.id);
    expect(told.map((n) => n.kind)).toEqual(["session.host_added"]);
    const audit = await testDb.auditLog.findFirst({
      where: { entityId: session.id, action: "session.schedule" },
    });
    expect(audit?.actorId).toBe(leader.id);
  });

  it("is for leaders and admins only", async () => {
    const member = await createMember();
    await expect(scheduleSession(member, sessionInput([member.id]))).rejects.toBeInstanceOf(
      PermissionDenied,
    );
  });

  it.each([
    [{ endsAt: "" }, "endsAt", "Choose when the session ends."],
    [{ title: "Hi" }, "title", "Give the session a title of at least 5 characters."],
    [{ format: "PARTY" }, "format", "Choose the session's format."],
    [
      { capacity: "0" },
      "capacity",
      "A session needs at least one seat; leave it empty for no limit.",
    ],
    [{ capacity: "2.5" }, "capacity", "Enter a whole number of seats."],
    [
      { meetingUrl: "javascript:alert(1)" },
      "meetingUrl",
      "Enter a full web address starting with https://.",
    ],
    [{ hostIds: [] }, "hostIds", "Choose at least one host."],
  ])("refuses %o with a message on the field", async (overrides, field, message) => {
    const leader = await createLeader();
    const result = await scheduleSession(leader, sessionInput([leader.id], overrides));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors?.[field]).toContain(message);
  });

  it("refuses an end before the start, and a start in the past, changing nothing", async () => {
    const leader = await createLeader();
    const byLeader = { where: { scheduledById: leader.id } };
    const before = await testDb.learningSession.count(byLeader);
    const start = inDays(3);
    const endFirst = sessionInput([leader.id], {
      startsAt: utcToZonedInput(start, "UTC"),
      endsAt: utcToZonedInput(new Date(start.getTime() - 60_000), "UTC"),
    });
    const result = await scheduleSession(leader, endFirst);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.fieldErrors?.endsAt).toEqual(["The end must be after the start."]);
    const past = sessionInput([leader.id], {
      startsAt: utcToZonedInput(inDays(-1), "UTC"),
      endsAt: utcToZonedInput(new Date(inDays(-1).getTime() + 3_600_000), "UTC"),
    });
    await expect(scheduleSession(leader, past)).rejects.toThrow(
      "Choose a start time in the future.",
    );
    expect(await testDb.learningSession.count(byLeader)).toBe(before);
  });

  it("refuses a deactivated host by name, and pre-reading that is not a published post", async () => {
    const leader = await createLeader();
    const gone = await createMember({ status: "DEACTIVATED", name: "Gone Person" });
    await expect(scheduleSession(leader, sessionInput([leader.id, gone.id]))).rejects.toThrow(
      "Gone Person is deactivated and can't host a session.",
    );
    const draft = await createPost(leader.id, { status: "DRAFT" });
    await expect(
      scheduleSession(leader, sessionInput([leader.id], { preReadingIds: draft.id })),
    ).rejects.toThrow("Pre-reading must be published knowledge posts.");
  });

  it("turns an open topic proposal into the session and tells the proposer", async () => {
    const leader = await createLeader();
    const proposer = await createMember();
    const proposal = await createProposal(proposer.id, { title: "Flags 101" });
    const session = await schedule(
      leader,
      sessionInput([proposer.id], { proposalId: proposal.id }),
    );
    expect(session.proposalId).toBe(proposal.id);
    const row = await testDb.topicProposal.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(row.status).toBe("SCHEDULED");
    const kinds = (await notificationsFor(proposer.id)).map((n) => n.kind).sort();
    expect(kinds).toEqual(["proposal.scheduled", "session.host_added"]);
    // A second session from the same proposal is refused, and nothing is created.
    // (Counted by the leader's sessions: other test files add sessions to the shared database.)
    const byLeader = { where: { scheduledById: leader.id } };
    const count = await testDb.learningSession.count(byLeader);
    await expect(
      scheduleSession(leader, sessionInput([proposer.id], { proposalId: proposal.id })),
    ).rejects.toThrow("That topic proposal is no longer open.");
    expect(await testDb.learningSession.count(byLeader)).toBe(count);
  });
});

describe("editing a session", () => {
  it("lets a host edit, tells attendees about a new time, and promotes from the waitlist when capacity grows", async () => {
    const host = await createMember();
    const [going, waiting] = [await createMember(), await createMember()];
    const session = await createSession([host.id], { capacity: 1, startsAt: inDays(5) });
    await createRsvp(session.id, going.id, "GOING");
    await createRsvp(session.id, waiting.id, "WAITLISTED");
    const result = await updateSession(host, {
      id: session.id,
      ...sessionInput([host.id], { capacity: "2", title: "A new title here" }),
    });
    expect(result).toMatchObject({ ok: true });
    const row = await testDb.learningSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(row).toMatchObject({ capacity: 2, goingCount: 2, title: "A new title here" });
    const waitingRsvp = await testDb.sessionRsvp.findUniqueOrThrow({
      where: { sessionId_userId: { sessionId: session.id, userId: waiting.id } },
    });
    expect(waitingRsvp.status).toBe("GOING");
    expect((await notificationsFor(waiting.id)).map((n) => n.kind).sort()).toEqual([
      "session.rescheduled",
      "session.waitlist_promoted",
    ]);
    expect((await notificationsFor(going.id)).map((n) => n.kind)).toEqual(["session.rescheduled"]);
  });

  it("refuses a capacity below the members already going, changing nothing", async () => {
    const host = await createMember();
    const session = await createSession([host.id], { capacity: 5 });
    for (let i = 0; i < 3; i++) await createRsvp(session.id, (await createMember()).id);
    await expect(
      updateSession(host, { id: session.id, ...sessionInput([host.id], { capacity: "2" }) }),
    ).rejects.toThrow("3 members are already going, so the capacity can't be lower than 3.");
    const row = await testDb.learningSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(row).toMatchObject({ capacity: 5, title: session.title });
  });

  it("is refused to a member who is not a host, and 404s an unknown session", async () => {
    const host = await createMember();
    const other = await createMember();
    const session = await createSession([host.id]);
    await expect(
      updateSession(other, { id: session.id, ...sessionInput([other.id]) }),
    ).rejects.toBeInstanceOf(PermissionDenied);
    await expect(
      updateSession(host, { id: "nope", ...sessionInput([host.id]) }),
    ).rejects.toBeInstanceOf(NotFound);
    const row = await testDb.learningSession.findUniqueOrThrow({
      where: { id: session.id },
      include: { hosts: true },
    });
    expect(row.hosts.map((h) => h.userId)).toEqual([host.id]);
  });

  it("lets any leader edit any session", async () => {
    const leader = await createLeader();
    const session = await createSession([(await createMember()).id]);
    const result = await updateSession(leader, { id: session.id, ...sessionInput([leader.id]) });
    expect(result.ok).toBe(true);
  });
});

describe("cancelling and completing", () => {
  it("cancels with a reason and tells attendees and hosts; RSVP-able no more", async () => {
    const [host, cohost, going] = [
      await createMember(),
      await createMember(),
      await createMember(),
    ];
    const session = await createSession([host.id, cohost.id]);
    await createRsvp(session.id, going.id);
    const result = await cancelSession(host, { id: session.id, reason: "The speaker is ill." });
    expect(result.ok).toBe(true);
    const row = await testDb.learningSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(row).toMatchObject({ status: "CANCELLED", cancelReason: "The speaker is ill." });
    expect((await notificationsFor(going.id)).map((n) => n.kind)).toEqual(["session.cancelled"]);
    expect((await notificationsFor(cohost.id)).map((n) => n.kind)).toEqual(["session.cancelled"]);
    expect(await notificationsFor(host.id)).toEqual([]);
    await expect(
      cancelSession(host, { id: session.id, reason: "Again, please." }),
    ).rejects.toBeInstanceOf(DomainError);
  });

  it("needs a reason, and refuses a session that already took place", async () => {
    const host = await createMember();
    const upcoming = await createSession([host.id]);
    const result = await cancelSession(host, { id: upcoming.id, reason: "" });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.fieldErrors?.reason).toEqual(["Tell attendees why the session is cancelled."]);
    const past = await createPastSession([host.id]);
    await expect(cancelSession(host, { id: past.id, reason: "Too late now." })).rejects.toThrow(
      "This session has already taken place, so it can't be cancelled.",
    );
  });

  it("completes a session that has started, not one that hasn't", async () => {
    const host = await createMember();
    const past = await createPastSession([host.id]);
    expect(await completeSession(host, { id: past.id })).toMatchObject({ ok: true });
    expect(
      (await testDb.learningSession.findUniqueOrThrow({ where: { id: past.id } })).status,
    ).toBe("COMPLETED");
    const upcoming = await createSession([host.id]);
    await expect(completeSession(host, { id: upcoming.id })).rejects.toThrow(
      "This session hasn't started yet, so it can't be completed.",
    );
    await expect(completeSession(await createMember(), { id: past.id })).rejects.toBeInstanceOf(
      PermissionDenied,
    );
  });
});
