// Pairings: admins create them and change their status; either member may ask to end one.
//
// A mentor's capacity (MentorshipProfile.maxMentees against their active and paused pairings)
// and "no second open pairing of the same two people" are checked under a lock of the
// mentor's MentorshipProfile row, taken first in createPairing (and by preference saves), so
// two admins pairing the same mentor at the same moment are served one after the other.
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { rows, sqlb } from "@/lib/core/db/typed-sql";
import { invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import type { MentorPairing } from "@/lib/generated/prisma/client";
import type { PairingStatus } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/core/audit/record";
import { notify, notifyMany } from "@/lib/notifications/notify";
import { formatDay } from "@/lib/core/dates";
import { canOpenPairing, isPairMember, lockedPairing } from "./access";
import { countActiveMentees, OPEN_PAIRING_STATUSES } from "./preferences";
import { actorTimeZone } from "./requests";
import {
  changePairingStatusSchema,
  createPairingSchema,
  goalTitles,
  requestPairingEndSchema,
  type CreatePairingInput,
  type PairingAction,
} from "./schemas";

const fieldError = (field: string, message: string) =>
  new DomainError(message, { [field]: [message] });

/** "Ana already mentors 2 of 2 people." */
function atCapacity(name: string, taken: number, max: number): string {
  return max === 1 && taken === 1
    ? `${name} already mentors 1 person, the most they take on.`
    : `${name} already mentors ${taken} of ${max} people.`;
}

interface PairMember {
  id: string;
  name: string;
}

/** The two members, both active; clear messages beside the field otherwise. */
async function activeMembers(tx: TransactionClient, input: CreatePairingInput) {
  const rows = await tx.user.findMany({
    where: { id: { in: [input.mentorId, input.menteeId] } },
    select: { id: true, name: true, status: true },
  });
  const find = (id: string) => rows.find((row) => row.id === id);
  const mentor = find(input.mentorId);
  const mentee = find(input.menteeId);
  if (!mentor) throw fieldError("mentorId", "That mentor was not found.");
  if (!mentee) throw fieldError("menteeId", "That mentee was not found.");
  if (mentor.status !== "ACTIVE") {
    throw fieldError("mentorId", `${mentor.name} has been deactivated, so they can't mentor.`);
  }
  if (mentee.status !== "ACTIVE") {
    throw fieldError(
      "menteeId",
      `${mentee.name} has been deactivated, so they can't be given a mentor.`,
    );
  }
  return { mentor, mentee };
}

/**
 * The mentor's MentorshipProfile row, locked until the transaction ends. Every check of their
 * places and pairings happens after this, so concurrent pairings of one mentor serialise.
 */
async function lockMentorProfile(tx: TransactionClient, mentorId: string) {
  const [profile] = await rows(
    tx,
    sqlb
      .selectFrom("MentorshipProfile")
      .select(["openToMentor", "maxMentees"])
      .where("userId", "=", mentorId)
      .forUpdate(),
  );
  return profile ?? null;
}

/** Checks the request named on the form (the mentee's, still waiting), locking it. */
async function assertWaitingRequest(
  tx: TransactionClient,
  requestId: string,
  mentee: PairMember,
): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "MentorRequest" WHERE id = ${requestId} FOR UPDATE`;
  const request = await tx.mentorRequest.findUnique({
    where: { id: requestId },
    select: { menteeId: true, status: true },
  });
  if (!request || request.menteeId !== mentee.id) throw new NotFound("That request");
  if (request.status === "MATCHED") {
    throw fieldError("requestId", `${mentee.name}'s request was already matched with a mentor.`);
  }
  if (request.status === "WITHDRAWN") {
    throw fieldError("requestId", `${mentee.name} withdrew that request.`);
  }
}

/**
 * Marks the mentee's waiting requests as matched. The request named on the form (or else
 * their oldest waiting one) is linked to the pairing.
 */
