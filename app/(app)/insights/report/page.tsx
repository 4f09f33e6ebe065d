import { plural } from "@/lib/core/format";
import type { Metadata } from "next";
import Link from "next/link";
import { ChangeText } from "@/components/insights/change-text";
import { CsvLink, InsightsTable } from "@/components/insights/data-table";
import { figureText } from "@/lib/insights/labels";
import { PeriodForm, PeriodSummary, periodRefused } from "@/components/insights/period-form";
import { RollupNote } from "@/components/insights/rollup-note";
import { PrintButton } from "@/components/insights/print-button";
import { requirePermission } from "@/lib/core/auth/session";
import { parsePeriod } from "@/lib/insights/period";
import { reviewReport, type OpenActionItem, type ReportSurvey } from "@/lib/insights/report";
import { refreshRollupAfterResponse } from "@/lib/insights/rollup-after";
import type { SearchParams } from "@/lib/core/pagination/search-params";
import { formatCalendarDate, utcToday } from "@/lib/core/dates";

export const metadata: Metadata = { title: "Learning culture review" };

function overdueText(item: OpenActionItem): string {
  if (item.overdueDays === null) return "No due date";
  if (item.overdueDays === 0) return "Not yet";
  return plural(item.overdueDays, "day", "days");
}

function SurveyResult({ survey, minResponses }: { survey: ReportSurvey; minResponses: number }) {
  const responses = plural(survey.responseCount, "response", "responses");
  return (
    <article aria-labelledby={`survey-${survey.id}`} className="insights-card space-y-2">
      <h3 id={`survey-${survey.id}`} className="text-lg font-semibold">
        <Link href={`/insights/surveys/${encodeURIComponent(survey.id)}`}>{survey.title}</Link>
      </h3>
      <p className="text-sm text-stone-700">
        Closed {formatCalendarDate(survey.closedAt)} · {responses}
      </p>
      {survey.shown ? (
        <InsightsTable
          caption={`${survey.title}: average agreement, 1 (strongly disagree) to 5 (strongly agree)`}
          columns={[
            { label: "Statement" },
            { label: "Average", numeric: true },
            { label: "Change since the previous round", numeric: true },
          ]}
          rows={survey.statements.map((statement, index) => ({
            key: String(index),
            cells: [
              statement.text,
              figureText(statement.average, "rating"),
              statement.change === null || statement.average === null ? (
                "—"
              ) : (
                <ChangeText
                  current={statement.average}
                  previous={statement.average - statement.change}
                  unit="rating"
                />
              ),
            ],
          }))}
          empty="This survey had no statements to score."
          csvHref={`/insights/surveys/${encodeURIComponent(survey.id)}/results.csv`}
        />
      ) : (
        <p className="text-stone-800">
          Fewer than {minResponses} responses: results withheld, so that no one&rsquo;s answers can
          be told apart.
        </p>
      )}
    </article>
  );
}

export default async function ReviewReportPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requirePermission("read:insights:any");
  const query = await searchParams;
  const period = parsePeriod(query);
  const report = await reviewReport(viewer, period);
  refreshRollupAfterResponse(report.rollup);
  const range = `from=${period.fromInput}&to=${period.toInput}`;

  return (
    <div className="space-y-10">
      <div className="space-y-4">
        <div className="space-y-2">
          <h1 className="text-2xl font-semibold">Learning culture review</h1>
          <p className="text-stone-700">
            The key measures of the community&rsquo;s learning culture, the pulse surveys that
            closed, and the open action items: for the leadership team&rsquo;s periodic review.
            Prepared {formatCalendarDate(utcToday())}.
          </p>
        </div>
        <PeriodForm action="/insights/report" period={period} />
        <PeriodSummary period={report.period} refused={periodRefused(query, period)} />
        <RollupNote rollup={report.rollup} timeZone={viewer.timeZone} />
        <div className="print-hidden flex flex-wrap items-center gap-3">
          <PrintButton />
          <Link href={`/insights?${range}`}>The dashboard for this period</Link>
        </div>
      </div>

      <section aria-labelledby="measures-heading" className="space-y-3">
        <h2 id="measures-heading" className="text-xl font-semibold">
          Key measures
        </h2>
        <InsightsTable
          caption={`Key measures, ${report.period.label}, and the period before`}
          columns={[
            { label: "Measure" },
            { label: "This period", numeric: true },
            { label: "Previous period", numeric: true },
            { label: "Change", numeric: true },
          ]}
          rows={report.keyMeasures.map((measure) => ({
            key: measure.key,
            cells: [
              measure.label,
              figureText(measure.current, measure.unit),
              figureText(measure.previous, measure.unit),
              <ChangeText
                key="change"
                current={measure.current}
                previous={measure.previous}
                unit={measure.unit}
              />,
            ],
          }))}
        />
        <CsvLink
          href={`/insights/export/key-measures.csv?${range}`}
          what="every measure"
          text="Download every measure (CSV)"
        />
      </section>

      <section aria-labelledby="surveys-heading" className="space-y-4">
        <h2 id="surveys-heading" className="text-xl font-semibold">
          Survey results
        </h2>
        {report.surveys.length ? (
          report.surveys.map((survey) => (
            <SurveyResult key={survey.id} survey={survey} minResponses={report.minResponses} />
          ))
        ) : (
          <p className="text-stone-700">No pulse survey closed in this period.</p>
        )}
      </section>

      <section aria-labelledby="actions-heading" className="space-y-3">
        <h2 id="actions-heading" className="text-xl font-semibold">
          Open action items
        </h2>
        <p className="text-stone-700">
          The open action items from sessions that have waited longest, whatever the period.
        </p>
        <InsightsTable
          caption="Open action items, the longest overdue first"
          columns={[
            { label: "What" },
            { label: "Owner" },
            { label: "Session" },
            { label: "Due" },
            { label: "Overdue", numeric: true },
          ]}
          rows={report.openActionItems.map((item) => ({
            key: item.id,
            cells: [
              item.title,
              item.ownerName,
              <Link key="session" href={`/sessions/${item.sessionId}`}>
                {item.sessionTitle}
              </Link>,
              item.dueOn ? formatCalendarDate(item.dueOn) : "No due date",
              overdueText(item),
            ],
          }))}
          empty="No open action items."
        />
        {report.openActionItems.length ? (
          <CsvLink
            href={`/insights/export/open-action-items.csv?${range}`}
            what="the open action items"
            text="Download the open action items (CSV)"
          />
        ) : null}
      </section>
    </div>
  );
}
