// Sending queued deliveries. Each run claims due rows atomically (FOR UPDATE SKIP LOCKED plus
// a lease on nextAttemptAt), so several app instances never send the same delivery; a sender
// that dies mid-run leaves its rows to be picked up again when the lease runs out.
import "server-only";
import { db } from "@/lib/core/db/client";
import { rows, sql, sqlb } from "@/lib/core/db/typed-sql";
import { env } from "@/lib/core/env";
import { getSetting } from "@/lib/core/settings/queries";
import { buildChatMessage, loadChatRecognition, type ChatRecognition } from "./payload";
import { postToChat, type SendOutcome, type SendOptions } from "./send";

export const MAX_ATTEMPTS = 6;
const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 60 * 60_000;
/** Longer than a whole run of sends can take, so only an abandoned claim expires. */
const CLAIM_LEASE_MS = 5 * 60_000;
const DEFAULT_LIMIT = 20;

/** 30 s after the first failed attempt, doubling each time, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(attempts - 1, 0), LONGEST_RETRY_MS);
}

export interface ProcessOptions extends SendOptions {
  now?: Date;
  limit?: number;
}

export interface ProcessSummary {
  delivered: number;
  retrying: number;
  failed: number;
}

type ClaimedDelivery = Awaited<ReturnType<typeof claimDueDeliveries>>[number];

function claimDueDeliveries(now: Date, limit: number) {
  const leaseUntil = new Date(now.getTime() + CLAIM_LEASE_MS);
  return rows(
    db,
    sqlb
      .updateTable("WebhookDelivery")
      .set({ nextAttemptAt: leaseUntil })
      .where("id", "in", (eb) =>
        eb
          .selectFrom("WebhookDelivery")
          .select("id")
          .where((w) =>
            w.and([w("status", "=", sql<"PENDING">`'PENDING'`), w("nextAttemptAt", "<=", now)]),
          )
          .orderBy("nextAttemptAt")
          .orderBy("id")
          .limit(limit)
          .forUpdate()
          .skipLocked(),
      )
      .returning(["id", "recognitionId", "attempts"]),
  );
}

/** Why a recognition must not be posted any more, or null when it may be. */
function notPostableReason(recognition: ChatRecognition | null): string | null {
  if (!recognition || recognition.deletedAt) return "Not sent: the recognition was deleted.";
  if (recognition.hiddenAt) return "Not sent: the recognition was hidden by a moderator.";
  return null;
}

async function markNotPostable(id: string, reason: string): Promise<void> {
  await db.webhookDelivery.updateMany({
    where: { id, status: "PENDING" },
    data: { status: "FAILED", lastError: reason, lastStatus: null },
  });
}

async function recordOutcome(
  delivery: ClaimedDelivery,
  outcome: SendOutcome,
  now: Date,
): Promise<keyof ProcessSummary> {
  const attempts = delivery.attempts + 1;
  const where = { id: delivery.id, status: "PENDING" as const };
  if (outcome.ok) {
    await db.webhookDelivery.updateMany({
      where,
      data: {
        status: "DELIVERED",
        attempts,
        deliveredAt: now,
        lastStatus: outcome.status,
        lastError: null,
      },
    });
    return "delivered";
  }
  // A refused address (internal network) is not retried: only a new URL or allow-list helps.
  const givingUp = attempts >= MAX_ATTEMPTS || outcome.refused === true;
  await db.webhookDelivery.updateMany({
    where,
    data: {
      status: givingUp ? "FAILED" : "PENDING",
      attempts,
      lastStatus: outcome.status,
      lastError: outcome.error,
      nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
    },
  });
  return givingUp ? "failed" : "retrying";
}

async function deliverOne(
  url: string,
  delivery: ClaimedDelivery,
  options: ProcessOptions,
): Promise<keyof ProcessSummary> {
  const recognition = await loadChatRecognition(db, delivery.recognitionId);
  const reason = notPostableReason(recognition);
  if (reason || !recognition) {
    await markNotPostable(delivery.id, reason ?? "Not sent.");
    return "failed";
  }
  const outcome = await postToChat(url, buildChatMessage(recognition, env.APP_URL), options);
  return recordOutcome(delivery, outcome, options.now ?? new Date());
}

/**
 * Sends the deliveries that are due, one after another (chat services rate-limit bursts).
 * With no webhook URL configured, queued rows wait untouched.
 */
export async function processDueDeliveries(options: ProcessOptions = {}): Promise<ProcessSummary> {
  const summary: ProcessSummary = { delivered: 0, retrying: 0, failed: 0 };
  const url = await getSetting("recognition.webhookUrl");
  if (!url) return summary;
  const claimed = await claimDueDeliveries(
    options.now ?? new Date(),
    options.limit ?? DEFAULT_LIMIT,
  );
  for (const delivery of claimed) summary[await deliverOne(url, delivery, options)] += 1;
  return summary;
}
