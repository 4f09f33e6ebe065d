// Sessions: held, attendance, ratings and action items done on time. One statement for
// both periods.
import "server-only";
import type { Periods } from "./period";
import { rows as run, sql, sqlb } from "@/lib/core/db/typed-sql";
import { byPeriod, periodsQuery, utcTimestamp, type Compared, type SqlClient } from "./sql";

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
  const notCancelled = sql<"CANCELLED">`'CANCELLED'`;
  const query = sqlb
    .with("periods", () => periodsQuery(periods))
    .with("held", (w) =>
      w
        .selectFrom("periods as p")
        .innerJoin("LearningSession as s", (join) =>
          join
            .onRef("s.startsAt", ">=", "p.from")
            .onRef("s.startsAt", "<", "p.to")
            .on("s.startsAt", "<", utcTimestamp(now))
            .on("s.status", "<>", notCancelled),
        )
        .select(["p.key", "s.id"]),
    )
    .selectFrom("periods as p")
    .crossJoinLateral((l) =>
      l
        .selectFrom("held as h")
        .select(sql<number>`COUNT(*)::int`.as("held"))
        .whereRef("h.key", "=", "p.key")
        .as("h"),
    )
    .crossJoinLateral((l) =>
      l
        .selectFrom("held as h")
        .innerJoin("SessionRsvp as v", "v.sessionId", "h.id")
        .select((eb) => [
          sql<number>`(COUNT(*) FILTER (WHERE ${eb.ref("v.status")} = 'GOING'))::int`.as("going"),
          sql<number>`COUNT(${eb.ref("v.attendedAt")})::int`.as("attended"),
        ])
        .whereRef("h.key", "=", "p.key")
        .as("r"),
    )
    .crossJoinLateral((l) =>
      l
        .selectFrom("held as h")
        .innerJoin("SessionFeedback as f", "f.sessionId", "h.id")
        .select((eb) => [
          sql<number | null>`AVG(${eb.ref("f.rating")})::float8`.as("averageRating"),
          sql<number>`COUNT(*)::int`.as("ratings"),
        ])
        .whereRef("h.key", "=", "p.key")
        .as("f"),
    )
    .crossJoinLateral((l) =>
      l
        .selectFrom("SessionActionItem as a")
        .innerJoin("LearningSession as s", (join) =>
          join.onRef("s.id", "=", "a.sessionId").on("s.status", "<>", notCancelled),
        )
        .select((eb) => [
          sql<number>`COUNT(*)::int`.as("actionItemsDue"),
          sql<number>`(COUNT(*) FILTER (
              WHERE ${eb.ref("a.doneAt")} < CAST(${eb.ref("a.dueOn")} AS timestamp) + INTERVAL '1 day'
            ))::int`.as("actionItemsDoneOnTime"),
        ])
        .where((eb) => {
          const due = sql<Date>`CAST(${eb.ref("a.dueOn")} AS timestamp)`;
          return eb.and([eb(due, ">=", eb.ref("p.from")), eb(due, "<", eb.ref("p.to"))]);
        })
        .as("i"),
    )
    .select((eb) => [
      "p.key",
      "h.held",
      "r.going",
      "r.attended",
      sql<number | null>`(${eb.ref("r.attended")}::float8 / NULLIF(${eb.ref("r.going")}, 0))`.as(
        "attendanceRate",
      ),
      "f.averageRating",
      "f.ratings",
      "i.actionItemsDue",
      "i.actionItemsDoneOnTime",
      sql<
        number | null
      >`(${eb.ref("i.actionItemsDoneOnTime")}::float8 / NULLIF(${eb.ref("i.actionItemsDue")}, 0))`.as(
        "actionItemsOnTimeShare",
      ),
    ]);
  const rows = await run(client, query);
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
