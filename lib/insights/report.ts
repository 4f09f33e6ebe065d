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
import { ts, type SqlClient } from "./sql";

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
  return client.$queryRaw<ReportSurvey[]>`
    WITH closed AS (
      SELECT s."id", s."title", LEAST(s."closedAt", s."closesAt") AS "closedAt",
             s."responseCount", s."previousRoundId"
      FROM "PulseSurvey" s
      WHERE LEAST(s."closedAt", s."closesAt") >= ${ts(periods.current.from)}
        AND LEAST(s."closedAt", s."closesAt") < ${ts(periods.current.to)}
        AND LEAST(s."closedAt", s."closesAt") <= ${ts(now)}
    )
    SELECT c."id", c."title", c."closedAt", c."responseCount",
           (c."responseCount" >= ${minResponses}) AS "shown",
           CASE WHEN c."responseCount" >= ${minResponses} THEN (
             SELECT COALESCE(json_agg(json_build_object(
                      'text', q."text", 'average', cur."average",
                      'change', cur."average" - prev."average")
                    ORDER BY q."position", q."id"), '[]'::json)
             FROM "PulseQuestion" q
             CROSS JOIN LATERAL (
               SELECT AVG(a."score")::float8 AS "average" FROM "PulseAnswer" a
               WHERE a."questionId" = q."id" AND a."score" IS NOT NULL
             ) cur
             LEFT JOIN LATERAL (
               SELECT AVG(a."score")::float8 AS "average"
               FROM "PulseSurvey" ps
               JOIN "PulseQuestion" pq ON pq."surveyId" = ps."id" AND pq."kind" = 'SCALE'
                AND pq."text" = q."text"
               JOIN "PulseAnswer" a ON a."questionId" = pq."id" AND a."score" IS NOT NULL
               WHERE ps."id" = c."previousRoundId" AND ps."responseCount" >= ${minResponses}
             ) prev ON TRUE
             WHERE q."surveyId" = c."id" AND q."kind" = 'SCALE'
           ) ELSE '[]'::json END AS "statements"
    FROM closed c
    ORDER BY c."closedAt" ASC, c."id" ASC`;
}

/**
 * The open action items due longest ago: not done, of sessions not cancelled, by due date
 * (items without one last), then the oldest first.
 */
export async function openActionItems(client: SqlClient, now: Date): Promise<OpenActionItem[]> {
  const today = toDateInput(utcToday(now));
  return client.$queryRaw<OpenActionItem[]>`
    SELECT a."id", a."title", u."name" AS "ownerName", s."title" AS "sessionTitle",
           s."id" AS "sessionId", a."dueOn",
           CASE WHEN a."dueOn" IS NULL THEN NULL
                ELSE GREATEST(CAST(${today} AS date) - a."dueOn", 0) END::int AS "overdueDays"
    FROM "SessionActionItem" a
    JOIN "LearningSession" s ON s."id" = a."sessionId" AND s."status" <> 'CANCELLED'
    JOIN "User" u ON u."id" = a."ownerId"
    WHERE a."doneAt" IS NULL
    ORDER BY a."dueOn" ASC NULLS LAST, a."createdAt" ASC, a."id" ASC
    LIMIT ${OPEN_ACTION_ITEMS_SHOWN}`;
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
