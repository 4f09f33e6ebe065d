// Who may change a session. Its hosts manage their own session (notes, attendance, action
// items, edits); leaders and admins manage any. Everyone signed in may read every session.
import { PermissionDenied, type Actor } from "@/lib/core/auth/authorize";
import { hasPermission } from "@/lib/core/auth/permissions";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { rows, sqlb } from "@/lib/core/db/typed-sql";
import { DomainError, NotFound } from "@/lib/core/forms/errors";

export const THE_SESSION = "That session";

export const sessionPath = (id: string) => `/sessions/${id}`;

/** Whether the actor manages this session: one of its hosts, or a leader or admin. */
export function managesSession(actor: Actor, hostIds: readonly string[]): boolean {
  return hostIds.includes(actor.id) || hasPermission(actor.role, "update:session:any");
}

/**
 * The session, with its hosts, for a change only its managers may make; locks its row
 * (FOR UPDATE) so that concurrent changes to it run one after another.
 */
export async function sessionForManager(tx: TransactionClient, actor: Actor, id: string) {
  const session = await lockedSession(tx, id);
  const hosts = await tx.sessionHost.findMany({
    where: { sessionId: id },
    select: { userId: true },
    orderBy: { position: "asc" },
  });
  const hostIds = hosts.map((host) => host.userId);
  if (!managesSession(actor, hostIds)) throw new PermissionDenied("update:session:own");
  return { ...session, hostIds };
}

/** The session's row, locked until the transaction ends; "not found" for an unknown id. */
export async function lockedSession(tx: TransactionClient, id: string) {
  const locked = await rows(
    tx,
    sqlb.selectFrom("LearningSession").select("id").where("id", "=", id).forUpdate(),
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
