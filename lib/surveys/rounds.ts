// Which round of its survey each survey is: 1 for the first, 2 for the one run again after
// it, and so on, by walking previousRoundId back in SQL. Reads only survey ids; callers
// (the leaders' pages) have checked the permission to read results.
import "server-only";
import { db } from "@/lib/core/db/client";
import { rows as run, sql, sqlb } from "@/lib/core/db/typed-sql";

/** Round numbers by survey id, for the given surveys. */
export async function roundNumbers(ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await run(
    db,
    sqlb
      .withRecursive("chain(start, previous, round)", (w) =>
        w
          .selectFrom("PulseSurvey as s")
          .select(["s.id as start", "s.previousRoundId as previous", sql<number>`1`.as("round")])
          .where("s.id", "=", sql<string>`ANY(${ids})`)
          .unionAll((u) =>
            u
              .selectFrom("chain as c")
              .innerJoin("PulseSurvey as s", "s.id", "c.previous")
              .select((eb) => [
                "c.start",
                "s.previousRoundId as previous",
                sql<number>`${eb.ref("c.round")} + 1`.as("round"),
              ])
              .where("c.round", "<", sql<number>`1000`),
          ),
      )
      .selectFrom("chain")
      .select((eb) => ["start as id", sql<number>`MAX(${eb.ref("round")})::int`.as("round")])
      .groupBy("start"),
  );
  return new Map(rows.map((row) => [row.id, row.round]));
}

/** The round run after this survey, if it was run again. */
export async function nextRoundOf(id: string): Promise<string | null> {
  const next = await db.pulseSurvey.findUnique({
    where: { previousRoundId: id },
    select: { id: true },
  });
  return next?.id ?? null;
}

/** "Round 2 of Learning culture pulse"; just the title for a survey never run again. */
export function roundTitle(title: string, round: number, hasNextRound: boolean): string {
  return round > 1 || hasNextRound ? `Round ${round} of ${title}` : title;
}
