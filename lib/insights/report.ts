// The periodic review report: the key measures and their change since the
// previous period, the pulse surveys that closed in the period, and the oldest open action
// items. What a leadership team reviews twice a year; the page prints it.
//
// Survey figures are read here straight from PulseSurvey/PulseQuestion/PulseAnswer (after the
// closed surveys' sealed answers are released), and only for surveys whose organisation-wide
// responseCount meets the "surveys.minResponses" setting (the same threshold the survey
// results use); below it a survey is listed with shown: false and no figures at all. Only per-statement averages are read: never free text, never teams.
import "server-only";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import type { Database, TransactionClient } from "@/lib/core/db/create-client";
import { toDateInput, utcToday } from "@/lib/core/dates";
import { getSetting } from "@/lib/core/settings/queries";
import { releaseClosedSurveys } from "@/lib/surveys/sealed-answers";
import { healthFigures, INSIGHTS_PERMISSION, periodInfo, type PeriodInfo } from "./dashboard";
import { measureRows, REPORT_MEASURE_KEYS, type MeasureRow } from "./measures";
import type { Periods } from "./period";
import { LIVE_STATUS, rollupStatus, type RollupStatus } from "./rollup";
import { rows, sql, sqlb } from "@/lib/core/db/typed-sql";
import { everyoneReadsSql } from "@/lib/communities/visibility";
import { utcTimestamp, type SqlClient } from "./sql";

export const OPEN_ACTION_ITEMS_SHOWN = 10;

export interface ReportStatement {
  text: string;
  /** Average score 1–5; null when nobody scored it. */
  average: number | null;
  /** average − the previous round's average for the same statement (by text); null if none. */
  change: number | null;
}

export interface ReportSurvey {
  id: string;
  title: string;
  /** When it closed: closed early (closedAt) or at closesAt. */
  closedAt: Date;
  responseCount: number;
  /** Whether it met the threshold; when false, `statements` is empty. */
  shown: boolean;
  statements: ReportStatement[];
}

export interface OpenActionItem {
  id: string;
  title: string;
  ownerName: string;
  sessionTitle: string;
  sessionId: string;
  dueOn: Date | null;
  /** Whole days past the due date (0 when not yet due); null without a due date. */
  overdueDays: number | null;
}

export interface ReviewReport {
  period: PeriodInfo;
  keyMeasures: MeasureRow[];
  /** The "surveys.minResponses" threshold the surveys were held to. */
  minResponses: number;
  surveys: ReportSurvey[];
  openActionItems: OpenActionItem[];
  /** Where members' activity was read from (the page rebuilds a stale roll-up afterwards). */
  rollup: RollupStatus;
}

type ReportClient = Database | TransactionClient;

/**
 * Surveys that closed in the current period (and before now), oldest first, with each
 * statement's average and its change since the previous round when that round met the
 * threshold too. The statements (SCALE questions) are in the survey's order.
 */
