// Scheduling sessions: leaders and admins schedule; the session's hosts and any leader or
// admin edit, cancel or complete it. Each service authorises, validates, then writes in one
// transaction with the notifications and audit entries the change causes.
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { recordAudit } from "@/lib/core/audit/record";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { DomainError } from "@/lib/core/forms/errors";
import type { LearningSession } from "@/lib/generated/prisma/client";
import { notifyMany, retract } from "@/lib/notifications/notify";
import { listedPostFor } from "@/lib/posts/access";
import { mayPostInCommunity } from "@/lib/communities/visibility";
import { NOT_A_POSTING_COMMUNITY } from "@/lib/communities/posting-choice";
import {
  assertNotCancelled,
  mayCancelSession,
  mayChangeSession,
  mayCompleteSession,
  sessionForManager,
} from "./access";
import { SESSION_LIMITS } from "./limits";
import { syncSessionAttachments } from "./attachments";
import { promoteFromWaitlist } from "./rsvp";
import {
  cancelSessionSchema,
  createSessionSchema,
  sessionIdSchema,
  updateSessionSchema,
  type SessionFields,
} from "./schemas";

const fieldError = (field: string, message: string) =>
  new DomainError(message, { [field]: [message] });

/** A new or moved session starts in the future, and not absurdly far ahead. */
function checkStart(startsAt: Date, now = new Date()): void {
  if (startsAt <= now) throw fieldError("startsAt", "Choose a start time in the future.");
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + SESSION_LIMITS.maxYearsAhead);
  if (startsAt > latest) {
    throw fieldError("startsAt", `Schedule at most ${SESSION_LIMITS.maxYearsAhead} years ahead.`);
  }
}

/** Every host is an active member; a deactivated or unknown one is named in the message. */
async function checkHosts(tx: TransactionClient, hostIds: string[]): Promise<void> {
  const hosts = await tx.user.findMany({
    where: { id: { in: hostIds } },
    select: { id: true, name: true, status: true },
  });
  if (hosts.length !== hostIds.length)
    throw fieldError("hostIds", "One of the hosts is not a member.");
  const inactive = hosts.find((host) => host.status !== "ACTIVE");
  if (inactive) {
    throw fieldError("hostIds", `${inactive.name} is deactivated and can't host a session.`);
  }
}

/** Pre-reading must be published knowledge posts that everyone can open. */
/** A community the scheduler may put the session in: one they are an active member of. */
async function checkCommunity(
  tx: TransactionClient,
  actor: Actor,
  communityId: string | null | undefined,
): Promise<void> {
  if (communityId && !(await mayPostInCommunity(tx, actor.id, communityId)))
    throw fieldError("communityId", NOT_A_POSTING_COMMUNITY);
}

async function checkPreReading(
  tx: TransactionClient,
  actor: Actor,
  postIds: string[],
): Promise<void> {
  if (postIds.length === 0) return;
  const found = await tx.knowledgePost.count({
    where: { id: { in: postIds }, ...listedPostFor(actor) },
  });
  if (found !== postIds.length) {
    throw fieldError("preReadingIds", "Pre-reading must be published knowledge posts.");
  }
}

/** The columns the form sets, for create and update alike. */
function sessionColumns(fields: SessionFields) {
  const { hostIds: _hosts, preReadingIds: _reading, ...columns } = fields;
  return columns;
}

const hostRows = (hostIds: string[]) => hostIds.map((userId, position) => ({ userId, position }));
const readingRows = (postIds: string[]) =>
  postIds.map((postId, position) => ({ postId, position }));

/** Marks an open proposal scheduled and tells its proposer; refuses one that is not open. */
async function scheduleProposal(
  tx: TransactionClient,
  actor: Actor,
  proposalId: string,
  sessionId: string,
) {
  const { count } = await tx.topicProposal.updateMany({
    where: { id: proposalId, status: "OPEN" },
    data: { status: "SCHEDULED" },
  });
  if (count === 0) throw new DomainError("That topic proposal is no longer open.");
  const proposal = await tx.topicProposal.findUniqueOrThrow({
    where: { id: proposalId },
    select: { proposerId: true, title: true },
  });
  await tx.learningSession.update({ where: { id: sessionId }, data: { proposalId } });
  await notifyMany(tx, {
    actorId: actor.id,
    kind: "proposal.scheduled",
    recipientIds: [proposal.proposerId],
    data: { sessionId, title: proposal.title },
  });
}