async function matchRequests(
  tx: TransactionClient,
  menteeId: string,
  pairingId: string,
  requestId: string | null,
): Promise<void> {
  const resolvedAt = new Date();
  const linked =
    requestId ??
    (
      await tx.mentorRequest.findFirst({
        where: { menteeId, status: "WAITING" },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true },
      })
    )?.id;
  if (linked) {
    await tx.mentorRequest.update({
      where: { id: linked },
      data: { status: "MATCHED", resolvedAt, pairingId },
    });
  }
  await tx.mentorRequest.updateMany({
    where: { menteeId, status: "WAITING" },
    data: { status: "MATCHED", resolvedAt },
  });
}

/** An admin pairs a mentor with a mentee; both are notified. */
export async function createPairing(
  actor: Actor,
  input: unknown,
): Promise<ActionResult<{ id: string }>> {
  authorize(actor, "create:pairing:any");
  const parsed = createPairingSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const data = parsed.data;

  const id = await db.$transaction(async (tx) => {
    // The mentor's row first: the lock that serialises everything below for this mentor.
    const profile = await lockMentorProfile(tx, data.mentorId);
    const { mentor, mentee } = await activeMembers(tx, data);
    if (!profile?.openToMentor) {
      throw fieldError("mentorId", `${mentor.name} hasn't said they are open to mentoring.`);
    }
    const duplicate = await tx.mentorPairing.findFirst({
      where: {
        mentorId: mentor.id,
        menteeId: mentee.id,
        status: { in: [...OPEN_PAIRING_STATUSES] },
      },
      select: { id: true },
    });
    if (duplicate) throw fieldError("menteeId", `${mentor.name} already mentors ${mentee.name}.`);
    const taken = await countActiveMentees(tx, mentor.id);
    if (taken >= profile.maxMentees) {
      throw fieldError("mentorId", atCapacity(mentor.name, taken, profile.maxMentees));
    }
    if (data.requestId) await assertWaitingRequest(tx, data.requestId, mentee);

    const pairing = await tx.mentorPairing.create({
      data: {
        mentorId: mentor.id,
        menteeId: mentee.id,
        goals: data.goals,
        startsOn: data.startsOn,
        expectedEndOn: data.expectedEndOn,
        cadenceDays: data.cadenceDays,
        createdById: actor.id,
        goalItems: {
          create: goalTitles(data.goals).map((title, position) => ({ title, position })),
        },
      },
      select: { id: true },
    });
    await matchRequests(tx, mentee.id, pairing.id, data.requestId);
    await notify(tx, {
      actorId: actor.id,
      recipientId: mentor.id,
      kind: "mentorship.paired",
      data: { pairingId: pairing.id, role: "MENTOR", otherName: mentee.name },
    });
    await notify(tx, {
      actorId: actor.id,
      recipientId: mentee.id,
      kind: "mentorship.paired",
      data: { pairingId: pairing.id, role: "MENTEE", otherName: mentor.name },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "pairing.create",
      entityType: "MentorPairing",
      entityId: pairing.id,
      after: {
        mentorId: mentor.id,
        menteeId: mentee.id,
        startsOn: data.startsOn,
        expectedEndOn: data.expectedEndOn,
        cadenceDays: data.cadenceDays,
        requestId: data.requestId,
      },
    });
    return pairing.id;
  });
  return {
    ok: true,
    message: "Pairing created. Both members have been told.",
    data: { id },
  };
}

const CLOSED_MESSAGES: Partial<Record<PairingStatus, string>> = {
  COMPLETED: "This mentorship is already completed.",
  ENDED: "This mentorship has already ended.",
};

interface Transition {
  from: readonly PairingStatus[];
  to: PairingStatus;
  /** Why the action does not apply to a pairing that is already in `to`. */
  already: string;
  done: string;
}

const TRANSITIONS: Record<PairingAction, Transition> = {
  pause: {
    from: ["ACTIVE"],
    to: "PAUSED",
    already: "This mentorship is already paused.",
    done: "Mentorship paused.",
  },
  resume: {
    from: ["PAUSED"],
    to: "ACTIVE",
    already: "This mentorship is already active.",
    done: "Mentorship resumed.",
  },
  complete: {
    from: ["ACTIVE", "PAUSED"],
    to: "COMPLETED",
    already: CLOSED_MESSAGES.COMPLETED!,
    done: "Mentorship completed.",
  },
  end: {
    from: ["ACTIVE", "PAUSED"],
    to: "ENDED",
    already: CLOSED_MESSAGES.ENDED!,
    done: "Mentorship ended.",
  },
};

