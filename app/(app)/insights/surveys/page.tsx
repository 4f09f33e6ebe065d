import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { closingDay } from "@/components/surveys/labels";
import { roundNumbers, roundTitle } from "@/lib/surveys/rounds";
import { StatusBadge } from "@/components/surveys/status-badge";
import { buttonClasses } from "@/components/ui/button";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { ScrollableTable } from "@/components/ui/scrollable-table";
import { can, requirePermission } from "@/lib/auth/session";
import { listQueryOrNotFound, pageOrNotFound } from "@/lib/pagination/page-or-not-found";
import { hrefWith, type SearchParams } from "@/lib/pagination/search-params";
import { formatDay } from "@/lib/posts/dates";
import { listSurveys } from "@/lib/surveys/queries";

export const metadata: Metadata = { title: "Pulse surveys · Insights" };

const paramsSchema = z.object({ cursor: z.string().max(500).optional() });

const CELL = "border-b border-stone-200 px-3 py-2 text-left align-top";
const NUMBER = `${CELL} text-right tabular-nums`;

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
        <ScrollableTable label="Pulse surveys">
          <table className="w-full text-sm">
            <caption className="sr-only">Pulse surveys, newest first</caption>
            <thead>
              <tr>
                <th scope="col" className={CELL}>
                  Survey
                </th>
                <th scope="col" className={CELL}>
                  Status
                </th>
                <th scope="col" className={CELL}>
                  Opens
                </th>
                <th scope="col" className={CELL}>
                  Closes
                </th>
                <th scope="col" className={NUMBER}>
                  Responses
                </th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((survey) => (
                <tr key={survey.id}>
                  <th scope="row" className={`${CELL} font-medium`}>
                    <Link href={`/insights/surveys/${encodeURIComponent(survey.id)}`}>
                      {roundTitle(
                        survey.title,
                        rounds.get(survey.id) ?? 1,
                        survey.nextRoundId !== null,
                      )}
                    </Link>
                  </th>
                  <td className={CELL}>
                    <StatusBadge status={survey.status} />
                  </td>
                  <td className={`${CELL} whitespace-nowrap`}>
                    {formatDay(survey.opensAt, viewer.timeZone)}
                  </td>
                  <td className={`${CELL} whitespace-nowrap`}>
                    {closingDay(survey.closesAt, viewer.timeZone)}
                  </td>
                  <td className={NUMBER}>{survey.responseCount.toLocaleString("en")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
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
