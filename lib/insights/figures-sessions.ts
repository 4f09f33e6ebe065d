// Sessions: held, attendance, ratings and action items done on time. One statement for
// both periods.
import "server-only";
import type { Periods } from "./period";
import { byPeriod, periodsCte, ts, type Compared, type SqlClient } from "./sql";

export interface SessionFigures {
  /** Sessions not cancelled that started in the period, before now. */
  held: number;
  /** GOING RSVPs of the sessions held. */
  going: number;
  /** RSVPs of the sessions held marked attended (attendedAt). */
  attended: number;
  /** attended / going; null when nobody was going. */
  attendanceRate: number | null;
  /** Average rating (1–5) of the sessions held, anonymous ratings included; null if none. */
  averageRating: number | null;
  ratings: number;
  /** Action items due (dueOn) in the period, of sessions not cancelled. */
  actionItemsDue: number;
  /** Of those, the ones done by the end of their due day (UTC). */
  actionItemsDoneOnTime: number;
  /** actionItemsDoneOnTime / actionItemsDue; null when none was due. */
  actionItemsOnTimeShare: number | null;
}

export async function sessions(
  client: SqlClient,
  periods: Periods,
  now = new Date(),
): Promise<Compared<SessionFigures>> {
  const rows = await client.$queryRaw<(SessionFigures & { key: string })[]>`
    WITH ${periodsCte(periods)},
    held AS (
      SELECT p."key", s."id"
      FROM periods p
      JOIN "LearningSession" s ON s."startsAt" >= p."from" AND s."startsAt" < p."to"
       AND s."startsAt" < ${ts(now)} AND s."status" <> 'CANCELLED'
    )
    SELECT p."key", h."held", r."going", r."attended",
           (r."attended"::float8 / NULLIF(r."going", 0)) AS "attendanceRate",
           f."averageRating", f."ratings",
           i."actionItemsDue", i."actionItemsDoneOnTime",
           (i."actionItemsDoneOnTime"::float8 / NULLIF(i."actionItemsDue", 0)) AS "actionItemsOnTimeShare"
    FROM periods p
    CROSS JOIN LATERAL (SELECT COUNT(*)::int AS "held" FROM held h WHERE h."key" = p."key") h
    CROSS JOIN LATERAL (
      SELECT (COUNT(*) FILTER (WHERE v."status" = 'GOING'))::int AS "going",
             COUNT(v."attendedAt")::int AS "attended"
      FROM held h JOIN "SessionRsvp" v ON v."sessionId" = h."id"
      WHERE h."key" = p."key"
    ) r
    CROSS JOIN LATERAL (
      SELECT AVG(f."rating")::float8 AS "averageRating", COUNT(*)::int AS "ratings"
      FROM held h JOIN "SessionFeedback" f ON f."sessionId" = h."id"
      WHERE h."key" = p."key"
    ) f
    CROSS JOIN LATERAL (
      SELECT COUNT(*)::int AS "actionItemsDue",
             (COUNT(*) FILTER (
               WHERE a."doneAt" < CAST(a."dueOn" AS timestamp) + INTERVAL '1 day'
             ))::int AS "actionItemsDoneOnTime"
      FROM "SessionActionItem" a
      JOIN "LearningSession" s ON s."id" = a."sessionId" AND s."status" <> 'CANCELLED'
      WHERE CAST(a."dueOn" AS timestamp) >= p."from" AND CAST(a."dueOn" AS timestamp) < p."to"
    ) i`;
  return byPeriod(rows, (row) => ({
    held: row?.held ?? 0,
    going: row?.going ?? 0,
    attended: row?.attended ?? 0,
    attendanceRate: row?.attendanceRate ?? null,
    averageRating: row?.averageRating ?? null,
    ratings: row?.ratings ?? 0,
    actionItemsDue: row?.actionItemsDue ?? 0,
    actionItemsDoneOnTime: row?.actionItemsDoneOnTime ?? 0,
    actionItemsOnTimeShare: row?.actionItemsOnTimeShare ?? null,
  }));
}
