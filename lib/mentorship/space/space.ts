// The pair's space: goals with progress, the check-in log, links to knowledge posts and
// sessions, and reflections once the mentorship has completed. Only the mentor and the mentee
// write here, each change inside a transaction that holds the pairing's row lock
// (pairingForMember): admins may read the space but are refused, anyone else is told it does
// not exist. A closed pairing refuses changes, except reflections, which need it completed.
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { notify } from "@/lib/notifications/notify";
import { formatCalendarDate, utcToday } from "@/lib/core/dates";
import { assertOpen, pairingForMember } from "@/lib/mentorship/access";
import { MENTORSHIP_LIMITS as L } from "@/lib/mentorship/limits";
import {
  addGoalSchema,
  addPairingLinkSchema,
  goalIdSchema,
  linkIdSchema,
  logCheckInSchema,
  saveReflectionSchema,
  updateGoalProgressSchema,
  type PairingLinkTarget,
} from "./schemas";
import { bindAttachments } from "@/lib/attachments/bind";

const THE_GOAL = "That goal";
const THE_LINK = "That link";
const DAY_MS = 86_400_000;

export const ALREADY_LINKED = "That is already in your links.";
export const REFLECTION_NOT_YET = "You can write a reflection once the mentorship is completed.";

const PERMISSION = "update:pairing-space:own";

/**
 * A goal or link of a pairing, for a change by one of the pair. Someone who may not open the
 * pairing hears about the item only ("That goal was not found."), as for an unknown id.
 */
async function itemForMember<T extends { pairingId: string }>(
  tx: TransactionClient,
  actor: Actor,
  what: string,
  find: () => Promise<T | null>,
) {
  const found = await find();
  if (!found) throw new NotFound(what);
  const pairing = await pairingForMember(tx, actor, found.pairingId).catch((error: unknown) => {
    throw error instanceof NotFound ? new NotFound(what) : error;
  });
  // Read again under the pairing's lock: a concurrent removal may have taken it.
  const item = await find();
  if (!item || item.pairingId !== pairing.id) throw new NotFound(what);
  return { pairing, item };
}

const goalFor = (tx: TransactionClient, actor: Actor, goalId: string) =>
  itemForMember(tx, actor, THE_GOAL, () =>
    tx.pairingGoal.findUnique({ where: { id: goalId }, select: { id: true, pairingId: true } }),
  );

// Goals ---------------------------------------------------------------------------------

/** Adds a goal (at progress 0) at the end of the pairing's list. */
export async function addGoal(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, PERMISSION);
  const parsed = addGoalSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { pairingId, title } = parsed.data;
  await db.$transaction(async (tx) => {
    const pairing = await pairingForMember(tx, actor, pairingId);
    assertOpen(pairing, "its goals can no longer be changed");
    const { _count, _max } = await tx.pairingGoal.aggregate({
      where: { pairingId },
      _count: true,
      _max: { position: true },
    });
    if (_count >= L.goalsPerPairing) {
      throw new DomainError(
        `A mentorship can have at most ${L.goalsPerPairing} goals. Remove one first.`,
      );
    }
    await tx.pairingGoal.create({
      data: { pairingId, title, position: (_max.position ?? -1) + 1 },
    });
  });
  return success("Goal added.");
}

export async function updateGoalProgress(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, PERMISSION);
  const parsed = updateGoalProgressSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { goalId, progress } = parsed.data;
  await db.$transaction(async (tx) => {
    const { pairing } = await goalFor(tx, actor, goalId);
    assertOpen(pairing, "its goals can no longer be changed");
    await tx.pairingGoal.update({ where: { id: goalId }, data: { progress } });
  });
  return success(progress === 100 ? "Goal reached. Well done!" : "Progress saved.");
}

export async function removeGoal(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, PERMISSION);
  const parsed = goalIdSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  await db.$transaction(async (tx) => {
    const { pairing } = await goalFor(tx, actor, parsed.data.goalId);
    assertOpen(pairing, "its goals can no longer be changed");
    await tx.pairingGoal.delete({ where: { id: parsed.data.goalId } });
  });
  return success("Goal removed.");
}

// Check-ins -----------------------------------------------------------------------------

function heldOnRefused(message: string): never {
  throw new DomainError(message, { heldOn: [message] });
}

/**
 * Logs a check-in, keeps the pairing's lastCheckInOn at the latest check-in's day (a check-in
 * logged late for an earlier day does not move it back) and tells the other member. Dates
 * are UTC calendar days with a day of slack at both ends: a member ahead of UTC can log
 * today's meeting (the UTC date plus one), and a member behind UTC can log one on the day a
 * pairing made after midnight UTC started in their own calendar (its start minus one).
 */
