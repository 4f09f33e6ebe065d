// The process's pg-boss instance, on the app's own database in the `pgboss` schema. Web
// processes use it only to enqueue and to read failed jobs (no supervision, no schedules);
// the worker (./worker.ts) starts its own with maintenance and schedules on.
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

/** Creates the queue (with its retry policy) when missing; the policy is updated when changed. */
export async function ensureQueue(boss: PgBoss, queue: Queue<unknown>): Promise<void> {
  const settings = {
    policy: queue.policy,
    retryLimit: queue.retry.retryLimit,
    retryDelay: queue.retry.retryDelay,
    retryBackoff: true,
    retryDelayMax: queue.retry.retryDelayMax,
    expireInSeconds: queue.retry.expireInSeconds,
    // Completed jobs are kept a week for inspection, failed ones a month.
    deleteAfterSeconds: 7 * 24 * 3600,
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
  const { policy: _policy, ...options } = settings;
  void _policy;
  await boss.updateQueue(queue.name, options);
}

const globalForBoss = globalThis as unknown as {
  jobBoss?: Promise<PgBoss>;
  knownQueues?: Set<string>;
};

/** The web process's instance, started on first use (installs or migrates nothing). */
export function processBoss(): Promise<PgBoss> {
  globalForBoss.jobBoss ??= createBoss()
    .start()
    .catch((error: unknown) => {
      globalForBoss.jobBoss = undefined;
      throw error;
    });
  return globalForBoss.jobBoss;
}

/** The process's instance with the queue known to exist. */
export async function bossWithQueue(queue: Queue<unknown>): Promise<PgBoss> {
  const boss = await processBoss();
  globalForBoss.knownQueues ??= new Set();
  if (!globalForBoss.knownQueues.has(queue.name)) {
    await ensureQueue(boss, queue);
    globalForBoss.knownQueues.add(queue.name);
  }
  return boss;
}

/** Creates or migrates the `pgboss` schema; run with the app's migrations. */
export async function installJobSchema(connectionString: string): Promise<void> {
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
  await boss.stop({ graceful: false, close: true });
}
