// The chat-webhook queue (pg-boss, decision 016): one job per delivery, retried with back-off.
// The WebhookDelivery row stays the record the admin page shows; the job only carries its id.
import { z } from "zod";
import { defineQueue } from "@/lib/core/jobs/queue";

/** Attempts in all: the first and five retries. */
export const MAX_ATTEMPTS = 6;
const FIRST_RETRY_SECONDS = 30;
const LONGEST_RETRY_SECONDS = 60 * 60;

export const webhookQueue = defineQueue(
  "recognition.webhook",
  z.object({ deliveryId: z.string().min(1), recognitionId: z.string().min(1) }),
  {
    retry: {
      retryLimit: MAX_ATTEMPTS - 1,
      retryDelay: FIRST_RETRY_SECONDS,
      retryDelayMax: LONGEST_RETRY_SECONDS,
      // One POST has a 5-second timeout: a job still running after this was abandoned.
      expireInSeconds: 5 * 60,
    },
  },
);

export type WebhookJob = z.infer<typeof webhookQueue.data>;

/**
 * About how long pg-boss waits after failed attempt number `attempts` (30 s, doubling, at
 * most an hour; pg-boss adds jitter): what the admin page shows as the next attempt.
 */
export function retryDelayMs(attempts: number): number {
  return Math.min(
    FIRST_RETRY_SECONDS * 1000 * 2 ** Math.max(attempts - 1, 0),
    LONGEST_RETRY_SECONDS * 1000,
  );
}