export async function logCheckIn(
  actor: Actor,
  input: unknown,
  now = new Date(),
): Promise<ActionResult<{ id: string }>> {
  authorize(actor, PERMISSION);
  const parsed = logCheckInSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { pairingId, heldOn, notes, nextSteps } = parsed.data;
  return db.$transaction(async (tx) => {
    const pairing = await pairingForMember(tx, actor, pairingId);
    assertOpen(pairing, "no more check-ins can be logged");
    if (heldOn.getTime() > utcToday(now).getTime() + DAY_MS) {
      heldOnRefused("The check-in can't be in the future. Enter the day you met.");
    }
    if (heldOn.getTime() < pairing.startsOn.getTime() - DAY_MS) {
      heldOnRefused(
        `The check-in can't be before the mentorship started on ${formatCalendarDate(pairing.startsOn)}.`,
      );
    }
    const checkIn = await tx.pairingCheckIn.create({
      data: { pairingId, authorId: actor.id, heldOn, notes, nextSteps },
      select: { id: true },
    });
    await bindAttachments(tx, {
      ownerId: actor.id,
      markdown: `${notes}\n${nextSteps ?? ""}`,
      target: { type: "PAIRING", id: pairingId },
    });
    if (!pairing.lastCheckInOn || pairing.lastCheckInOn.getTime() < heldOn.getTime()) {
      await tx.mentorPairing.update({ where: { id: pairingId }, data: { lastCheckInOn: heldOn } });
    }
    const otherId = actor.id === pairing.mentorId ? pairing.menteeId : pairing.mentorId;
    await notify(tx, {
      recipientId: otherId,
      actorId: actor.id,
      kind: "mentorship.checked_in",
      data: { pairingId },
    });
    return { ok: true, message: "Check-in logged.", data: checkIn };
  });
}

// Links ---------------------------------------------------------------------------------

function linkRefused(message: string): never {
  throw new DomainError(message, { link: [message] });
}

/** Refuses a post that is not published and public, or a session that does not exist. */
async function assertLinkable(tx: TransactionClient, target: PairingLinkTarget): Promise<void> {
  if (target.type === "post") {
    const post = await tx.knowledgePost.findUnique({
      where: { id: target.postId },
      select: { status: true, deletedAt: true, hiddenAt: true },
    });
    if (!post || post.deletedAt || post.hiddenAt) {
      linkRefused("We couldn't find that knowledge post. Check the link.");
    }
    if (post.status !== "PUBLISHED") {
      linkRefused("That knowledge post isn't published, so it can't be added yet.");
    }
    return;
  }
  const session = await tx.learningSession.findUnique({
    where: { id: target.sessionId },
    select: { id: true },
  });
  if (!session) linkRefused("We couldn't find that session. Check the link.");
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

export async function addPairingLink(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, PERMISSION);
  const parsed = addPairingLinkSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { pairingId, link, note } = parsed.data;
  const columns =
    link.type === "post"
      ? { postId: link.postId, sessionId: null }
      : { postId: null, sessionId: link.sessionId };
  try {
    await db.$transaction(async (tx) => {
      const pairing = await pairingForMember(tx, actor, pairingId);
      assertOpen(pairing, "links can no longer be added");
      const same = link.type === "post" ? { postId: link.postId } : { sessionId: link.sessionId };
      if (await tx.pairingLink.findFirst({ where: { pairingId, ...same }, select: { id: true } })) {
        linkRefused(ALREADY_LINKED);
      }
      if ((await tx.pairingLink.count({ where: { pairingId } })) >= L.linksPerPairing) {
        throw new DomainError(
          `A mentorship can have at most ${L.linksPerPairing} links. Remove one first.`,
        );
      }
      await assertLinkable(tx, link);
      await tx.pairingLink.create({ data: { pairingId, ...columns, note, addedById: actor.id } });
    });
  } catch (error) {
    // The pairing's lock makes this rare; the unique indexes settle it anyway.
    if (isUniqueViolation(error)) linkRefused(ALREADY_LINKED);
    throw error;
  }
  return success("Link added.");
}

export async function removePairingLink(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, PERMISSION);
  const parsed = linkIdSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { linkId } = parsed.data;
  await db.$transaction(async (tx) => {
    const { pairing } = await itemForMember(tx, actor, THE_LINK, () =>
      tx.pairingLink.findUnique({ where: { id: linkId }, select: { id: true, pairingId: true } }),
    );
    assertOpen(pairing, "links can no longer be removed");
    await tx.pairingLink.delete({ where: { id: linkId } });
  });
  return success("Link removed.");
}

// Reflections ---------------------------------------------------------------------------

/** The member's own reflection on a completed mentorship: written once, edited after. */
export async function saveReflection(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, PERMISSION);
  const parsed = saveReflectionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { pairingId, learned, nextSteps } = parsed.data;
  await db.$transaction(async (tx) => {
    const pairing = await pairingForMember(tx, actor, pairingId);
    if (pairing.status !== "COMPLETED") throw new DomainError(REFLECTION_NOT_YET);
    await tx.pairingReflection.upsert({
      where: { pairingId_userId: { pairingId, userId: actor.id } },
      create: { pairingId, userId: actor.id, learned, nextSteps },
      update: { learned, nextSteps },
    });
  });
  return success("Reflection saved.");
}
