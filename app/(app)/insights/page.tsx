import { formatNumber } from "@/lib/core/format";
import type { Metadata } from "next";
import Link from "next/link";
import { InsightsBarChart } from "@/components/insights/bar-chart";
import { ChartFigure, CsvLink, InsightsTable } from "@/components/insights/data-table";
import { MeasureCards } from "@/components/insights/figure-card";
import { Fold } from "@/components/insights/fold";
import { MeasureSummary } from "@/components/insights/measure-summary";
import { PeriodForm, PeriodSummary, periodRefused } from "@/components/insights/period-form";
import { RollupNote } from "@/components/insights/rollup-note";
import { buttonClasses } from "@/components/ui/button";
import { requirePermission } from "@/lib/core/auth/session";
import type { InsightTable } from "@/lib/insights/csv";
import { communityHealth } from "@/lib/insights/dashboard";
import {
  measureRows,
  measureRowsByKey,
  periodFigures,
  REPORT_MEASURE_KEYS,
} from "@/lib/insights/measures";
import { parsePeriod } from "@/lib/insights/period";
import { NOT_HEARD_DAYS } from "@/lib/insights/quiet";
import { refreshRollupAfterResponse } from "@/lib/insights/rollup-after";
import type { SearchParams } from "@/lib/core/pagination/search-params";
import { formatCalendarDate } from "@/lib/core/dates";

export const metadata: Metadata = { title: "Community health" };

/** "The 3 members who contributed most." (the top 10%, rounded up, as lib/insights counts). */
function topTenNote(members: number): string {
  const top = Math.ceil(members / 10);
  return top === 1
    ? "The member who contributed most."
    : `The ${formatNumber(top)} members who contributed most.`;
}

