// Who may open a pairing and its space: its mentor, its mentee, and admins. Everyone else
// gets "not found", so that a pairing's existence is not revealed either.
import { PermissionDenied, type Actor } from "@/lib/core/auth/authorize";
import { hasPermission } from "@/lib/core/auth/permissions";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { rows, sqlb } from "@/lib/core/db/typed-sql";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import type { PairingStatus } from "@/lib/generated/prisma/enums";
import { isOpenStatus } from "./labels";

export const THE_PAIRING = "That mentorship";

export const pairingPath = (id: string) => `/mentorship/${id}`;

export interface PairingMembers {
  mentorId: string;
  menteeId: string;
}

export function isPairMember(actor: Actor, pairing: PairingMembers): boolean {
  return actor.id === pairing.mentorId || actor.id === pairing.menteeId;
}

/** Whether the actor may open the pairing's space: one of the two, or an admin. */
export function canOpenPairing(actor: Actor, pairing: PairingMembers): boolean {
  return isPairMember(actor, pairing) || hasPermission(actor.role, "read:pairing:any");
}

/**
 * Whether the actor may write in the pair's space (goals, check-ins, links): one of the two,
 * while the pairing is open (active or paused). pairingForMember and assertOpen refuse by its
 * two halves; the pairing page asks it before it shows the forms.
 */
export function mayWriteInSpace(
  actor: Actor,
  pairing: PairingMembers & { status: PairingStatus },
): boolean {
  return isPairMember(actor, pairing) && isOpenStatus(pairing.status);
}

/** The pairing's row, locked until the transaction ends; "not found" for an unknown id. */
export async function lockedPairing(tx: TransactionClient, id: string) {
  const locked = await rows(
    tx,
    sqlb.selectFrom("MentorPairing").select("id").where("id", "=", id).forUpdate(),
  );
  if (locked.length === 0) throw new NotFound(THE_PAIRING);
  return tx.mentorPairing.findUniqueOrThrow({ where: { id } });
}

/**
 * The locked pairing, for a change to its space (goals, check-ins, links, reflections) that
 * only its two members may make. Admins may read a space but do not write in it; anyone
 * else is told it does not exist.
 */
export async function pairingForMember(tx: TransactionClient, actor: Actor, id: string) {
  const pairing = await lockedPairing(tx, id);
  if (!canOpenPairing(actor, pairing)) throw new NotFound(THE_PAIRING);
  if (!isPairMember(actor, pairing)) throw new PermissionDenied("update:pairing-space:own");
  return pairing;
}

/** Refuses a change to the space of a pairing that has ended or completed. */
export function assertOpen(pairing: { status: PairingStatus }, what: string): void {
  if (!isOpenStatus(pairing.status)) {
    throw new DomainError(`This mentorship has closed, so ${what}.`);
  }
}