async function notifyNewHosts(
  tx: TransactionClient,
  actor: Actor,
  session: Pick<LearningSession, "id" | "title">,
  hostIds: string[],
) {
  await notifyMany(tx, {
    actorId: actor.id,
    kind: "session.host_added",
    recipientIds: hostIds,
    data: { sessionId: session.id, title: session.title },
  });
}

/** Schedules a session (leaders and admins); from a topic proposal when `proposalId` is set. */
export async function createSession(
  actor: Actor & { timeZone: string },
  input: unknown,
): Promise<ActionResult<{ id: string }>> {
  authorize(actor, "create:session:any");
  const parsed = createSessionSchema(actor.timeZone).safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { proposalId, communityId, ...fields } = parsed.data;
  checkStart(fields.startsAt);
  const session = await db.$transaction(async (tx) => {
    await checkCommunity(tx, actor, communityId);
    await checkHosts(tx, fields.hostIds);
    await checkPreReading(tx, actor, fields.preReadingIds);
    const created = await tx.learningSession.create({
      data: {
        ...sessionColumns(fields),
        communityId: communityId ?? null,
        scheduledById: actor.id,
        hosts: { create: hostRows(fields.hostIds) },
        preReading: { create: readingRows(fields.preReadingIds) },
      },
    });
    await syncSessionAttachments(tx, actor.id, created);
    if (proposalId) await scheduleProposal(tx, actor, proposalId, created.id);
    await notifyNewHosts(tx, actor, created, fields.hostIds);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "session.schedule",
      entityType: "LearningSession",
      entityId: created.id,
      after: { title: created.title, startsAt: created.startsAt, proposalId: proposalId || null },
    });
    return created;
  });
  return { ok: true, message: "Session scheduled.", data: { id: session.id } };
}

/** Members with a seat or a waitlist place: the people a change of plan concerns. */
async function attendeeIds(tx: TransactionClient, sessionId: string): Promise<string[]> {
  const rsvps = await tx.sessionRsvp.findMany({
    where: { sessionId, status: { in: ["GOING", "WAITLISTED"] } },
    select: { userId: true },
  });
  return rsvps.map((rsvp) => rsvp.userId);
}

const movedOrRelocated = (before: LearningSession, after: SessionFields) =>
  before.startsAt.getTime() !== after.startsAt.getTime() ||
  before.endsAt.getTime() !== after.endsAt.getTime() ||
  before.location !== after.location ||
  before.meetingUrl !== after.meetingUrl;

/**
 * Saves a session's details (its hosts, leaders and admins). Capacity can't drop below the
 * members already going; a larger capacity promotes from the waitlist. Attendees are told
 * when the time or place changes; new hosts are told they host, and removed hosts' "made you
 * a host" notifications are withdrawn.
 */
