// Posting public recognitions to the organisation's chat (a Slack-compatible incoming
// webhook). The recognition services queue a delivery in their own transaction: the
// WebhookDelivery row (the record the admin page shows) and its pg-boss job are written
// together, so a rolled-back recognition posts nothing. The worker sends it (./deliver.ts).
import "server-only";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { enqueue } from "@/lib/core/jobs/enqueue";
import { getSetting } from "@/lib/core/settings/queries";
import { webhookQueue } from "./queue";

/**
 * Queues a public recognition for the chat webhook, inside the caller's transaction, when a
 * webhook URL is configured. Does nothing otherwise.
 */
export async function enqueueRecognitionDelivery(
  tx: TransactionClient,
  recognitionId: string,
): Promise<void> {
  const url = await getSetting("recognition.webhookUrl", tx);
  if (!url) return;
  const delivery = await tx.webhookDelivery.create({
    data: { recognitionId, nextAttemptAt: new Date() },
    select: { id: true },
  });
  await enqueue(tx, webhookQueue, { deliveryId: delivery.id, recognitionId });
}
