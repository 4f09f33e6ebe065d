// Failed jobs for the admin page: kept by pg-boss after their last attempt; listed with a
// redacted message, retried by hand.
import { z } from "zod";
import type { Database } from "@/lib/core/db/create-client";
import { processBoss, JOB_SCHEMA } from "./boss";
import { errorMessageOf, redactError } from "./redact";

export interface FailedJob {
  id: string;
  queue: string;
  attempts: number;
  createdAt: Date;
  failedAt: Date;
  error: string;
}

const failedRow = z.object({
  id: z.string(),
  name: z.string(),
  retry_count: z.number(),
  created_on: z.date(),
  completed_on: z.date().nullable(),
  output: z.unknown(),
});

export interface FailedJobsPage {
  jobs: FailedJob[];
  nextCursor: string | null;
}

const cursorSchema = z.object({ at: z.iso.datetime(), id: z.uuid() });

function encodeCursor(job: FailedJob): string {
  return Buffer.from(JSON.stringify({ at: job.failedAt.toISOString(), id: job.id })).toString(
    "base64url",
  );
}

function decodeCursor(cursor: string | undefined) {
  if (!cursor) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString()));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Newest failure first, by cursor. */
export async function listFailedJobs(
  db: Database,
  options: { cursor?: string; limit?: number } = {},
): Promise<FailedJobsPage> {
  const limit = options.limit ?? 25;
  const after = decodeCursor(options.cursor);
  const raw = await db.$queryRawUnsafe<unknown[]>(
    `SELECT id::text AS id, name, retry_count, created_on, completed_on, output
       FROM ${JOB_SCHEMA}.job
      WHERE state = 'failed'
        AND ($1::timestamptz IS NULL OR (completed_on, id) < ($1::timestamptz, $2::uuid))
      ORDER BY completed_on DESC, id DESC
      LIMIT $3`,
    after?.at ?? null,
    after?.id ?? null,
    limit + 1,
  );
  const jobs = raw.map((row) => {
    const r = failedRow.parse(row);
    return {
      id: r.id,
      queue: r.name,
      attempts: r.retry_count + 1,
      createdAt: r.created_on,
      failedAt: r.completed_on ?? r.created_on,
      error: redactError(errorMessageOf(r.output)),
    };
  });
  const page = jobs.slice(0, limit);
  return {
    jobs: page,
    nextCursor: jobs.length > limit ? encodeCursor(page[page.length - 1]!) : null,
  };
}

/** Puts a failed job back in its queue; false when it is no longer failed. */
export async function retryFailedJob(db: Database, queue: string, id: string): Promise<boolean> {
  const found = await db.$queryRawUnsafe<unknown[]>(
    `SELECT 1 FROM ${JOB_SCHEMA}.job WHERE name = $1 AND id = $2::uuid AND state = 'failed'`,
    queue,
    id,
  );
  if (found.length === 0) return false;
  const boss = await processBoss();
  await boss.retry(queue, id);
  return true;
}
