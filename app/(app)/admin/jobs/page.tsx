import type { Metadata } from "next";
import { ScrollableTable } from "@/components/ui/scrollable-table";
import { requirePermission } from "@/lib/core/auth/session";
import { formatDateTime } from "@/lib/core/date-format";
import { listQueryOrNotFound, pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import type { FailedJob } from "@/lib/core/jobs/failed";
import { retryJobAction } from "@/lib/admin/jobs/actions";
import { queueLabel } from "@/lib/admin/jobs/labels";
import {
  failedJobs,
  mailProblems,
  queueCounts,
  type MailProblem,
  type QueueCounts,
} from "@/lib/admin/jobs/queries";
import { jobsPageQuerySchema } from "@/lib/admin/jobs/schemas";
import { ActionButtonForm } from "@/components/admin/action-button-form";
import { PaginationNav } from "@/components/ui/pagination-nav";

export const metadata: Metadata = { title: "Background jobs · Admin" };

function At({ date, timeZone }: { date: Date; timeZone: string }) {
  return <time dateTime={date.toISOString()}>{formatDateTime(date, timeZone)}</time>;
}

function CountsTable({ counts }: { counts: QueueCounts[] }) {
  if (counts.length === 0) return <p className="text-stone-700">No job is waiting or failed.</p>;
  return (
    <ScrollableTable label="Jobs per queue">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Jobs per queue</caption>
        <thead className="bg-stone-50">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Queue
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Waiting
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Running
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Failed
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200">
          {counts.map((row) => (
            <tr key={row.queue}>
              <th scope="row" className="px-3 py-2 font-normal break-words">
                {queueLabel(row.queue)}
              </th>
              <td className="px-3 py-2 text-right tabular-nums">{row.waiting}</td>
              <td className="px-3 py-2 text-right tabular-nums">{row.running}</td>
              <td
                className={`px-3 py-2 text-right tabular-nums ${row.failed ? "font-semibold text-red-800" : ""}`}
              >
                {row.failed}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

function FailedJobItem({ job, timeZone }: { job: FailedJob; timeZone: string }) {
  return (
    <li className="flex flex-col gap-3 p-4 md:flex-row md:items-start md:justify-between">
      <div className="min-w-0 space-y-1">
        <p className="font-medium break-words">{queueLabel(job.queue)}</p>
        <p className="text-sm text-stone-600">
          Failed <At date={job.failedAt} timeZone={timeZone} /> after {job.attempts}{" "}
          {job.attempts === 1 ? "attempt" : "attempts"} · queued{" "}
          <At date={job.createdAt} timeZone={timeZone} />
        </p>
        <p className="text-sm break-words text-red-900">
          <span className="font-medium">Error:</span> {job.error}
        </p>
      </div>
      <div className="md:min-w-40">
        <ActionButtonForm
          action={retryJobAction}
          fields={{ queue: job.queue, id: job.id }}
          label="Retry"
          srSuffix={`: ${queueLabel(job.queue)} job that failed ${formatDateTime(job.failedAt, timeZone)}`}
          pendingText="Queuing…"
        />
      </div>
    </li>
  );
}

function MailProblemItem({ problem, timeZone }: { problem: MailProblem; timeZone: string }) {
  return (
    <li className="space-y-1 p-4">
      <p className="font-medium break-words">{problem.name}</p>
      <p className="text-sm text-stone-600">
        Last failure <At date={problem.failedAt} timeZone={timeZone} />
      </p>
      <p className="text-sm break-words text-stone-800">
        <span className="font-medium">Reason:</span> {problem.reason}
      </p>
    </li>
  );
}

export default async function AdminJobsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const user = await requirePermission("read:admin:any");
  const { query, params } = await listQueryOrNotFound(searchParams, jobsPageQuerySchema);
  const [counts, failed, problems] = await Promise.all([
    queueCounts(user),
    failedJobs(user, params.cursor),
    pageOrNotFound(mailProblems(user, params.mailCursor)),
  ]);

  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold">Background jobs</h1>
      <p className="text-stone-700">
        Mail, digests, reminders and chat posts are sent by background jobs. A job that fails is
        tried again with growing pauses; after its last attempt it is kept here, with its error,
        until you retry it.
      </p>
      <section aria-labelledby="queues-heading" className="space-y-3">
        <h2 id="queues-heading" className="text-lg font-semibold">
          Queues
        </h2>
        <CountsTable counts={counts} />
      </section>
      <section aria-labelledby="failed-heading" className="space-y-3">
        <h2 id="failed-heading" className="text-lg font-semibold">
          Failed jobs
        </h2>
        {failed.jobs.length === 0 ? (
          <p className="text-stone-700">No failed jobs.</p>
        ) : (
          <ol
            aria-label="Failed jobs, most recent first"
            className="divide-y divide-stone-200 overflow-hidden rounded-lg border border-stone-200 bg-white"
          >
            {failed.jobs.map((job) => (
              <FailedJobItem key={job.id} job={job} timeZone={user.timeZone} />
            ))}
          </ol>
        )}
        <PaginationNav
          nextCursor={failed.nextCursor}
          isFirstPage={!params.cursor}
          hrefFor={(cursor) => hrefWith("/admin/jobs", query, { cursor })}
          label="Failed job pages"
        />
      </section>
      <section aria-labelledby="mail-problems-heading" className="space-y-3">
        <h2 id="mail-problems-heading" className="text-lg font-semibold">
          Mail problems
        </h2>
        <p className="text-sm text-stone-700">
          Members whose last email could not be delivered after every attempt. It clears when a
          later email reaches them.
        </p>
        {problems.items.length === 0 ? (
          <p className="text-stone-700">No member has a mail problem.</p>
        ) : (
          <ol
            aria-label="Members with mail problems, most recent first"
            className="divide-y divide-stone-200 overflow-hidden rounded-lg border border-stone-200 bg-white"
          >
            {problems.items.map((problem) => (
              <MailProblemItem key={problem.id} problem={problem} timeZone={user.timeZone} />
            ))}
          </ol>
        )}
        <PaginationNav
          nextCursor={problems.nextCursor}
          isFirstPage={!params.mailCursor}
          hrefFor={(mailCursor) => hrefWith("/admin/jobs", query, { mailCursor })}
          label="Mail problem pages"
        />
      </section>
    </div>
  );
}
