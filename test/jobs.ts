// Running queued jobs in a test without a worker: the test's own jobs (picked by their data,
// since every test file shares one database and queue) are handed to the real handler and
// then marked completed, as a worker would.
import type { JobHandler } from "@/lib/core/jobs/worker";
import type { Queue } from "@/lib/core/jobs/queue";
import { JOB_SCHEMA } from "@/lib/core/jobs/boss";
import { testDb } from "./db";

export interface QueuedJob<Data> {
  id: string;
  data: Data;
  startAfter: Date;
  singletonKey: string | null;
}

/** Jobs of `queue` still waiting (created or waiting to retry) whose data matches. */
export async function queuedJobs<Data = Record<string, unknown>>(
  queue: Queue<unknown>,
  match: (data: Data) => boolean = () => true,
): Promise<QueuedJob<Data>[]> {
  const rows = await testDb.$queryRawUnsafe<
    { id: string; data: unknown; start_after: Date; singleton_key: string | null }[]
  >(
    `SELECT id::text AS id, data, start_after, singleton_key FROM ${JOB_SCHEMA}.job
      WHERE name = $1 AND state IN ('created', 'retry') ORDER BY created_on, id`,
    queue.name,
  );
  return rows
    .map((row) => ({
      id: row.id,
      data: row.data as Data,
      startAfter: row.start_after,
      singletonKey: row.singleton_key,
    }))
    .filter((job) => match(job.data));
}

/**
 * Runs the matching waiting jobs through `handler` (also those whose start is still in the
 * future: tests do not wait out a delay) and returns their data.
 */
export async function runQueuedJobs<Data = Record<string, unknown>>(
  handler: JobHandler,
  match: (data: Data) => boolean = () => true,
): Promise<Data[]> {
  const jobs = await queuedJobs<Data>(handler.queue, match);
  for (const job of jobs) {
    await handler.run(handler.queue.data.parse(job.data), { id: job.id, retryCount: 0 });
    await testDb.$executeRawUnsafe(
      `UPDATE ${JOB_SCHEMA}.job SET state = 'completed', completed_on = now() WHERE id = $1::uuid`,
      job.id,
    );
  }
  return jobs.map((job) => job.data);
}
