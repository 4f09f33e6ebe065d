// Who actually came. Hosts (and leaders) record attendance once the check-in window opens;
// members going to the session check themselves in during it.
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import { invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { DomainError } from "@/lib/core/forms/errors";
import {
  assertNotCancelled,
  checkInOpen,
  lockedSession,
  mayCheckIn,
  mayRecordAttendance,
  sessionForManager,
} from "./access";
import { SESSION_LIMITS } from "./limits";
import { attendanceSchema, checkInSchema } from "./schemas";

const NOT_GOING = "Only members who are going can check in.";

/**
 * Records who attended: the members going to the session that are ticked are marked present,
 * the others not. Ids of members who are not going are refused.
 */
export async function recordAttendance(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:session:own");
  const parsed = attendanceSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { sessionId, attendedIds } = parsed.data;
  const count = await db.$transaction(async (tx) => {
    const session = await sessionForManager(tx, actor, sessionId);
    if (!mayRecordAttendance(actor, session)) {
      assertNotCancelled(session, "there is no attendance to record");
      throw new DomainError("Attendance can be recorded once the session is about to start.");
    }
    const going = await tx.sessionRsvp.count({
      where: { sessionId, status: "GOING", userId: { in: attendedIds } },
    });
    if (going !== attendedIds.length) {
      throw new DomainError("Only members who are going can be marked as attended.");
    }
    const now = new Date();
    await tx.sessionRsvp.updateMany({
      where: { sessionId, status: "GOING", userId: { in: attendedIds }, attendedAt: null },
      data: { attendedAt: now },
    });
    await tx.sessionRsvp.updateMany({
      where: { sessionId, userId: { notIn: attendedIds }, attendedAt: { not: null } },
      data: { attendedAt: null },
    });
    return attendedIds.length;
  });
  return success(`Attendance saved: ${count} ${count === 1 ? "member" : "members"} attended.`);
}

/** A member going to the session checks in during its window. */
export async function checkIn(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:rsvp:own");
  const parsed = checkInSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { sessionId } = parsed.data;
  await db.$transaction(async (tx) => {
    const session = await lockedSession(tx, sessionId, actor);
    const rsvp = await tx.sessionRsvp.findUnique({
      where: { sessionId_userId: { sessionId, userId: actor.id } },
      select: { status: true },
    });
    if (!mayCheckIn(rsvp, session)) {
      assertNotCancelled(session, "there is nothing to check in to");
      if (!checkInOpen(session)) {
        throw new DomainError(
          `Check-in opens ${SESSION_LIMITS.checkInEarlyMinutes} minutes before the start and closes at the end.`,
        );
      }
      throw new DomainError(NOT_GOING);
    }
    const { count } = await tx.sessionRsvp.updateMany({
      where: { sessionId, userId: actor.id, status: "GOING" },
      data: { attendedAt: new Date() },
    });
    if (count === 0) throw new DomainError(NOT_GOING);
  });
  return success("You're checked in. Enjoy the session!");
}
