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
import { byPeriod, periodsCte, visible, type Compared, type SqlClient } from "./sql";

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

interface GivenRow extends GivenFigures {
  key: string;
}

/** Recognitions given in each period, in total and by value. */
export async function recognitionGiven(
  client: SqlClient,
  periods: Periods,
): Promise<Compared<GivenFigures>> {
  const rows = await client.$queryRaw<GivenRow[]>`
    WITH ${periodsCte(periods)},
    given AS (
      SELECT p."key", g."id", g."valueId"
      FROM periods p
      JOIN "Recognition" g ON ${visible("g")} AND g."createdAt" >= p."from" AND g."createdAt" < p."to"
    )
    SELECT p."key",
      (SELECT COUNT(*)::int FROM given r WHERE r."key" = p."key") AS "given",
      (SELECT COALESCE(json_agg(json_build_object(
                'valueId', v."id", 'name', v."name", 'emoji', v."emoji", 'count', v."count")
              ORDER BY v."count" DESC, v."position" ASC, v."name" ASC, v."id"), '[]'::json)
         FROM (
           SELECT cv."id", cv."name", cv."emoji", cv."position", COUNT(r."id")::int AS "count"
           FROM "CompanyValue" cv
           LEFT JOIN given r ON r."valueId" = cv."id" AND r."key" = p."key"
           GROUP BY cv."id"
           HAVING cv."archivedAt" IS NULL OR COUNT(r."id") > 0
         ) v) AS "byValue"
    FROM periods p`;
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
