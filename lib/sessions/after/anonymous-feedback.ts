// Anonymous session ratings, released in groups. An anonymous rating waits sealed in its
// author's receipt (lib/core/anonymity/sealed) until ANONYMOUS_FEEDBACK_BATCH of the session's
// anonymous ratings are waiting; then all of them are written as feedback rows in one
// transaction, in random order, with random ids and the day of release, and the receipts are
// cleared in that same transaction. So neither a transaction id, a physical order, an id nor a
// day ties an anonymous rating to the receipt of the member who gave it, and the hosts' summary
// changes by a whole group at a time (docs/decisions/012-anonymity.md).
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { seal, unseal } from "@/lib/core/anonymity/sealed";
import { shuffled } from "@/lib/core/anonymity/shuffle";
import type { Database, TransactionClient } from "@/lib/core/db/create-client";
import { utcToday } from "@/lib/core/dates";
import { ANONYMOUS_FEEDBACK_BATCH, NOTES_LIMITS } from "@/lib/sessions/limits";

const ratingSchema = z.object({
  rating: z.number().int().min(1).max(5),
  comment: z.string().nullable(),
});
type SealedRating = z.infer<typeof ratingSchema>;

/** Every rating seals to the same length: JSON escapes a character to 6 at the most. */
const SEALED_LENGTH = 64 + 6 * NOTES_LIMITS.feedbackCommentMax;

export function sealRating(rating: SealedRating): Uint8Array<ArrayBuffer> {
  return seal(rating, SEALED_LENGTH);
}

/** How many anonymous ratings of the session wait to be released. */
export async function waitingAnonymousRatings(
  client: Database | TransactionClient,
  sessionId: string,
): Promise<number> {
  return client.sessionFeedbackReceipt.count({ where: { sessionId, sealed: { not: null } } });
}

/**
 * Releases the session's waiting anonymous ratings once there are enough of them. The caller
 * holds the session's row lock, so two ratings can't both see too few and both wait.
 */
export async function releaseAnonymousRatings(
  tx: TransactionClient,
  sessionId: string,
  now = new Date(),
): Promise<void> {
  const waiting = await tx.sessionFeedbackReceipt.findMany({
    where: { sessionId, sealed: { not: null } },
    select: { sealed: true },
  });
  if (waiting.length < ANONYMOUS_FEEDBACK_BATCH) return;
  const ratings = waiting.flatMap(({ sealed }) => {
    const parsed = ratingSchema.safeParse(unseal(sealed!));
    return parsed.success ? [parsed.data] : [];
  });
  const createdOn = utcToday(now);
  await tx.sessionFeedback.createMany({
    data: shuffled(ratings).map(({ rating, comment }) => ({
      id: randomUUID(),
      sessionId,
      authorId: null,
      rating,
      comment,
      createdOn,
    })),
  });
  await tx.sessionFeedbackReceipt.updateMany({
    where: { sessionId, sealed: { not: null } },
    data: { sealed: null },
  });
}
