// Enqueueing always happens inside the caller's transaction: the job row is written by the
// same transaction as the change that caused it, so a rolled-back action sends nothing.
import type { TransactionClient } from "@/lib/core/db/create-client";
import { bossWithQueue } from "./boss";
import type { Queue } from "./queue";

export interface EnqueueOptions {
  /** Not before this moment (or this many seconds from now). */
  startAfter?: Date | number;
  /**
   * On a "short" queue: while a job with this key waits, further sends with it are dropped
   * (the waiting job will see their cause when it runs).
   */
  singletonKey?: string;
}

/** pg-boss's database interface over the caller's Prisma transaction. */
function transactionDb(tx: TransactionClient) {
  return {
    executeSql: async (text: string, values: unknown[] = []) => ({
      rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values),
    }),
  };
}

/** Returns the job's id, or null when a waiting job with the same singleton key absorbed it. */
export async function enqueue<Data>(
  tx: TransactionClient,
  queue: Queue<Data>,
  data: Data,
  options: EnqueueOptions = {},
): Promise<string | null> {
  const checked = queue.data.parse(data) as object;
  const boss = await bossWithQueue(queue as Queue<unknown>);
  return boss.send(queue.name, checked, {
    db: transactionDb(tx),
    ...(options.startAfter !== undefined ? { startAfter: options.startAfter } : {}),
    ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
  });
}
