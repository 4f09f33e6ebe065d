// The worker: runs every registered queue's handler and keeps the cron schedules. Started by
// `npm run dev` / `npm start` (scripts/worker.ts as a child process) or alone by
// `npm run worker`; any number may run against one database, and pg-boss hands each job to
// exactly one of them.
import type { PgBoss } from "pg-boss";
import { createBoss, ensureQueue } from "./boss";
import type { Queue } from "./queue";

export interface JobContext {
  id: string;
  /** 0 on the first attempt. */
  retryCount: number;
}

export interface JobHandler<Data = unknown> {
  queue: Queue<Data>;
  run: (data: Data, job: JobContext) => Promise<void>;
  /** Jobs of this queue run at once in one worker. */
  concurrency?: number;
}

/** A queue that gets one (empty) job per cron period, however many workers run. */
export interface Schedule {
  queue: Queue<unknown>;
  /** Five-field cron, in UTC. */
  cron: string;
}

/**
 * A handler for the worker's list. Its type is erased to `unknown` data: the worker parses
 * each job's data with the queue's own schema before `run` sees it.
 */
export function handle<Data>(
  queue: Queue<Data>,
  run: JobHandler<Data>["run"],
  options: { concurrency?: number } = {},
): JobHandler {
  return { queue, run, ...options } as unknown as JobHandler;
}

export interface WorkerOptions {
  handlers: JobHandler[];
  schedules?: Schedule[];
  connectionString?: string;
  /** How often an idle queue is polled (seconds, at least 0.5). */
  pollingIntervalSeconds?: number;
  log?: (line: string) => void;
}

export interface RunningWorker {
  boss: PgBoss;
  stop(): Promise<void>;
}

async function registerHandler(
  boss: PgBoss,
  handler: JobHandler,
  options: WorkerOptions,
): Promise<void> {
  const { queue, run } = handler;
  await ensureQueue(boss, queue);
  await boss.work(
    queue.name,
    {
      batchSize: 1,
      localConcurrency: handler.concurrency ?? 2,
      pollingIntervalSeconds:
        options.pollingIntervalSeconds ?? Number(process.env.WORKER_POLL_SECONDS ?? 2),
    },
    async ([job]) => {
      if (!job) return;
      const data = queue.data.parse(job.data);
      await run(data, { id: job.id, retryCount: job.retryCount });
    },
  );
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const boss = createBoss({
    connectionString: options.connectionString,
    maintain: true,
    poolSize: 4,
  });
  await boss.start();
  for (const handler of options.handlers) await registerHandler(boss, handler, options);
  for (const schedule of options.schedules ?? []) {
    await ensureQueue(boss, schedule.queue);
    await boss.schedule(schedule.queue.name, schedule.cron, {}, { tz: "UTC" });
  }
  options.log?.(
    `Worker running ${options.handlers.length} queue(s) and ${options.schedules?.length ?? 0} schedule(s).`,
  );
  return {
    boss,
    stop: () => boss.stop({ graceful: true, timeout: 20_000, close: true }),
  };
}
