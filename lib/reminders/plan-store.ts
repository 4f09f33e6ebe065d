// Writing the plan: for each reminder found due, its key and its mail job in one transaction.
// A key that already exists was planned by an earlier run (or by another worker running at
// the same time): the insert skips it and no job is made, so each reminder goes once.
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { enqueue } from "@/lib/core/jobs/enqueue";
import { MAILS_PER_JOB, reminderMailQueue, type ReminderMail } from "./queues";

/** How many reminders one transaction plans. */
const BATCH = 500;

/** Inserts the keys that are new and returns them (INSERT … ON CONFLICT DO NOTHING RETURNING). */
export async function claimKeys(tx: TransactionClient, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const created = await tx.scheduledMailKey.createManyAndReturn({
    data: keys.map((key) => ({ key })),
    skipDuplicates: true,
    select: { key: true },
  });
  return new Set(created.map((row) => row.key));
}

/** Queues the mails in the caller's transaction, MAILS_PER_JOB to a job. */
export async function enqueueMails(tx: TransactionClient, mails: ReminderMail[]): Promise<void> {
  for (let start = 0; start < mails.length; start += MAILS_PER_JOB) {
    await enqueue(tx, reminderMailQueue, { mails: mails.slice(start, start + MAILS_PER_JOB) });
  }
}

async function plannedAlready(keys: string[]): Promise<Set<string>> {
  const rows = await db.scheduledMailKey.findMany({
    where: { key: { in: keys } },
    select: { key: true },
  });
  return new Set(rows.map((row) => row.key));
}

export const PLAN_TRANSACTION = { timeout: 60_000, maxWait: 10_000 };

/**
 * Plans the reminders not planned yet; returns how many were new. Keys are written in sorted
 * order so that two planners running at once take their locks in the same order.
 */
export async function planMails(mails: ReminderMail[]): Promise<number> {
  const byKey = new Map(mails.map((mail) => [mail.key, mail]));
  const keys = [...byKey.keys()].sort();
  let planned = 0;
  for (let start = 0; start < keys.length; start += BATCH) {
    const chunk = keys.slice(start, start + BATCH);
    const known = await plannedAlready(chunk);
    const fresh = chunk.filter((key) => !known.has(key));
    if (fresh.length === 0) continue;
    planned += await db.$transaction(async (tx) => {
      const claimed = await claimKeys(tx, fresh);
      await enqueueMails(
        tx,
        fresh.filter((key) => claimed.has(key)).map((key) => byKey.get(key)!),
      );
      return claimed.size;
    }, PLAN_TRANSACTION);
  }
  return planned;
}
