// What the failed-jobs page shows: failed jobs (redacted), how many jobs wait or failed per
// queue, and members whose mail could not be delivered. Admins only.
import "server-only";
import { z } from "zod";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import { JOB_SCHEMA } from "@/lib/core/jobs/boss";
import { listFailedJobs, type FailedJobsPage } from "@/lib/core/jobs/failed";
import { redactError } from "@/lib/core/jobs/redact";
import { decodeCursorOrThrow, toPage, type Page } from "@/lib/core/pagination/cursor";

const PAGE_SIZE = 20;

export async function failedJobs(actor: Actor, cursor?: string): Promise<FailedJobsPage> {
  authorize(actor, "read:admin:any");
  return listFailedJobs(db, { cursor, limit: PAGE_SIZE });
}

export interface QueueCounts {
  queue: string;
  waiting: number;
  running: number;
  failed: number;
}

const countRow = z.object({
  name: z.string(),
  waiting: z.coerce.number(),
  running: z.coerce.number(),
  failed: z.coerce.number(),
});

/** Per queue with any waiting, running or failed job; test queues are left out. */
export async function queueCounts(actor: Actor): Promise<QueueCounts[]> {
  authorize(actor, "read:admin:any");
  const rows = await db.$queryRawUnsafe<unknown[]>(
    `SELECT name,
            count(*) FILTER (WHERE state IN ('created', 'retry')) AS waiting,
            count(*) FILTER (WHERE state = 'active') AS running,
            count(*) FILTER (WHERE state = 'failed') AS failed
       FROM ${JOB_SCHEMA}.job
      WHERE state IN ('created', 'retry', 'active', 'failed') AND name NOT LIKE 'test.%'
      GROUP BY name
      ORDER BY name`,
  );
  return rows.map((row) => {
    const r = countRow.parse(row);
    return { queue: r.name, waiting: r.waiting, running: r.running, failed: r.failed };
  });
}

export interface MailProblem {
  id: string;
  name: string;
  failedAt: Date;
  reason: string;
}

const mailCursorKey = z.tuple([z.iso.datetime(), z.string()]);

/** Members whose last mail failed after every attempt, most recent first. */
export async function mailProblems(actor: Actor, cursor?: string): Promise<Page<MailProblem>> {
  authorize(actor, "read:admin:any");
  const after = cursor ? decodeCursorOrThrow(cursor, mailCursorKey) : null;
  const at = after ? new Date(after[0]) : null;
  const users = await db.user.findMany({
    where: {
      emailFailedAt: { not: null },
      ...(at && after
        ? { OR: [{ emailFailedAt: { lt: at } }, { emailFailedAt: at, id: { lt: after[1] } }] }
        : {}),
    },
    orderBy: [{ emailFailedAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    select: { id: true, name: true, emailFailedAt: true, emailFailure: true },
  });
  const problems = users.map((user) => ({
    id: user.id,
    name: user.name,
    failedAt: user.emailFailedAt!,
    reason: redactError(user.emailFailure ?? "No reason was recorded."),
  }));
  return toPage(problems, PAGE_SIZE, (row) => [row.failedAt.toISOString(), row.id]);
}
