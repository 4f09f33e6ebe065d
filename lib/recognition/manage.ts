// Changing a recognition after it was given: its giver edits it for a short while or deletes
// it; leaders feature a recognition on the wall (telling its recipients) or take it off.
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { recordAudit } from "@/lib/core/audit/record";
import { db } from "@/lib/core/db/client";
import { invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { notifyMany, retract } from "@/lib/notifications/notify";
import {
  activeValue,
  mayEditRecognition,
  ownRecognition,
  SHOWN_RECOGNITION,
  THE_RECOGNITION,
} from "./access";
import { RECOGNITION_LIMITS } from "./limits";
import { editRecognitionSchema, featureSchema, recognitionIdSchema } from "./schemas";

export const EDIT_WINDOW_CLOSED = `You can edit a recognition for ${RECOGNITION_LIMITS.editWindowMinutes} minutes after giving it.`;

/** The giver changes the message or the value, within the edit window. */
export async function editRecognition(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:recognition:own");
  const parsed = editRecognitionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, message, valueId } = parsed.data;
  await db.$transaction(async (tx) => {
    const recognition = await ownRecognition(tx, actor, id, "update:recognition:own");
    const hidden = recognition.hiddenAt !== null;
    if (!mayEditRecognition(actor, { ...recognition, hidden }))
      throw new DomainError(hidden ? "A moderator hid this recognition." : EDIT_WINDOW_CLOSED);
    // Keeping a value that was archived since is fine; switching needs an active one.
    if (valueId !== recognition.valueId) await activeValue(tx, valueId);
    await tx.recognition.update({
      where: { id },
      data: { message, valueId, editedAt: new Date() },
    });
  });
  return success("Recognition saved.");
}

async function recipientIdsOf(tx: TransactionClient, id: string): Promise<string[]> {
  const rows = await tx.recognitionRecipient.findMany({
    where: { recognitionId: id },
    select: { userId: true },
  });
  return rows.map((row) => row.userId);
}

/**
 * The giver deletes their recognition: it disappears from the wall and profiles, and the
 * recipients' "recognised you" and "featured" notifications go with it.
 */
export async function deleteRecognition(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "delete:recognition:own");
  const parsed = recognitionIdSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id } = parsed.data;
  await db.$transaction(async (tx) => {
    await ownRecognition(tx, actor, id, "delete:recognition:own");
    const { count } = await tx.recognition.updateMany({
      where: { id, deletedAt: null },
      data: { deletedAt: new Date() },
    });
    if (count === 0) return;
    const recipientIds = await recipientIdsOf(tx, id);
    for (const kind of ["recognition.received", "recognition.featured"] as const)
      await retract(tx, { kind, recipientIds, data: { recognitionId: id } });
  });
  return success("Recognition deleted.");
}

/**
 * Leaders feature a shown recognition on the wall (its recipients are told) or unfeature it
 * (the "featured" notifications are withdrawn, so featuring again tells them once more).
 */
export async function setFeatured(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:recognition-feature:any");
  const parsed = featureSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, featured } = parsed.data;
  return db.$transaction(async (tx) => {
    const recognition = await tx.recognition.findFirst({
      where: { id, ...SHOWN_RECOGNITION },
      select: { featuredAt: true, featuredById: true, recipients: { select: { userId: true } } },
    });
    if (!recognition) throw new NotFound(THE_RECOGNITION);
    const featuredAt = featured ? new Date() : null;
    const featuredById = featured ? actor.id : null;
    // Conditional on the current state, so two leaders at once feature (and notify) once.
    const { count } = await tx.recognition.updateMany({
      where: { id, featuredAt: featured ? null : { not: null } },
      data: { featuredAt, featuredById },
    });
    if (count === 0) {
      return success(featured ? "This recognition is already featured." : "It isn't featured.");
    }
    const recipientIds = recognition.recipients.map((recipient) => recipient.userId);
    if (featured) {
      await notifyMany(tx, {
        actorId: actor.id,
        kind: "recognition.featured",
        recipientIds,
        data: { recognitionId: id },
      });
    } else {
      await retract(tx, {
        kind: "recognition.featured",
        recipientIds,
        data: { recognitionId: id },
      });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: featured ? "recognition.feature" : "recognition.unfeature",
      entityType: "Recognition",
      entityId: id,
      before: { featuredAt: recognition.featuredAt, featuredById: recognition.featuredById },
      after: { featuredAt, featuredById },
    });
    return success(featured ? "Featured on the recognition wall." : "No longer featured.");
  });
}
