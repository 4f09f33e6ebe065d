import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { closingDay } from "@/lib/surveys/labels";
import { roundNumbers, roundTitle } from "@/lib/surveys/rounds";
import { StatusBadge } from "@/components/surveys/status-badge";
import { buttonClasses } from "@/components/ui/button";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { DataTable } from "@/components/ui/data-table";
import { can, requirePermission } from "@/lib/core/auth/session";
import { listQueryOrNotFound, pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import { formatDay } from "@/lib/core/dates";
import { listSurveys } from "@/lib/surveys/queries";
import { formatNumber } from "@/lib/core/format";

export const metadata: Metadata = { title: "Pulse surveys · Insights" };

const paramsSchema = z.object({ cursor: z.string().max(500).optional() });

export default async function SurveysPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requirePermission("read:survey-results:any");
  const { query, params } = await listQueryOrNotFound(searchParams, paramsSchema);
  const page = await pageOrNotFound(listSurveys(viewer, params.cursor));
  const rounds = await roundNumbers(page.items.map((survey) => survey.id));
  const firstPage = !params.cursor;

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Pulse surveys</h1>
        <p className="max-w-3xl text-stone-700">
          Short, anonymous surveys about how we learn together. Responses carry no name; results for
          a group show only once enough of its members have answered.
        </p>
      </div>
      {can(viewer, "create:survey:any") ? (
        <div className="flex flex-wrap gap-3">
          <Link href="/insights/surveys/new?template=learning-culture" className={buttonClasses()}>
            New from the learning-culture template
          </Link>
          <Link href="/insights/surveys/new" className={buttonClasses("secondary")}>
            New survey
          </Link>
        </div>
      ) : null}
      {page.items.length ? (
        <DataTable
          caption="Pulse surveys, newest first"
          captionHidden
          label="Pulse surveys"
          columns={[
            { label: "Survey" },
            { label: "Status" },
            { label: "Opens", className: "whitespace-nowrap" },
            { label: "Closes", className: "whitespace-nowrap" },
            { label: "Responses", numeric: true },
          ]}
          rows={page.items.map((survey) => ({
            key: survey.id,
            cells: [
              <Link key="title" href={`/insights/surveys/${encodeURIComponent(survey.id)}`}>
                {roundTitle(survey.title, rounds.get(survey.id) ?? 1, survey.nextRoundId !== null)}
              </Link>,
              <StatusBadge key="status" status={survey.status} />,
              formatDay(survey.opensAt, viewer.timeZone),
              closingDay(survey.closesAt, viewer.timeZone),
              formatNumber(survey.responseCount),
            ],
          }))}
          empty={null}
        />
      ) : (
        <p className="text-stone-700">
          {firstPage ? "No surveys yet." : "No older surveys."}
          {firstPage && can(viewer, "create:survey:any") ? (
            <>
              {" "}
              Start with the{" "}
              <Link href="/insights/surveys/new?template=learning-culture">
                learning-culture template
              </Link>
              .
            </>
          ) : null}
        </p>
      )}
      <PaginationNav
        nextCursor={page.nextCursor}
        isFirstPage={firstPage}
        hrefFor={(cursor) => hrefWith("/insights/surveys", query, { cursor })}
        label="Pages of surveys"
      />
    </div>
  );
}
