// Going / not going, with a first-come waitlist when the session has a capacity. Every change
// runs under a lock on the session's row (lockedSession), so concurrent RSVPs for the last seat
// are served one after another and the session never overbooks; goingCount moves with them.
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { DomainError } from "@/lib/core/forms/errors";
import type { LearningSession } from "@/lib/generated/prisma/client";
import { notifyMany } from "@/lib/notifications/notify";
import { hostsSession, lockedSession } from "./access";
import { rsvpSchema } from "./schemas";

/** Why a session no longer takes RSVPs, or null when it does. */
export function rsvpClosedReason(
  session: Pick<LearningSession, "status" | "startsAt">,
  now = new Date(),
): string | null {
  if (session.status === "CANCELLED")
    return "This session was cancelled, so it no longer takes RSVPs.";
  if (session.status === "COMPLETED" || session.startsAt <= now) {
    return "This session has already started, so RSVPs are closed.";
  }
  return null;
}

/** Whether the session has a free seat. */
const hasFreeSeat = (session: Pick<LearningSession, "capacity" | "goingCount">) =>
  session.capacity === null || session.goingCount < session.capacity;

/**
 * Fills free seats from the waitlist, first come first served, and tells each promoted member.
 * The caller holds the session's row lock and passes its current state.
 */
export async function promoteFromWaitlist(
  tx: TransactionClient,
  session: Pick<LearningSession, "id" | "title" | "capacity" | "goingCount">,
): Promise<string[]> {
  const free =
    session.capacity === null ? Number.MAX_SAFE_INTEGER : session.capacity - session.goingCount;
  if (free <= 0) return [];
  const next = await tx.sessionRsvp.findMany({
    where: { sessionId: session.id, status: "WAITLISTED" },
    orderBy: [{ waitlistedAt: "asc" }, { createdAt: "asc" }, { userId: "asc" }],
    take: Math.min(free, 10_000),
    select: { userId: true },
  });
  if (next.length === 0) return [];
  const userIds = next.map((rsvp) => rsvp.userId);
  await tx.sessionRsvp.updateMany({
    where: { sessionId: session.id, userId: { in: userIds } },
    data: { status: "GOING", waitlistedAt: null },
  });
  await tx.learningSession.update({
    where: { id: session.id },
    data: { goingCount: { increment: userIds.length } },
  });
  await notifyMany(tx, {
    actorId: null,
    kind: "session.waitlist_promoted",
    recipientIds: userIds,
    data: { sessionId: session.id, title: session.title },
  });
  return userIds;
}

async function goTo(
  tx: TransactionClient,
  session: LearningSession,
  userId: string,
): Promise<string> {
  const current = await tx.sessionRsvp.findUnique({
    where: { sessionId_userId: { sessionId: session.id, userId } },
  });
  if (current?.status === "GOING") return "You're going.";
  if (current?.status === "WAITLISTED") return await waitlistMessage(tx, session.id, userId);
  const status = hasFreeSeat(session) ? "GOING" : "WAITLISTED";
  const waitlistedAt = status === "WAITLISTED" ? new Date() : null;
  await tx.sessionRsvp.upsert({
    where: { sessionId_userId: { sessionId: session.id, userId } },
    create: { sessionId: session.id, userId, status, waitlistedAt },
    update: { status, waitlistedAt },
  });
  if (status === "WAITLISTED") return await waitlistMessage(tx, session.id, userId);
  await tx.learningSession.update({
    where: { id: session.id },
    data: { goingCount: { increment: 1 } },
  });
  return "You're going.";
}

async function hostIdsOf(tx: TransactionClient, sessionId: string) {
  const hosts = await tx.sessionHost.findMany({ where: { sessionId }, select: { userId: true } });
  return hosts.map((host) => host.userId);
}

/** The member's place on the waitlist, counting from 1. */
export async function waitlistPosition(
  tx: TransactionClient,
  sessionId: string,
  userId: string,
): Promise<number> {
  const mine = await tx.sessionRsvp.findUnique({
    where: { sessionId_userId: { sessionId, userId } },
    select: { status: true, waitlistedAt: true },
  });
  if (mine?.status !== "WAITLISTED" || !mine.waitlistedAt) return 0;
  const ahead = await tx.sessionRsvp.count({
    where: { sessionId, status: "WAITLISTED", waitlistedAt: { lt: mine.waitlistedAt } },
  });
  return ahead + 1;
}

async function waitlistMessage(tx: TransactionClient, sessionId: string, userId: string) {
  const position = await waitlistPosition(tx, sessionId, userId);
  return `The session is full, so you're on the waitlist (number ${position}). You'll be told if a seat opens up.`;
}

async function leave(
  tx: TransactionClient,
  session: LearningSession,
  userId: string,
): Promise<string> {
  const current = await tx.sessionRsvp.findUnique({
    where: { sessionId_userId: { sessionId: session.id, userId } },
  });
  await tx.sessionRsvp.upsert({
    where: { sessionId_userId: { sessionId: session.id, userId } },
    create: { sessionId: session.id, userId, status: "NOT_GOING" },
    update: { status: "NOT_GOING", waitlistedAt: null, attendedAt: null },
  });
  if (current?.status === "GOING") {
    const updated = await tx.learningSession.update({
      where: { id: session.id },
      data: { goingCount: { decrement: 1 } },
    });
    await promoteFromWaitlist(tx, updated);
  }
  return current?.status === "WAITLISTED" ? "You've left the waitlist." : "You're not going.";
}

/**
 * The member's own RSVP. "Going" takes a free seat or joins the waitlist; "not going" frees
 * the member's seat, which goes at once to the first member on the waitlist.
 */
export async function respondToSession(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:rsvp:own");
  const parsed = rsvpSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { sessionId, response, memberId } = parsed.data;
  if (memberId !== undefined && memberId !== actor.id) {
    throw new DomainError("You can only answer for yourself; each member RSVPs on their own.");
  }
  const message = await db.$transaction(async (tx) => {
    const session = await lockedSession(tx, sessionId, actor);
    const closed = rsvpClosedReason(session);
    if (closed) throw new DomainError(closed);
    if (response === "going" && hostsSession(actor, await hostIdsOf(tx, sessionId))) {
      throw new DomainError("You're hosting this session, so you don't need to RSVP.");
    }
    return response === "going" ? goTo(tx, session, actor.id) : leave(tx, session, actor.id);
  });
  return success(message);
}
