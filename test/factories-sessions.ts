// Sessions, RSVPs, action items and topic proposals straight into the database, unique per call.
import type { RsvpStatus, SessionFormat, SessionStatus } from "@/lib/generated/prisma/enums";
import { testDb } from "./db";
import { unique } from "./factories";

const HOUR = 3_600_000;

export interface SessionOverrides {
  title?: string;
  format?: SessionFormat;
  description?: string;
  startsAt?: Date;
  endsAt?: Date;
  capacity?: number | null;
  status?: SessionStatus;
  location?: string | null;
  meetingUrl?: string | null;
  cancelReason?: string | null;
  summary?: string | null;
  takeaways?: string | null;
  recordingUrl?: string | null;
  scheduledById?: string | null;
  proposalId?: string | null;
}

/**
 * A session hosted by `hostIds` (the first is the lead host), starting in a day and lasting
 * an hour unless told otherwise.
 */
export async function createSession(hostIds: string[], overrides: SessionOverrides = {}) {
  const tag = unique("s");
  const startsAt = overrides.startsAt ?? new Date(Date.now() + 24 * HOUR);
  return testDb.learningSession.create({
    data: {
      title: `Session ${tag}`,
      format: "LUNCH_AND_LEARN",
      description: `What session ${tag} is about`,
      endsAt: new Date(startsAt.getTime() + HOUR),
      ...overrides,
      startsAt,
      hosts: { create: hostIds.map((userId, position) => ({ userId, position })) },
    },
  });
}

/** A session that ended an hour ago (started two hours ago). */
export function createPastSession(hostIds: string[], overrides: SessionOverrides = {}) {
  const startsAt = new Date(Date.now() - 2 * HOUR);
  return createSession(hostIds, {
    startsAt,
    endsAt: new Date(startsAt.getTime() + HOUR),
    ...overrides,
  });
}

/**
 * An RSVP written directly (no capacity rules), with the session's goingCount kept in step.
 */
export async function createRsvp(
  sessionId: string,
  userId: string,
  status: RsvpStatus = "GOING",
  overrides: Partial<{ waitlistedAt: Date; attendedAt: Date }> = {},
) {
  const rsvp = await testDb.sessionRsvp.create({
    data: {
      sessionId,
      userId,
      status,
      waitlistedAt: status === "WAITLISTED" ? (overrides.waitlistedAt ?? new Date()) : null,
      attendedAt: overrides.attendedAt ?? null,
    },
  });
  if (status === "GOING") {
    await testDb.learningSession.update({
      where: { id: sessionId },
      data: { goingCount: { increment: 1 } },
    });
  }
  return rsvp;
}

export function createActionItem(
  sessionId: string,
  ownerId: string,
  overrides: Partial<{ title: string; dueOn: Date | null; doneAt: Date | null }> = {},
) {
  return testDb.sessionActionItem.create({
    data: { sessionId, ownerId, title: `Action ${unique("a")}`, ...overrides },
  });
}

export function createProposal(
  proposerId: string,
  overrides: Partial<{ title: string; why: string; willHost: boolean; voteCount: number }> = {},
) {
  const tag = unique("tp");
  return testDb.topicProposal.create({
    data: { title: `Topic ${tag}`, why: `Why ${tag} matters`, proposerId, ...overrides },
  });
}
