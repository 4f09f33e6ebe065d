// Recognition: given, received, and the spread by team and by value. The same rules as the
// recognition leaders' view (lib/recognition/insights.ts): public recognitions only (private
// feedback is another table, never read), deleted and hidden ones left out, recipients counted
// in the team they are in now, archived values listed only when the period used them. That
// module reads through the app's client only, so the figures are written here again for a
// client (tests run them in a transaction) and for both periods in one statement.
import "server-only";
import type { Periods } from "./period";
import { NO_TEAM } from "./figures-members";
import { byPeriod, periodsCte, visible, type Compared, type SqlClient } from "./sql";

export interface TeamRecognition {
  teamId: string | null;
  /** "No team" for recipients in no team. */
  teamName: string;
  /** Times the team's members were recognised (one per recipient row). */
  received: number;
  /** Distinct members of the team recognised. */
  recipients: number;
}

export interface ValueRecognition {
  valueId: string;
  name: string;
  emoji: string;
  /** Recognitions given for the value. */
  count: number;
}

export interface RecognitionFigures {
  /** Public recognitions given in the period. */
  given: number;
  /** Their recipient rows. */
  received: number;
  distinctRecipients: number;
  /** By the recipients' team, most received first. */
  byTeam: TeamRecognition[];
  /** Every current value (zeros included) and archived ones used; most given first. */
  byValue: ValueRecognition[];
}

interface RecognitionRow {
  key: string;
  given: number;
  received: number;
  distinctRecipients: number;
  byTeam: TeamRecognition[];
  byValue: ValueRecognition[];
}

export async function recognition(
  client: SqlClient,
  periods: Periods,
): Promise<Compared<RecognitionFigures>> {
  const rows = await client.$queryRaw<RecognitionRow[]>`
    WITH ${periodsCte(periods)},
    given AS (
      SELECT p."key", g."id", g."valueId"
      FROM periods p
      JOIN "Recognition" g ON ${visible("g")} AND g."createdAt" >= p."from" AND g."createdAt" < p."to"
    ),
    received AS (
      SELECT r."key", rr."userId", u."teamId"
      FROM given r
      JOIN "RecognitionRecipient" rr ON rr."recognitionId" = r."id"
      JOIN "User" u ON u."id" = rr."userId"
    )
    SELECT p."key",
      (SELECT COUNT(*)::int FROM given r WHERE r."key" = p."key") AS "given",
      (SELECT COUNT(*)::int FROM received x WHERE x."key" = p."key") AS "received",
      (SELECT COUNT(DISTINCT x."userId")::int FROM received x WHERE x."key" = p."key") AS "distinctRecipients",
      (SELECT COALESCE(json_agg(json_build_object(
                'teamId', t."teamId", 'teamName', COALESCE(t."teamName", ${NO_TEAM}),
                'received', t."received", 'recipients', t."recipients")
              ORDER BY t."received" DESC, t."teamName" ASC NULLS LAST, t."teamId"), '[]'::json)
         FROM (
           SELECT x."teamId", tm."name" AS "teamName", COUNT(*)::int AS "received",
                  COUNT(DISTINCT x."userId")::int AS "recipients"
           FROM received x LEFT JOIN "Team" tm ON tm."id" = x."teamId"
           WHERE x."key" = p."key"
           GROUP BY x."teamId", tm."name"
         ) t) AS "byTeam",
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
  return byPeriod(rows, (row) => ({
    given: row?.given ?? 0,
    received: row?.received ?? 0,
    distinctRecipients: row?.distinctRecipients ?? 0,
    byTeam: row?.byTeam ?? [],
    byValue: row?.byValue ?? [],
  }));
}
