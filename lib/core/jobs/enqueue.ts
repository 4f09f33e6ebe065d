// Enqueueing always happens inside the caller's transaction: the job row is written by the
// same transaction as the change that caused it, so a rolled-back action sends nothing.
//
// Every statement pg-boss runs for an enqueue goes through that transaction, including its
// first lookup of the queue: the instance below has no pool of its own and is never started.
// That matters on the embedded database, where all connections share one session and a
// second connection would wait for the open transaction to end.
import { AsyncLocalStorage } from "node:async_hooks";
import { PgBoss } from "pg-boss";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { ensureQueue, JOB_SCHEMA } from "./boss";
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

interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** pg-boss's database interface over the caller's Prisma transaction. */
function transactionDb(tx: TransactionClient): SqlExecutor {
  return {
    executeSql: async (text, values = []) => ({
      rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values),
    }),
  };
}

const currentTransaction = new AsyncLocalStorage<SqlExecutor>();

const globalForEnqueue = globalThis as unknown as {
  enqueueBoss?: PgBoss;
  queuesSeen?: Set<string>;
};

/** An unstarted instance whose every statement runs in the current enqueue's transaction. */
function enqueueBoss(): PgBoss {
  globalForEnqueue.enqueueBoss ??= new PgBoss({
    schema: JOB_SCHEMA,
    supervise: false,
    schedule: false,
    migrate: false,
    db: {
      executeSql: (text: string, values?: unknown[]) => {
        const tx = currentTransaction.getStore();
        if (!tx) throw new Error("pg-boss statement outside an enqueue transaction.");
        return tx.executeSql(text, values) as Promise<{ rows: never[] }>;
      },
    },
  });
  return globalForEnqueue.enqueueBoss;
}

/** Returns the job's id, or null when a waiting job with the same singleton key absorbed it. */
export async function enqueue<Data>(
  tx: TransactionClient,
  queue: Queue<Data>,
  data: Data,
  options: EnqueueOptions = {},
): Promise<string | null> {
  const checked = queue.data.parse(data) as object;
  const db = transactionDb(tx);
  return currentTransaction.run(db, async () => {
    const boss = enqueueBoss();
    globalForEnqueue.queuesSeen ??= new Set();
    if (!globalForEnqueue.queuesSeen.has(queue.name)) {
      // Normally created by the migration or the worker already; one lookup per process.
      await ensureQueue(boss, queue as Queue<unknown>, { update: false });
      globalForEnqueue.queuesSeen.add(queue.name);
    }
    return boss.send(queue.name, checked, {
      db,
      ...(options.startAfter !== undefined ? { startAfter: options.startAfter } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    });
  });
}