export async function updateSession(
  actor: Actor & { timeZone: string },
  input: unknown,
): Promise<ActionResult> {
  authorize(actor, "update:session:own");
  const parsed = updateSessionSchema(actor.timeZone).safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, communityId, ...fields } = parsed.data;
  await db.$transaction(async (tx) => {
    const before = await sessionForManager(tx, actor, id);
    const moved = communityId !== undefined && communityId !== before.communityId;
    if (moved) await checkCommunity(tx, actor, communityId);
    if (!mayChangeSession(actor, before)) assertNotCancelled(before, "it can't be changed");
    if (before.startsAt.getTime() !== fields.startsAt.getTime()) checkStart(fields.startsAt);
    if (fields.capacity !== null && fields.capacity < before.goingCount) {
      throw fieldError(
        "capacity",
        `${before.goingCount} members are already going, so the capacity can't be lower than ${before.goingCount}.`,
      );
    }
    await checkHosts(tx, fields.hostIds);
    await checkPreReading(tx, actor, fields.preReadingIds);
    const updated = await tx.learningSession.update({
      where: { id },
      data: {
        ...sessionColumns(fields),
        ...(moved ? { communityId } : {}),
        hosts: { deleteMany: {}, create: hostRows(fields.hostIds) },
        preReading: { deleteMany: {}, create: readingRows(fields.preReadingIds) },
      },
    });
    await syncSessionAttachments(tx, actor.id, updated);
    // New hosts don't also hold a seat or a waitlist place.
    await releaseHostSeats(tx, updated, fields.hostIds);
    await promoteFromWaitlist(tx, await tx.learningSession.findUniqueOrThrow({ where: { id } }));
    const newHosts = fields.hostIds.filter((hostId) => !before.hostIds.includes(hostId));
    await notifyNewHosts(tx, actor, updated, newHosts);
    // A host taken off the session no longer reads "made you a host" in their notifications.
    const removedHosts = before.hostIds.filter((hostId) => !fields.hostIds.includes(hostId));
    await retract(tx, {
      kind: "session.host_added",
      recipientIds: removedHosts,
      data: { sessionId: id },
    });
    if (movedOrRelocated(before, fields)) {
      await notifyMany(tx, {
        actorId: actor.id,
        kind: "session.rescheduled",
        recipientIds: await attendeeIds(tx, id),
        data: { sessionId: id, title: updated.title },
      });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "session.update",
      entityType: "LearningSession",
      entityId: id,
      before: {
        title: before.title,
        startsAt: before.startsAt,
        endsAt: before.endsAt,
        capacity: before.capacity,
        hostIds: before.hostIds,
      },
      after: {
        title: updated.title,
        startsAt: updated.startsAt,
        endsAt: updated.endsAt,
        capacity: updated.capacity,
        hostIds: fields.hostIds,
      },
    });
  });
  return success("Session saved.");
}

/** Hosts answer for the session, so a host's own RSVP is dropped (freeing a seat if GOING). */
async function releaseHostSeats(
  tx: TransactionClient,
  session: LearningSession,
  hostIds: string[],
) {
  const going = await tx.sessionRsvp.count({
    where: { sessionId: session.id, userId: { in: hostIds }, status: "GOING" },
  });
  await tx.sessionRsvp.deleteMany({
    where: {
      sessionId: session.id,
      userId: { in: hostIds },
      status: { in: ["GOING", "WAITLISTED"] },
    },
  });
  if (going > 0) {
    await tx.learningSession.update({
      where: { id: session.id },
      data: { goingCount: { decrement: going } },
    });
  }
}

/** Cancels a session that has not ended, with a reason shown on its page; attendees are told. */
export async function cancelSession(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:session:own");
  const parsed = cancelSessionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, reason } = parsed.data;
  await db.$transaction(async (tx) => {
    const session = await sessionForManager(tx, actor, id);
    if (!mayCancelSession(actor, session)) {
      assertNotCancelled(session, "there is nothing more to cancel");
      throw new DomainError("This session has already taken place, so it can't be cancelled.");
    }
    await tx.learningSession.update({
      where: { id },
      data: { status: "CANCELLED", cancelledAt: new Date(), cancelReason: reason },
    });
    await notifyMany(tx, {
      actorId: actor.id,
      kind: "session.cancelled",
      recipientIds: [...(await attendeeIds(tx, id)), ...session.hostIds],
      data: { sessionId: id, title: session.title },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "session.cancel",
      entityType: "LearningSession",
      entityId: id,
      after: { reason },
    });
  });
  return success("Session cancelled. Attendees have been told.");
}

/** Marks a session that has started as completed. */
export async function completeSession(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:session:own");
  const parsed = sessionIdSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id } = parsed.data;
  await db.$transaction(async (tx) => {
    const session = await sessionForManager(tx, actor, id);
    if (!mayCompleteSession(actor, session)) {
      assertNotCancelled(session, "it can't be completed");
      if (session.status === "COMPLETED")
        throw new DomainError("This session is already completed.");
      throw new DomainError("This session hasn't started yet, so it can't be completed.");
    }
    await tx.learningSession.update({
      where: { id },
      data: { status: "COMPLETED", completedAt: new Date() },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "session.complete",
      entityType: "LearningSession",
      entityId: id,
    });
  });
  return success("Session marked completed.");
}
