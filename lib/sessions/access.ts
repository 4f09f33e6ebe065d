// Who may change a session. Its hosts manage their own session (notes, attendance, action
// items, edits); leaders and admins manage any. Everyone signed in may read every session.
// The pure rules here are what the session services refuse by and what the session pages
// ask before they show a control.
import { PermissionDenied, type Actor } from "@/lib/core/auth/authorize";
import { hasPermission } from "@/lib/core/auth/permissions";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { rows, sqlb } from "@/lib/core/db/typed-sql";
import { readableContentSql, type Viewer } from "@/lib/communities/visibility";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import type { RsvpStatus, SessionStatus } from "@/lib/generated/prisma/enums";
import { SESSION_LIMITS } from "./limits";

export const THE_SESSION = "That session";

export const sessionPath = (id: string) => `/sessions/${id}`;

/** Whether the actor is one of the session's hosts (who host rather than RSVP). */
export function hostsSession(actor: Pick<Actor, "id">, hostIds: readonly string[]): boolean {
  return hostIds.includes(actor.id);
}

/** Whether the actor manages this session: one of its hosts, or a leader or admin. */
export function managesSession(actor: Actor, hostIds: readonly string[]): boolean {
  return hostsSession(actor, hostIds) || hasPermission(actor.role, "update:session:any");
}

interface ManagedSession {
  hostIds: readonly string[];
  status: SessionStatus;
}

/** Whether the actor may edit, cancel or complete the session: a manager, unless cancelled. */
export function mayChangeSession(actor: Actor, session: ManagedSession): boolean {
  return managesSession(actor, session.hostIds) && session.status !== "CANCELLED";
}

/** Whether the actor may cancel the session: a manager, before it has taken place. */
export function mayCancelSession(
  actor: Actor,
  session: ManagedSession & { endsAt: Date },
  now = new Date(),
): boolean {
  return (
    mayChangeSession(actor, session) &&
    session.status !== "COMPLETED" &&
    session.endsAt.getTime() > now.getTime()
  );
}

/** Whether the actor may mark the session completed: a manager, once it has started. */
export function mayCompleteSession(
  actor: Actor,
  session: ManagedSession & { startsAt: Date },
  now = new Date(),
): boolean {
  return (
    mayChangeSession(actor, session) &&
    session.status !== "COMPLETED" &&
    session.startsAt.getTime() <= now.getTime()
  );
}

const EARLY_MS = SESSION_LIMITS.checkInEarlyMinutes * 60_000;

/** Self check-in is open from a little before the start until the end. */
export function checkInOpen(
  session: { startsAt: Date; endsAt: Date; status: SessionStatus },
  now = new Date(),
) {
  return (
    session.status !== "CANCELLED" &&
    now.getTime() >= session.startsAt.getTime() - EARLY_MS &&
    now.getTime() <= session.endsAt.getTime()
  );
}

/** Attendance can be recorded by hosts from the check-in window on, also after the session. */
export function attendanceOpen(
  session: { startsAt: Date; status: SessionStatus },
  now = new Date(),
) {
  return session.status !== "CANCELLED" && now.getTime() >= session.startsAt.getTime() - EARLY_MS;
}

/** Whether a member may check themselves in: going to the session, during its check-in window. */
export function mayCheckIn(
  rsvp: { status: RsvpStatus } | null | undefined,
  session: { startsAt: Date; endsAt: Date; status: SessionStatus },
  now = new Date(),
): boolean {
  return rsvp?.status === "GOING" && checkInOpen(session, now);
}

/** Whether the actor may record who attended: a manager, once the check-in window opens. */
export function mayRecordAttendance(
  actor: Actor,
  session: ManagedSession & { startsAt: Date },
  now = new Date(),
): boolean {
  return managesSession(actor, session.hostIds) && attendanceOpen(session, now);
}

/** Whether the actor owns the action item (and so may tick it off). */
export function ownsActionItem(actor: Pick<Actor, "id">, item: { ownerId: string }): boolean {
  return item.ownerId === actor.id;
}

/** Whether the actor may tick an action item off (or on again): its owner or a manager. */
export function mayTickActionItem(
  actor: Actor,
  item: { ownerId: string },
  session: { hostIds: readonly string[] },
): boolean {
  return ownsActionItem(actor, item) || managesSession(actor, session.hostIds);
}

/**
 * The session, with its hosts, for a change only its managers may make; locks its row
 * (FOR UPDATE) so that concurrent changes to it run one after another.
 */
export async function sessionForManager(tx: TransactionClient, actor: Actor, id: string) {
  const session = await lockedSession(tx, id, actor);
  const hosts = await tx.sessionHost.findMany({
    where: { sessionId: id },
    select: { userId: true },
    orderBy: { position: "asc" },
  });
  const hostIds = hosts.map((host) => host.userId);
  if (!managesSession(actor, hostIds)) throw new PermissionDenied("update:session:own");
  return { ...session, hostIds };
}

/**
 * The session's row, locked until the transaction ends; "not found" for an unknown id and
 * for a private community's session the reader may not read.
 */
export async function lockedSession(tx: TransactionClient, id: string, reader: Viewer) {
  const locked = await rows(
    tx,
    sqlb
      .selectFrom("LearningSession")
      .select("id")
      .where("id", "=", id)
      .where(readableContentSql("LearningSession", reader))
      .forUpdate(),
  );
  if (locked.length === 0) throw new NotFound(THE_SESSION);
  return tx.learningSession.findUniqueOrThrow({ where: { id } });
}

/** Refuses a change to a cancelled session, with a message that says so. */
export function assertNotCancelled(session: { status: string }, what: string): void {
  if (session.status === "CANCELLED") {
    throw new DomainError(`This session was cancelled, so ${what}.`);
  }
}