async function closedSurveys(
  client: ReportClient,
  periods: Periods,
  minResponses: number,
  now: Date,
): Promise<ReportSurvey[]> {
  const query = sqlb
    .with("closed", (w) =>
      w
        .selectFrom("PulseSurvey as s")
        .select((eb) => [
          "s.id",
          "s.title",
          sql<Date>`LEAST(${eb.ref("s.closedAt")}, ${eb.ref("s.closesAt")})`.as("closedAt"),
          "s.responseCount",
          "s.previousRoundId",
        ])
        .where((eb) => {
          const closedAt = sql<Date>`LEAST(${eb.ref("s.closedAt")}, ${eb.ref("s.closesAt")})`;
          return eb.and([
            eb(closedAt, ">=", utcTimestamp(periods.current.from)),
            eb(closedAt, "<", utcTimestamp(periods.current.to)),
            eb(closedAt, "<=", utcTimestamp(now)),
          ]);
        }),
    )
    .selectFrom("closed as c")
    .select((eb) => {
      const statements = eb
        .selectFrom("PulseQuestion as q")
        .crossJoinLateral((l) =>
          l
            .selectFrom("PulseAnswer as a")
            .select((a) => sql<number | null>`AVG(${a.ref("a.score")})::float8`.as("average"))
            .whereRef("a.questionId", "=", "q.id")
            .where("a.score", "is not", null)
            .as("cur"),
        )
        .leftJoinLateral(
          (l) =>
            l
              .selectFrom("PulseSurvey as ps")
              .innerJoin("PulseQuestion as pq", (join) =>
                join
                  .onRef("pq.surveyId", "=", "ps.id")
                  .on("pq.kind", "=", sql<"SCALE">`'SCALE'`)
                  .onRef("pq.text", "=", "q.text"),
              )
              .innerJoin("PulseAnswer as a", (join) =>
                join.onRef("a.questionId", "=", "pq.id").on("a.score", "is not", null),
              )
              .select((a) => sql<number | null>`AVG(${a.ref("a.score")})::float8`.as("average"))
              .whereRef("ps.id", "=", "c.previousRoundId")
              .where("ps.responseCount", ">=", minResponses)
              .as("prev"),
          (join) => join.onTrue(),
        )
        .select((q) =>
          sql<ReportStatement[]>`COALESCE(json_agg(json_build_object(
                'text', ${q.ref("q.text")}, 'average', ${q.ref("cur.average")},
                'change', ${q.ref("cur.average")} - ${q.ref("prev.average")})
              ORDER BY ${q.ref("q.position")}, ${q.ref("q.id")}), '[]'::json)`.as("statements"),
        )
        .whereRef("q.surveyId", "=", "c.id")
        .where("q.kind", "=", sql<"SCALE">`'SCALE'`);
      return [
        "c.id",
        "c.title",
        "c.closedAt",
        "c.responseCount",
        sql<boolean>`(${eb.ref("c.responseCount")} >= ${minResponses})`.as("shown"),
        sql<
          ReportStatement[]
        >`CASE WHEN ${eb.ref("c.responseCount")} >= ${minResponses} THEN ${statements} ELSE '[]'::json END`.as(
          "statements",
        ),
      ];
    })
    .orderBy("c.closedAt", "asc")
    .orderBy("c.id", "asc");
  return rows(client, query);
}

/**
 * The open action items due longest ago: not done, of sessions not cancelled, by due date
 * (items without one last), then the oldest first.
 */
export async function openActionItems(client: SqlClient, now: Date): Promise<OpenActionItem[]> {
  const today = toDateInput(utcToday(now));
  return rows(
    client,
    sqlb
      .selectFrom("SessionActionItem as a")
      .innerJoin("LearningSession as s", (join) =>
        join.onRef("s.id", "=", "a.sessionId").on("s.status", "<>", sql<"CANCELLED">`'CANCELLED'`),
      )
      .innerJoin("User as u", "u.id", "a.ownerId")
      .select((eb) => [
        "a.id",
        "a.title",
        "u.name as ownerName",
        "s.title as sessionTitle",
        "s.id as sessionId",
        "a.dueOn",
        sql<number | null>`CASE WHEN ${eb.ref("a.dueOn")} IS NULL THEN NULL
             ELSE GREATEST(CAST(${today} AS date) - ${eb.ref("a.dueOn")}, 0) END::int`.as(
          "overdueDays",
        ),
      ])
      .where("a.doneAt", "is", null)
      // A report leaders share and export: no private community's session in it.
      .where(everyoneReadsSql("s"))
      .orderBy("a.dueOn", (o) => o.asc().nullsLast())
      .orderBy("a.createdAt", "asc")
      .orderBy("a.id", "asc")
      .limit(OPEN_ACTION_ITEMS_SHOWN),
  );
}

/** The report as `client` sees the data (no permission check: callers do it). */
export async function reviewReportAsSeenBy(
  client: ReportClient,
  periods: Periods,
  now = new Date(),
  rollup: RollupStatus = LIVE_STATUS,
): Promise<ReviewReport> {
  const minResponses = await getSetting("surveys.minResponses", client);
  // A survey that closed on its date still holds its answers sealed until something reads it.
  await releaseClosedSurveys(client, now);
  const [figures, surveys, items] = await Promise.all([
    healthFigures(client, periods, now, rollup.source),
    closedSurveys(client, periods, minResponses, now),
    openActionItems(client, now),
  ]);
  return {
    period: periodInfo(periods),
    keyMeasures: measureRows(figures, REPORT_MEASURE_KEYS),
    minResponses,
    surveys,
    openActionItems: items,
    rollup,
  };
}

/** The review report for leaders and admins. `periods` is parsePeriod()'s result. */
export async function reviewReport(
  actor: Actor,
  periods: Periods,
  now = new Date(),
): Promise<ReviewReport> {
  authorize(actor, INSIGHTS_PERMISSION);
  return reviewReportAsSeenBy(db, periods, now, await rollupStatus(db, now));
}
