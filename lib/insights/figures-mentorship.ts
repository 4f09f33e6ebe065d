// Mentorship: active pairings, overdue check-ins, mentees waiting. The current figures are
// "now" (the programme's own summary rules); the previous ones are reconstructed as of the
// previous period's end from the dates the tables keep. One statement.
import "server-only";
import { HEALTH_SQL } from "@/lib/mentorship/health";
import { rows, sql, sqlb } from "@/lib/core/db/typed-sql";
import { toDateInput, utcToday } from "@/lib/core/dates";
import type { Periods } from "./period";
import { utcTimestamp, type Compared, type SqlClient } from "./sql";

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
function healthSql(today: Date) {
  const day = toDateInput(today);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error("Invalid date for HEALTH_SQL.");
  return sql<string>`${sql.raw(`(${HEALTH_SQL.replaceAll("$TODAY", `DATE '${day}'`)})`)}`;
}

export async function mentorship(
  client: SqlClient,
  periods: Periods,
  now = new Date(),
): Promise<Compared<MentorshipFigures>> {
  const end = utcTimestamp(periods.previous.to);
  const count = sql<number>`COUNT(*)::int`.as("n");
  const [row] = await rows(
    client,
    sqlb.selectNoFrom((eb) => [
      eb
        .selectFrom("MentorPairing as p")
        .select(count)
        .where("p.status", "=", sql<"ACTIVE">`'ACTIVE'`)
        .as("activeNow"),
      eb
        .selectFrom("MentorPairing as p")
        .select(count)
        .where((w) =>
          w.and([
            w("p.status", "=", sql<"ACTIVE">`'ACTIVE'`),
            // HEALTH_SQL names the pairing's columns on alias p in its own text.
            w(healthSql(utcToday(now)), "=", sql<string>`'overdue'`),
          ]),
        )
        .as("overdueNow"),
      eb
        .selectFrom("MentorRequest as r")
        .innerJoin("User as u", "u.id", "r.menteeId")
        .select(count)
        .where((w) =>
          w.and([
            w("r.status", "=", sql<"WAITING">`'WAITING'`),
            w("u.status", "=", sql<"ACTIVE">`'ACTIVE'`),
          ]),
        )
        .as("waitingNow"),
      eb
        .selectFrom("MentorPairing as p")
        .select(count)
        .where((w) =>
          w.and([
            w(sql<Date>`CAST(${w.ref("p.startsOn")} AS timestamp)`, "<", end),
            w.or([
              w("p.status", "in", [sql<"ACTIVE">`'ACTIVE'`, sql<"PAUSED">`'PAUSED'`]),
              w(
                sql<Date | null>`COALESCE(${w.ref("p.completedAt")}, ${w.ref("p.endedAt")})`,
                ">=",
                end,
              ),
            ]),
            w.not(
              w.and([
                w("p.status", "=", sql<"PAUSED">`'PAUSED'`),
                w("p.pausedAt", "is not", null),
                w("p.pausedAt", "<", end),
              ]),
            ),
          ]),
        )
        .as("activeBefore"),
      eb
        .selectFrom("MentorRequest as r")
        .innerJoin("User as u", "u.id", "r.menteeId")
        .select(count)
        .where((w) =>
          w.and([
            w("r.createdAt", "<", end),
            w("u.status", "=", sql<"ACTIVE">`'ACTIVE'`),
            w.or([w("r.resolvedAt", "is", null), w("r.resolvedAt", ">=", end)]),
          ]),
        )
        .as("waitingBefore"),
    ]),
  );
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
