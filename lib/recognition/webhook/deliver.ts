// Sending one queued delivery, as the "recognition.webhook" job. The WebhookDelivery row is
// the record (status, attempts, last answer); a failure that may pass throws, so pg-boss
// retries with back-off, and the last attempt marks the row FAILED. An address refused as
// internal, a recognition deleted or hidden meanwhile, or posting turned off end the
// delivery at once: retrying cannot change those.
import "server-only";
import { db } from "@/lib/core/db/client";
import { env } from "@/lib/core/env";
import type { JobContext } from "@/lib/core/jobs/worker";
import { getSetting } from "@/lib/core/settings/queries";
import { buildChatMessage, loadChatRecognition, type ChatRecognition } from "./payload";
import { webhookQueue, retryDelayMs, type WebhookJob } from "./queue";
import { postToChat, type SendOptions, type SendOutcome } from "./send";

export const TURNED_OFF = "Not sent: posting to chat was turned off.";

/** Why a recognition must not be posted any more, or null when it may be. */
function notPostableReason(recognition: ChatRecognition | null): string | null {
  if (!recognition || recognition.deletedAt) return "Not sent: the recognition was deleted.";
  if (recognition.hiddenAt) return "Not sent: the recognition was hidden by a moderator.";
  return null;
}

// Every write is conditional on PENDING: an admin turning posting off meanwhile wins.
const stillPending = (id: string) => ({ id, status: "PENDING" as const });

async function giveUp(id: string, reason: string): Promise<void> {
  await db.webhookDelivery.updateMany({
    where: stillPending(id),
    data: { status: "FAILED", lastError: reason, lastStatus: null },
  });
}

async function recordFailure(
  delivery: { id: string; attempts: number },
  outcome: Extract<SendOutcome, { ok: false }>,
  final: boolean,
): Promise<void> {
  const attempts = delivery.attempts + 1;
  await db.webhookDelivery.updateMany({
    where: stillPending(delivery.id),
    data: {
      status: final ? "FAILED" : "PENDING",
      attempts,
      lastStatus: outcome.status,
      lastError: outcome.error,
      // For display only: pg-boss decides when the retry runs.
      ...(final ? {} : { nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts)) }),
    },
  });
}

export async function deliverRecognition(
  { deliveryId }: WebhookJob,
  job: Pick<JobContext, "retryCount">,
  options: SendOptions = {},
): Promise<void> {
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    select: { id: true, recognitionId: true, attempts: true, status: true },
  });
  // Delivered, dropped or given up already (a job run twice after a crash sends nothing).
  if (!delivery || delivery.status !== "PENDING") return;
  const url = await getSetting("recognition.webhookUrl");
  if (!url) return giveUp(delivery.id, TURNED_OFF);
  const recognition = await loadChatRecognition(db, delivery.recognitionId);
  const reason = notPostableReason(recognition);
  if (reason || !recognition) return giveUp(delivery.id, reason ?? "Not sent.");

  const outcome = await postToChat(url, buildChatMessage(recognition, env.APP_URL), options);
  if (outcome.ok) {
    await db.webhookDelivery.updateMany({
      where: stillPending(delivery.id),
      data: {
        status: "DELIVERED",
        attempts: delivery.attempts + 1,
        deliveredAt: new Date(),
        lastStatus: outcome.status,
        lastError: null,
      },
    });
    return;
  }
  // A refused address (internal network) is not retried: only a new URL or allow-list helps.
  const final = outcome.refused === true || job.retryCount >= webhookQueue.retry.retryLimit;
  await recordFailure(delivery, outcome, final);
  if (!final) throw new Error(`Chat webhook delivery failed: ${outcome.error}`);
}
