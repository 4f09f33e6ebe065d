// Which recognitions and values a change may touch. A recognition shown to everyone is neither
// deleted by its giver nor hidden by moderation; only its giver changes what it says. The
// pure rules (may edit, delete, applaud) are what the services refuse by and what the
// recognition cards ask before they show a control.
import { PermissionDenied, type Actor } from "@/lib/core/auth/authorize";
import { hasPermission, type Permission } from "@/lib/core/auth/permissions";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { seesHiddenContent } from "@/lib/core/auth/content-visibility";
import { RECOGNITION_LIMITS } from "./limits";

export const THE_RECOGNITION = "That recognition";

export const recognitionPath = (id: string) => `/recognition/${id}`;

/** Recognitions on the wall, open to applause and to featuring. */
export const SHOWN_RECOGNITION = {
  deletedAt: null,
  hiddenAt: null,
} as const satisfies Prisma.RecognitionWhereInput;

const EDIT_WINDOW_MS = RECOGNITION_LIMITS.editWindowMinutes * 60_000;

/** Whether the giver may still edit a recognition given at `createdAt`. */
export function withinEditWindow(createdAt: Date, now = new Date()): boolean {
  return now.getTime() - createdAt.getTime() <= EDIT_WINDOW_MS;
}

/** Whether the actor gave the recognition. */
export function isGiver(actor: Pick<Actor, "id">, recognition: { giverId: string }): boolean {
  return recognition.giverId === actor.id;
}

/** Whether the actor sees the recognition: hidden ones only admins do. */
export function seesRecognition(actor: Pick<Actor, "role">, recognition: { hidden: boolean }) {
  return !recognition.hidden || seesHiddenContent(actor);
}

/**
 * Whether the actor may change what the recognition says: its giver, within the edit window,
 * while moderation has not hidden it.
 */
export function mayEditRecognition(
  actor: Pick<Actor, "id">,
  recognition: { giverId: string; hidden: boolean; createdAt: Date },
  now = new Date(),
): boolean {
  return (
    isGiver(actor, recognition) &&
    !recognition.hidden &&
    withinEditWindow(recognition.createdAt, now)
  );
}

/** Whether the actor may delete the recognition: its giver, when they can see it. */
export function mayDeleteRecognition(
  actor: Actor,
  recognition: { giverId: string; hidden: boolean },
): boolean {
  return isGiver(actor, recognition) && seesRecognition(actor, recognition);
}

/**
 * Whether the actor may recognise this member: anyone with the permission may thank another
 * active member, never themselves; nobody, when there is no member (an author gone). The one
 * rule for every "Thank …" link (profile, pair's space, recognition insights, accepted answer)
 * and for the give form's recipients (./recipients.ts).
 */
export function mayRecognise(
  actor: Pick<Actor, "id" | "role">,
  member: { id: string | null; active: boolean } | null,
): boolean {
  return (
    hasPermission(actor.role, "create:recognition:any") &&
    member?.id != null &&
    member.id !== actor.id &&
    member.active
  );
}

/** Whether the actor may applaud the recognition: anyone but its giver and its recipients. */
export function mayApplaud(
  actor: Pick<Actor, "id">,
  recognition: { giverId: string; received: boolean },
): boolean {
  return !isGiver(actor, recognition) && !recognition.received;
}

/**
 * The actor's own recognition, for a change only its giver may make: "not found" when the
 * actor may not see it, "permission denied" when it is someone else's.
 */
export async function ownRecognition(
  tx: TransactionClient,
  actor: Actor,
  id: string,
  permission: Permission,
) {
  const recognition = await tx.recognition.findFirst({
    where: { id, deletedAt: null },
    select: { id: true, giverId: true, valueId: true, createdAt: true, hiddenAt: true },
  });
  if (!recognition || !seesRecognition(actor, { hidden: recognition.hiddenAt !== null })) {
    throw new NotFound(THE_RECOGNITION);
  }
  if (!isGiver(actor, recognition)) throw new PermissionDenied(permission);
  return recognition;
}

/** A value recognitions may be given for (not archived), or a field error on valueId. */
export async function activeValue(tx: TransactionClient, id: string) {
  const value = await tx.companyValue.findFirst({
    where: { id, archivedAt: null },
    select: { id: true, name: true },
  });
  if (!value) {
    const message = "Choose one of the company values.";
    throw new DomainError(message, { valueId: [message] });
  }
  return value;
}
