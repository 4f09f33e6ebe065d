// Which round of its survey each survey is: 1 for the first, 2 for the one run again after
// it, and so on, by walking previousRoundId back in SQL. Reads only survey ids; callers
// (the leaders' pages) have checked the permission to read results.
import "server-only";
import { db } from "@/lib/core/db/client";

/** Round numbers by survey id, for the given surveys. */
export async function roundNumbers(ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await db.$queryRaw<{ id: string; round: number }[]>`
    WITH RECURSIVE chain AS (
      SELECT s."id" AS "start", s."previousRoundId" AS "previous", 1 AS "round"
      FROM "PulseSurvey" s
      WHERE s."id" = ANY(${ids})
      UNION ALL
      SELECT c."start", s."previousRoundId", c."round" + 1
      FROM chain c
      JOIN "PulseSurvey" s ON s."id" = c."previous"
      WHERE c."round" < 1000
    )
    SELECT "start" AS "id", MAX("round")::int AS "round" FROM chain GROUP BY "start"`;
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
