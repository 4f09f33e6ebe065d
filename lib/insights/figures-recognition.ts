// Recognition: given, received, and the spread by team and by value. The same rules as the
// recognition leaders' view (lib/recognition/spread.ts): public recognitions only (private
// feedback is another table, never read), deleted and hidden ones left out, recipients counted
// in the team they are in now, archived values listed only when the period used them. That
// module reads through the app's client only, so the figures are written here again for a
// client (tests run them in a transaction) and for both periods at once. Given and by value
// are counted here from the recognitions; received and by team come with the other members'
// figures (memberFigures), which may read the roll-up.
import "server-only";
import type { Periods } from "./period";
import { memberFigures, type ReceivedFigures, type TeamReceived } from "./figures-members";
import { LIVE, type ActivitySource } from "./rollup";
import { rows as run, sql, sqlb } from "@/lib/core/db/typed-sql";
import { byPeriod, periodsQuery, type Compared, type SqlClient } from "./sql";

export type TeamRecognition = TeamReceived;

export interface ValueRecognition {
  valueId: string;
  name: string;
  emoji: string;
  /** Recognitions given for the value. */
  count: number;
}

export interface GivenFigures {
  /** Public recognitions given in the period. */
  given: number;
  /** Every current value (zeros included) and archived ones used; most given first. */
  byValue: ValueRecognition[];
}

export type RecognitionFigures = GivenFigures & ReceivedFigures;

/** Recognitions given in each period, in total and by value. */
export async function recognitionGiven(
  client: SqlClient,
  periods: Periods,
): Promise<Compared<GivenFigures>> {
  const query = sqlb
    .with("periods", () => periodsQuery(periods))
    .with("given", (w) =>
      w
        .selectFrom("periods as p")
        .innerJoin("Recognition as g", (join) =>
          join
            .on("g.deletedAt", "is", null)
            .on("g.hiddenAt", "is", null)
            .onRef("g.createdAt", ">=", "p.from")
            .onRef("g.createdAt", "<", "p.to"),
        )
        .select(["p.key", "g.id", "g.valueId"]),
    )
    .selectFrom("periods as p")
    .select((eb) => [
      "p.key",
      eb
        .selectFrom("given as r")
        .select(sql<number>`COUNT(*)::int`.as("given"))
        .whereRef("r.key", "=", "p.key")
        .as("given"),
      eb
        .selectFrom((outer) =>
          outer
            .selectFrom("CompanyValue as cv")
            .leftJoin("given as r", (join) =>
              join.onRef("r.valueId", "=", "cv.id").onRef("r.key", "=", "p.key"),
            )
            .select((v) => [
              "cv.id",
              "cv.name",
              "cv.emoji",
              "cv.position",
              sql<number>`COUNT(${v.ref("r.id")})::int`.as("count"),
            ])
            .groupBy("cv.id")
            .having((v) =>
              v.or([v("cv.archivedAt", "is", null), v(sql`COUNT(${v.ref("r.id")})`, ">", 0)]),
            )
            .as("v"),
        )
        .select((v) =>
          sql<ValueRecognition[]>`COALESCE(json_agg(json_build_object(
              'valueId', ${v.ref("v.id")}, 'name', ${v.ref("v.name")}, 'emoji', ${v.ref("v.emoji")},
              'count', ${v.ref("v.count")})
            ORDER BY ${v.ref("v.count")} DESC, ${v.ref("v.position")} ASC, ${v.ref("v.name")} ASC,
              ${v.ref("v.id")}), '[]'::json)`.as("byValue"),
        )
        .as("byValue"),
    ]);
  const rows = await run(client, query);
  return byPeriod(rows, (row) => ({ given: row?.given ?? 0, byValue: row?.byValue ?? [] }));
}

/** Given (recognitionGiven) and received (memberFigures) together, period by period. */
export function recognitionOf(
  given: Compared<GivenFigures>,
  received: Compared<ReceivedFigures>,
): Compared<RecognitionFigures> {
  return {
    current: { ...given.current, ...received.current },
    previous: { ...given.previous, ...received.previous },
  };
}

/** Recognition alone (two statements; the dashboard shares memberFigures' instead). */
export async function recognition(
  client: SqlClient,
  periods: Periods,
  now = new Date(),
  source: ActivitySource = LIVE,
): Promise<Compared<RecognitionFigures>> {
  const [given, members] = await Promise.all([
    recognitionGiven(client, periods),
    memberFigures(client, periods, now, source),
  ]);
  return recognitionOf(given, members.received);
}