export default async function InsightsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requirePermission("read:insights:any");
  const query = await searchParams;
  const period = parsePeriod(query);
  const health = await communityHealth(viewer, period);
  refreshRollupAfterResponse(health.rollup);
  const range = `from=${period.fromInput}&to=${period.toInput}`;
  const csv = (table: InsightTable) => `/insights/export/${table}.csv?${range}`;
  const span = period.label;

  const now = periodFigures(health, "current");
  const measure = measureRowsByKey(health);
  const quiet = health.notHeardFrom;

  return (
    <div className="space-y-8">
      <div className="space-y-4">
        <div className="space-y-2">
          <h1 className="text-2xl font-semibold">Community health</h1>
          <p className="text-stone-700">
            How the community learns together over a period, compared with the period before it.
            Survey answers are never counted here.
          </p>
        </div>
        <PeriodForm action="/insights" period={period} />
        <PeriodSummary period={period} refused={periodRefused(query, period)} />
        <RollupNote rollup={health.rollup} timeZone={viewer.timeZone} />
        <div className="print-hidden flex flex-wrap gap-3">
          <Link href={`/insights/report?${range}`} className={buttonClasses("secondary")}>
            Review report for this period
          </Link>
          <Link href="/insights/skills" className={buttonClasses("secondary")}>
            Skills gap
          </Link>
          <a href={csv("key-measures")} download className={buttonClasses("ghost")}>
            Download all figures (CSV)
          </a>
        </div>
      </div>

      <section aria-labelledby="summary-heading" className="space-y-3">
        <h2 id="summary-heading" className="text-xl font-semibold">
          Summary
        </h2>
        <MeasureSummary
          rows={measureRows(health, REPORT_MEASURE_KEYS)}
          span={span}
          previousSpan={health.period.previousLabel}
        />
        <p className="text-sm text-stone-700">
          Each section below folds out to every figure, with what it counts, and the breakdowns by
          team.
        </p>
      </section>

      <section aria-labelledby="participation-heading" className="space-y-4">
        <h2 id="participation-heading" className="text-xl font-semibold">
          Participation
        </h2>
        <Fold label="Participation: every figure, and members by team">
          <MeasureCards
            label="Participation figures"
            rows={measure}
            cards={[
              {
                measure: "members-active",
                note: `Of ${formatNumber(now.participation.totalMembers)} members: posted, replied, commented, reacted, voted, answered an invitation, gave feedback or recognition, or checked in with a mentor.`,
              },
              {
                measure: "members-contributing",
                note: "Started a discussion, published a post, answered, hosted a session or recognised someone.",
              },
              {
                measure: "total-members",
                note: "Active accounts that had joined by the period's end.",
              },
            ]}
          />
          <ChartFigure
            caption={`Active and contributing members by team, ${span}`}
            chart={
              now.participation.byTeam.length ? (
                <InsightsBarChart
                  categoryKey="team"
                  series={[
                    { key: "active", name: "Active" },
                    { key: "contributing", name: "Contributing" },
                  ]}
                  rows={now.participation.byTeam.map((row) => ({
                    team: row.teamName,
                    active: row.active,
                    contributing: row.contributing,
                  }))}
                />
              ) : null
            }
            table={
              <InsightsTable
                caption={`Participation by team, ${span}`}
                columns={[
                  { label: "Team" },
                  { label: "Members", numeric: true },
                  { label: "Active", numeric: true },
                  { label: "Contributing", numeric: true },
                ]}
                rows={now.participation.byTeam.map((row) => ({
                  key: row.teamId ?? "none",
                  cells: [
                    row.teamName,
                    formatNumber(row.members),
                    formatNumber(row.active),
                    formatNumber(row.contributing),
                  ],
                }))}
                empty="No members yet."
                csvHref={csv("participation-by-team")}
              />
            }
          />
        </Fold>
      </section>

      <section aria-labelledby="voices-heading" className="space-y-4">
        <h2 id="voices-heading" className="text-xl font-semibold">
          Voices
        </h2>
        <Fold label="Voices: how evenly contributions are spread">
          <p className="text-stone-700">
            How evenly contributions are spread: a few voices carrying the community is a risk, many
            voices a strength. Contributions are discussions, replies, published posts, sessions
            hosted and recognitions given.
          </p>
          <MeasureCards
            label="Voices figures"
            rows={measure}
            cards={[
              {
                measure: "top10-share",
                label: "Share from the top 10% of members",
                note: `${topTenNote(now.voices.members)} Lower is more even.`,
              },
              {
                measure: "gini",
                label: "Gini coefficient",
                note: "0 when everyone contributes equally, 1 when one member makes every contribution.",
              },
              { measure: "contributors", note: `Of ${formatNumber(now.voices.members)} members.` },
              { measure: "total-contributions" },
            ]}
          />
        </Fold>

        <div className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
          <h3 id="quiet-heading" className="text-lg font-semibold">
            Not heard from in {NOT_HEARD_DAYS} days
          </h3>
          <p className="text-stone-700">
            {quiet.total === 0
              ? `Everyone who joined more than ${NOT_HEARD_DAYS} days ago has been heard from lately.`
              : `${formatNumber(quiet.total)} ${quiet.total === 1 ? "member has" : "members have"} not started a discussion, replied, published, hosted or attended a session, or given or received recognition in the last ${NOT_HEARD_DAYS} days (whatever the period above).`}
          </p>
          {quiet.items.length ? (
            <>
              <ul aria-labelledby="quiet-heading" className="divide-y divide-stone-200">
                {quiet.items.map((member) => (
                  <li key={member.id} className="flex flex-wrap gap-x-3 py-2">
                    <Link href={`/members/${member.id}`} className="font-medium">
                      {member.name}
                    </Link>
                    <span className="text-stone-700">{member.teamName ?? "No team"}</span>
                    <span className="text-stone-600">
                      {member.lastHeardAt
                        ? `Last heard from ${formatCalendarDate(member.lastHeardAt)}`
                        : "Never heard from"}
                    </span>
                  </li>
                ))}
              </ul>
              <p className="text-stone-800">
                A personal invitation goes a long way: ask them to a session, for their view on a
                question, or to share what they know.
              </p>
              <CsvLink
                href={csv("not-heard-from")}
                what={`all ${formatNumber(quiet.total)} members not heard from in ${NOT_HEARD_DAYS} days`}
                text={
                  quiet.total > quiet.items.length
                    ? `See all ${formatNumber(quiet.total)} (CSV)`
                    : "Download the list (CSV)"
                }
              />
            </>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="knowledge-heading" className="space-y-4">
        <h2 id="knowledge-heading" className="text-xl font-semibold">
          Knowledge
        </h2>
        <Fold label="Knowledge: discussions, questions and posts">
          <MeasureCards
            label="Knowledge figures"
            rows={measure}
            cards={[
              { measure: "discussions" },
              { measure: "questions" },
              {
                measure: "answered-share",
                note: `${formatNumber(now.knowledge.questionsAnswered)} of ${formatNumber(now.knowledge.questions)} questions asked have an accepted answer.`,
              },
              {
                measure: "median-hours-to-first-answer",
                note: "From a question to the first reply by someone else.",
              },
              { measure: "posts-published" },
              { measure: "posts-past-review", note: "At the period's end." },
            ]}
          />
        </Fold>
      </section>

      <section aria-labelledby="sessions-heading" className="space-y-4">
        <h2 id="sessions-heading" className="text-xl font-semibold">
          Sessions
        </h2>
        <Fold label="Sessions: held, attendance, ratings and action items">
          <MeasureCards
            label="Session figures"
            rows={measure}
            cards={[
              { measure: "sessions-held" },
              {
                measure: "attendance-rate",
                label: "Attendance",
                note: `${formatNumber(now.sessions.attended)} attended of ${formatNumber(now.sessions.going)} going.`,
              },
              {
                measure: "average-rating",
                label: "Average rating",
                note: `From ${formatNumber(now.sessions.ratings)} ${now.sessions.ratings === 1 ? "rating" : "ratings"}.`,
              },
              {
                measure: "action-items-on-time-share",
                note: `${formatNumber(now.sessions.actionItemsDoneOnTime)} of ${formatNumber(now.sessions.actionItemsDue)} due in the period.`,
              },
            ]}
          />
        </Fold>
      </section>

      <section aria-labelledby="recognition-heading" className="space-y-4">
        <h2 id="recognition-heading" className="text-xl font-semibold">
          Recognition
        </h2>
        <Fold label="Recognition: every figure, by team and by value">
          <MeasureCards
            label="Recognition figures"
            rows={measure}
            cards={[
              { measure: "recognitions-given" },
              { measure: "recognitions-received", note: "One for each member thanked." },
              { measure: "distinct-recipients" },
            ]}
          />
          <div className="grid gap-8 lg:grid-cols-2">
            <ChartFigure
              caption={`Recognition received by team, ${span}`}
              chart={
                now.recognition.byTeam.length ? (
                  <InsightsBarChart
                    categoryKey="team"
                    series={[
                      { key: "received", name: "Received" },
                      { key: "recipients", name: "Members recognised" },
                    ]}
                    rows={now.recognition.byTeam.map((row) => ({
                      team: row.teamName,
                      received: row.received,
                      recipients: row.recipients,
                    }))}
                  />
                ) : null
              }
              table={
                <InsightsTable
                  caption={`Recognition by team, ${span}`}
                  columns={[
                    { label: "Team" },
                    { label: "Received", numeric: true },
                    { label: "Members recognised", numeric: true },
                  ]}
                  rows={now.recognition.byTeam.map((row) => ({
                    key: row.teamId ?? "none",
                    cells: [row.teamName, formatNumber(row.received), formatNumber(row.recipients)],
                  }))}
                  empty="No recognition in this period."
                  csvHref={csv("recognition-by-team")}
                />
              }
            />
            <ChartFigure
              caption={`Recognition by value, ${span}`}
              chart={
                now.recognition.byValue.length ? (
                  <InsightsBarChart
                    categoryKey="value"
                    series={[{ key: "given", name: "Given" }]}
                    rows={now.recognition.byValue.map((row) => ({
                      value: row.name,
                      given: row.count,
                    }))}
                  />
                ) : null
              }
              table={
                <InsightsTable
                  caption={`Recognition by value, ${span}`}
                  columns={[{ label: "Value" }, { label: "Given", numeric: true }]}
                  rows={now.recognition.byValue.map((row) => ({
                    key: row.valueId,
                    cells: [
                      <>
                        {row.emoji ? <span aria-hidden="true">{row.emoji} </span> : null}
                        {row.name}
                      </>,
                      formatNumber(row.count),
                    ],
                  }))}
                  empty="No company values yet."
                  csvHref={csv("recognition-by-value")}
                />
              }
            />
          </div>
        </Fold>
        <p className="text-sm">
          <Link href="/recognition/insights">How recognition is spread</Link>: who gives, and who
          has not been recognised lately.
        </p>
      </section>

      <section aria-labelledby="mentoring-heading" className="space-y-4">
        <h2 id="mentoring-heading" className="text-xl font-semibold">
          Mentoring
        </h2>
        <Fold label="Mentoring: pairings, check-ins and mentees waiting">
          <MeasureCards
            label="Mentoring figures"
            rows={measure}
            cards={[
              {
                measure: "active-pairings",
                label: "Active pairings",
                note: "Now, and at the end of the period before.",
              },
              { measure: "overdue-check-ins", note: "As of today: past check-ins are not kept." },
              { measure: "mentees-waiting", note: "Now, and at the end of the period before." },
            ]}
          />
        </Fold>
      </section>
    </div>
  );
}
