// Private, supportive feedback from one member to another. Only its giver and its recipient
// can ever read it: nothing here audits it, links it to content or mentions anyone, and the
// recipient's notification carries the note's id only, never its words.
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import { notify } from "@/lib/notifications/notify";
import { maySendPrivateFeedback } from "./access";
import { PRIVATE_FEEDBACK_LIMITS as L } from "./limits";
import { markReadSchema, sendFeedbackSchema } from "./schemas";
import { bindAttachments } from "@/lib/attachments/bind";

export const THE_FEEDBACK = "That feedback";

export const feedbackPath = (id: string) => `/feedback/${id}`;

const DAY_MS = 24 * 60 * 60 * 1000;

export const DAILY_LIMIT_MESSAGE = `You have sent ${L.perDay} private notes in the last 24 hours, the most allowed. Please send this one later.`;

// Unknown and deactivated members read the same, so the form does not reveal who left.
const NOT_A_RECIPIENT = "Choose an active member from the suggestions.";

async function assertRecipient(tx: TransactionClient, actor: Actor, recipientId: string) {
  const recipient = await tx.user.findUnique({
    where: { id: recipientId },
    select: { status: true },
  });
  if (maySendPrivateFeedback(actor, { id: recipientId, active: recipient?.status === "ACTIVE" }))
    return;
  const message =
    recipientId === actor.id
      ? "Private feedback is for someone else: choose another member."
      : NOT_A_RECIPIENT;
  throw new DomainError(message, { recipientId: [message] });
}

/**
 * Refuses a note past the giver's allowance for the last 24 hours. The lock makes a giver's
 * concurrent sends count one after another, so a burst cannot slip past the limit.
 */
async function assertUnderDailyLimit(tx: TransactionClient, giverId: string) {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`private-feedback:${giverId}`}))::text`;
  const sent = await tx.privateFeedback.count({
    where: { giverId, createdAt: { gt: new Date(Date.now() - DAY_MS) } },
  });
  if (sent >= L.perDay) throw new DomainError(DAILY_LIMIT_MESSAGE);
}

/** Sends a private note to one active member, who is told that they have one (not what it says). */
export async function sendPrivateFeedback(
  actor: Actor,
  input: unknown,
): Promise<ActionResult<{ id: string }>> {
  authorize(actor, "create:private-feedback:any");
  const parsed = sendFeedbackSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { recipientId, message } = parsed.data;
  const feedback = await db.$transaction(async (tx) => {
    await assertRecipient(tx, actor, recipientId);
    await assertUnderDailyLimit(tx, actor.id);
    const created = await tx.privateFeedback.create({
      data: { giverId: actor.id, recipientId, message },
      select: { id: true },
    });
    await bindAttachments(tx, {
      ownerId: actor.id,
      markdown: message,
      target: { type: "PRIVATE_FEEDBACK", id: created.id },
    });
    await notify(tx, {
      actorId: actor.id,
      recipientId,
      kind: "private_feedback.received",
      data: { feedbackId: created.id },
    });
    return created;
  });
  return { ok: true, message: "Sent. Only the two of you can read it.", data: feedback };
}

/** The recipient marks a note read. Anyone else, the giver included, finds no such note. */
export async function markRead(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "read:private-feedback:own");
  const parsed = markReadSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id } = parsed.data;
  const { count } = await db.privateFeedback.updateMany({
    where: { id, recipientId: actor.id, readAt: null },
    data: { readAt: new Date() },
  });
  if (count === 0) {
    const own = await db.privateFeedback.count({ where: { id, recipientId: actor.id } });
    if (own === 0) throw new NotFound(THE_FEEDBACK);
  }
  return success("Marked as read.");
}
