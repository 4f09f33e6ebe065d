// Which recognitions and values a change may touch. A recognition shown to everyone is neither
// deleted by its giver nor hidden by moderation; only its giver changes what it says.
import { PermissionDenied, type Actor } from "@/lib/core/auth/authorize";
import type { Permission } from "@/lib/core/auth/permissions";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { seesHiddenContent } from "@/lib/moderation/access";

export const THE_RECOGNITION = "That recognition";

export const recognitionPath = (id: string) => `/recognition/${id}`;

/** Recognitions on the wall, open to applause and to featuring. */
export const SHOWN_RECOGNITION = {
  deletedAt: null,
  hiddenAt: null,
} as const satisfies Prisma.RecognitionWhereInput;

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
  if (!recognition || (recognition.hiddenAt && !seesHiddenContent(actor))) {
    throw new NotFound(THE_RECOGNITION);
  }
  if (recognition.giverId !== actor.id) throw new PermissionDenied(permission);
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
