// Mentorship: active pairings, overdue check-ins, mentees waiting. The current figures are
// "now" (the programme's own summary rules); the previous ones are reconstructed as of the
// previous period's end from the dates the tables keep. One statement.
import "server-only";
import { HEALTH_SQL } from "@/lib/mentorship/health";
import { Prisma } from "@/lib/generated/prisma/client";
import { toDateInput, utcToday } from "@/lib/core/dates";
import type { Periods } from "./period";
import { ts, type Compared, type SqlClient } from "./sql";

export interface MentorshipFigures {
  /**
   * Current: pairings ACTIVE now. Previous: pairings running at the previous period's end:
   * started by then and not completed or ended before it (the programme trend's "active at the
   * month's end" rule), leaving out pairings paused now whose pause began before it (resuming
   * clears pausedAt, so they have been paused since). A pairing paused then and resumed
   * since cannot be told apart and counts as running.
   */
  activePairings: number;
  /**
   * Current: ACTIVE pairings overdue for a check-in today (HEALTH_SQL). Previous: null, as it
   * cannot be known historically (only the latest check-in date is kept on the pairing, and
   * cadences change).
   */
  overdue: number | null;
  /**
   * Current: requests WAITING now. Previous: requests made before the previous period's end
   * and not matched or withdrawn (resolvedAt) before it. Requests of deactivated members are
   * left out of both, as they cannot be paired.
   */
  menteesWaiting: number;
}

/** HEALTH_SQL for alias `p` with the UTC date written in (a date we formatted, no input). */
function healthSql(today: Date): Prisma.Sql {
  const day = toDateInput(today);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error("Invalid date for HEALTH_SQL.");
  return Prisma.raw(`(${HEALTH_SQL.replaceAll("$TODAY", `DATE '${day}'`)})`);
}

export async function mentorship(
  client: SqlClient,
  periods: Periods,
  now = new Date(),
): Promise<Compared<MentorshipFigures>> {
  const end = ts(periods.previous.to);
  const [row] = await client.$queryRaw<
    {
      activeNow: number;
      overdueNow: number;
      waitingNow: number;
      activeBefore: number;
      waitingBefore: number;
    }[]
  >`
    SELECT
      (SELECT COUNT(*)::int FROM "MentorPairing" p WHERE p."status" = 'ACTIVE') AS "activeNow",
      (SELECT COUNT(*)::int FROM "MentorPairing" p
        WHERE p."status" = 'ACTIVE' AND ${healthSql(utcToday(now))} = 'overdue') AS "overdueNow",
      (SELECT COUNT(*)::int FROM "MentorRequest" r JOIN "User" u ON u."id" = r."menteeId"
        WHERE r."status" = 'WAITING' AND u."status" = 'ACTIVE') AS "waitingNow",
      (SELECT COUNT(*)::int FROM "MentorPairing" p
        WHERE CAST(p."startsOn" AS timestamp) < ${end}
          AND (p."status" IN ('ACTIVE', 'PAUSED') OR COALESCE(p."completedAt", p."endedAt") >= ${end})
          AND NOT (p."status" = 'PAUSED' AND p."pausedAt" IS NOT NULL AND p."pausedAt" < ${end})
      ) AS "activeBefore",
      (SELECT COUNT(*)::int FROM "MentorRequest" r JOIN "User" u ON u."id" = r."menteeId"
        WHERE r."createdAt" < ${end} AND u."status" = 'ACTIVE'
          AND (r."resolvedAt" IS NULL OR r."resolvedAt" >= ${end})
      ) AS "waitingBefore"`;
  return {
    current: {
      activePairings: row?.activeNow ?? 0,
      overdue: row?.overdueNow ?? 0,
      menteesWaiting: row?.waitingNow ?? 0,
    },
    previous: {
      activePairings: row?.activeBefore ?? 0,
      overdue: null,
      menteesWaiting: row?.waitingBefore ?? 0,
    },
  };
}