/** Why the action can't apply to the pairing, or null when it can. */
function refusal(action: PairingAction, status: PairingStatus): string | null {
  const transition = TRANSITIONS[action];
  if (transition.from.includes(status)) return null;
  if (status === transition.to) return transition.already;
  return CLOSED_MESSAGES[status] ?? transition.already;
}

function statusColumns(action: PairingAction, reason: string, now: Date) {
  switch (action) {
    case "pause":
      return { status: "PAUSED", pausedAt: now } as const;
    case "resume":
      return { status: "ACTIVE", pausedAt: null } as const;
    case "complete":
      return { status: "COMPLETED", completedAt: now } as const;
    case "end":
      return { status: "ENDED", endedAt: now, endReason: reason } as const;
  }
}

/** An admin pauses, resumes, completes or ends a pairing; both members are notified. */
export async function changePairingStatus(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:pairing-status:any");
  const parsed = changePairingStatusSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, action, reason } = parsed.data;

  await db.$transaction(async (tx) => {
    const pairing = await lockedPairing(tx, id);
    const refused = refusal(action, pairing.status);
    if (refused) throw new DomainError(refused);
    const columns = statusColumns(action, reason, new Date());
    await tx.mentorPairing.update({ where: { id }, data: columns });
    await notifyMany(tx, {
      actorId: actor.id,
      kind: "mentorship.status_changed",
      recipientIds: [pairing.mentorId, pairing.menteeId],
      data: { pairingId: id, status: columns.status },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: `pairing.${action}`,
      entityType: "MentorPairing",
      entityId: id,
      before: { status: pairing.status },
      after: action === "end" ? { status: columns.status, reason } : { status: columns.status },
    });
  });
  return success(TRANSITIONS[action].done);
}

async function pairNames(tx: TransactionClient, pairing: MentorPairing) {
  const members = await tx.user.findMany({
    where: { id: { in: [pairing.mentorId, pairing.menteeId] } },
    select: { id: true, name: true },
  });
  const name = (id: string) => members.find((member) => member.id === id)?.name ?? "A member";
  return `${name(pairing.mentorId)} → ${name(pairing.menteeId)}`;
}

/**
 * The mentor or the mentee asks to end their pairing. The other member and every active
 * admin are told; an admin then ends or completes it.
 */
export async function requestPairingEnd(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "create:pairing-end-request:own");
  const parsed = requestPairingEndSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, reason } = parsed.data;

  await db.$transaction(async (tx) => {
    const pairing = await lockedPairing(tx, id);
    if (!canOpenPairing(actor, pairing)) throw new NotFound("That mentorship");
    if (!isPairMember(actor, pairing)) {
      throw new DomainError(
        "Only the mentor or the mentee can ask to end a mentorship. As an admin, you can end or complete it instead.",
      );
    }
    const closed = CLOSED_MESSAGES[pairing.status];
    if (closed) throw new DomainError(closed);
    if (pairing.endRequestedAt) {
      throw new DomainError(
        `An end was already asked for on ${formatDay(pairing.endRequestedAt, actorTimeZone(actor))}.`,
      );
    }
    await tx.mentorPairing.update({
      where: { id },
      data: { endRequestedAt: new Date(), endRequestedById: actor.id, endRequestReason: reason },
    });
    const admins = await tx.user.findMany({
      where: { role: "ADMIN", status: "ACTIVE" },
      select: { id: true },
    });
    const other = actor.id === pairing.mentorId ? pairing.menteeId : pairing.mentorId;
    await notifyMany(tx, {
      actorId: actor.id,
      kind: "mentorship.end_requested",
      recipientIds: [other, ...admins.map((admin) => admin.id)],
      data: { pairingId: id, pairName: await pairNames(tx, pairing) },
    });
  });
  return success("Your request to end the mentorship was sent. An admin will follow up.");
}
