// The "immediately" mail queue. Writing a notification whose kind the recipient gets
// immediately enqueues (in the same transaction) one job per recipient, keyed by the
// recipient on a "short" queue: while it waits out the batching window, further
// notifications add no job, and the one job mails them all together.
import { z } from "zod";
import { idSchema } from "@/lib/core/ids";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { enqueue } from "@/lib/core/jobs/enqueue";
import { defineQueue } from "@/lib/core/jobs/queue";
import { emailFrequencies } from "./preferences";
import type { NotificationKind } from "./kinds";

export const notificationMailQueue = defineQueue(
  "notifications.mail",
  z.object({ recipientId: idSchema }),
  { policy: "short", retry: { retryLimit: 4, retryDelay: 60 } },
);

const DEFAULT_WINDOW_SECONDS = 300;

/** How long a notification waits for others (and for being read in the app) before mail. */
export function batchWindowSeconds(): number {
  const configured = Number(process.env.MAIL_BATCH_WINDOW_SECONDS);
  return process.env.MAIL_BATCH_WINDOW_SECONDS && Number.isInteger(configured) && configured >= 0
    ? configured
    : DEFAULT_WINDOW_SECONDS;
}

/** Enqueues the mail job of each recipient who gets this kind immediately (one preference query). */
export async function enqueueImmediateMail(
  tx: TransactionClient,
  kind: NotificationKind,
  recipientIds: readonly string[],
): Promise<void> {
  if (recipientIds.length === 0) return;
  const choices = await emailFrequencies(tx, recipientIds, kind);
  const startAfter = batchWindowSeconds();
  for (const recipientId of recipientIds) {
    if (choices.get(recipientId) !== "IMMEDIATE") continue;
    await enqueue(
      tx,
      notificationMailQueue,
      { recipientId },
      { startAfter, singletonKey: recipientId },
    );
  }
}
