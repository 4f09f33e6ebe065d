// pg-boss on the app's own database, in the `pgboss` schema. The worker (./worker.ts) starts
// its own instance with maintenance and schedules on; enqueueing needs no started instance
// (./enqueue.ts); admin commands use processBoss().
import { PgBoss } from "pg-boss";
import type { Queue } from "./queue";

export const JOB_SCHEMA = "pgboss";

export type Boss = PgBoss;

interface BossOptions {
  connectionString?: string;
  /** Supervision (retries of expired jobs, retention) and cron schedules: the worker's job. */
  maintain?: boolean;
  poolSize?: number;
}

export function createBoss(options: BossOptions = {}): PgBoss {
  const connectionString = options.connectionString ?? process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: the job queue needs it.");
  const boss = new PgBoss({
    connectionString,
    schema: JOB_SCHEMA,
    max: options.poolSize ?? 2,
    supervise: options.maintain ?? false,
    schedule: options.maintain ?? false,
    migrate: options.maintain ?? false,
    application_name: options.maintain ? "learning-commons-worker" : "learning-commons-web",
  });
  // pg-boss emits errors it recovers from (a dropped connection); without a listener Node
  // would treat them as unhandled and stop the process.
  boss.on("error", (error) => console.error(`[jobs] ${error.message}`));
  return boss;
}

/**
 * Creates the queue (with its retry policy) when missing; with `update`, an existing queue
 * takes the current policy (the worker does that at start).
 */
export async function ensureQueue(
  boss: PgBoss,
  queue: Queue<unknown>,
  options: { update?: boolean } = { update: true },
): Promise<void> {
  const settings = {
    policy: queue.policy,
    retryLimit: queue.retry.retryLimit,
    retryDelay: queue.retry.retryDelay,
    retryBackoff: true,
    retryDelayMax: queue.retry.retryDelayMax,
    expireInSeconds: queue.retry.expireInSeconds,
    // Finished jobs (completed or failed) stay 30 days, so a failed one can be read and retried
    // from the admin page for a month; a job still waiting after 30 days is dropped.
    deleteAfterSeconds: 30 * 24 * 3600,
    retentionSeconds: 30 * 24 * 3600,
  };
  const existing = await boss.getQueue(queue.name);
  if (!existing) {
    await boss.createQueue(queue.name, settings).catch(async (error: unknown) => {
      // Another process created it first.
      if (!(await boss.getQueue(queue.name))) throw error;
    });
    return;
  }
  if (!options.update) return;
  const { policy: _policy, ...changeable } = settings;
  void _policy;
  await boss.updateQueue(queue.name, changeable);
}

/** A started instance with its own small pool, for admin commands outside a transaction. */
const globalForBoss = globalThis as unknown as { jobBoss?: Promise<PgBoss> };

export function processBoss(): Promise<PgBoss> {
  globalForBoss.jobBoss ??= createBoss()
    .start()
    .catch((error: unknown) => {
      globalForBoss.jobBoss = undefined;
      throw error;
    });
  return globalForBoss.jobBoss;
}

/**
 * Creates or migrates the `pgboss` schema (run with the app's migrations), and creates the
 * given queues so that every process finds them in its cache from the start.
 */
export async function installJobSchema(
  connectionString: string,
  queues: readonly Queue<unknown>[] = [],
): Promise<void> {
  const boss = new PgBoss({
    connectionString,
    schema: JOB_SCHEMA,
    max: 1,
    supervise: false,
    schedule: false,
    migrate: true,
  });
  boss.on("error", (error) => console.error(`[jobs] ${error.message}`));
  await boss.start();
  for (const queue of queues) await ensureQueue(boss, queue);
  await boss.stop({ graceful: false, close: true });
}
