// Posting public recognitions to the organisation's chat (a Slack-compatible incoming
// webhook). The recognition services queue a delivery in their own transaction, then ask for
// it to be sent once the member's response is on its way; nothing here can fail their action.
import "server-only";
import { after } from "next/server";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { getSetting } from "@/lib/core/settings/queries";
import { processDueDeliveries } from "./process";

export { processDueDeliveries } from "./process";

const LONGEST_SLEEP_MS = 60 * 60_000;

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
  await tx.webhookDelivery.create({ data: { recognitionId, nextAttemptAt: new Date() } });
}

/**
 * Starts delivering queued recognitions after the current response is sent; never throws
 * and never delays the member's action.
 */
export function deliverPendingSoon(): void {
  try {
    after(deliverQuietly);
  } catch {
    // Outside a request (scripts, tests, server start) `after` throws: run on a later tick.
    try {
      setTimeout(() => void deliverQuietly(), 0).unref();
    } catch {
      queueMicrotask(() => void deliverQuietly());
    }
  }
}

async function deliverQuietly(): Promise<void> {
  try {
    await processDueDeliveries();
    await wakeForNextRetry();
  } catch (error) {
    console.error("Posting recognitions to the chat webhook failed", error);
  }
}

// One wake-up per process for the earliest retry, so that back-off retries happen without a
// new recognition. Only a hint: the rows and their claims in Postgres are the truth, and any
// instance may send them.
let wakeUp: { at: number; timer: NodeJS.Timeout } | null = null;

async function wakeForNextRetry(): Promise<void> {
  // Turned off: queued rows wait for a URL, with nothing to wake up for.
  if (!(await getSetting("recognition.webhookUrl"))) return;
  const next = await db.webhookDelivery.findFirst({
    where: { status: "PENDING" },
    orderBy: { nextAttemptAt: "asc" },
    select: { nextAttemptAt: true },
  });
  if (!next) return;
  const at = next.nextAttemptAt.getTime();
  if (wakeUp && wakeUp.at <= at) return;
  if (wakeUp) clearTimeout(wakeUp.timer);
  const delay = Math.min(Math.max(at - Date.now(), 1_000), LONGEST_SLEEP_MS);
  const timer = setTimeout(() => {
    wakeUp = null;
    void deliverQuietly();
  }, delay);
  timer.unref();
  wakeUp = { at, timer };
}
