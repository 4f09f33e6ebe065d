// Participation, voices and recognition received: who takes part, who contributes, how evenly
// contributions are spread, and who is recognised. One statement counts all three for both
// periods from each member's activity (memberPeriodsSql, from the roll-up where it can);
// nothing is counted in JS.
//
// Members are ACTIVE members (deactivated ones are left out everywhere) who joined before the
// period's end, in the team they are in now. Survey receipts are never read: they must not
// reveal who answered.
import "server-only";
import type { Periods } from "./period";
import { LIVE, memberPeriodsSql, type ActivitySource } from "./rollup";
import { byPeriod, periodsCte, type Compared, type SqlClient } from "./sql";

export interface TeamParticipation {
  /** Null for members in no team. */
  teamId: string | null;
  /** "No team" for members in no team. */
  teamName: string;
  members: number;
  active: number;
  contributing: number;
}

export interface ParticipationFigures {
  /** Members who did anything in the period (see activity.ts). */
  membersActive: number;
  /** Members who posted, answered, hosted a held session or gave a recognition. */
  membersContributing: number;
  /** ACTIVE members who joined before the period's end. */
  totalMembers: number;
  /** By team (named teams by name, then "No team"), teams with members only. */
  byTeam: TeamParticipation[];
}

export const NO_TEAM = "No team";

export interface VoicesFigures {
  /** Members in the distribution: ACTIVE members who joined before the period's end. */
  members: number;
  /** Members with at least one contribution. */
  contributors: number;
  totalContributions: number;
  /**
   * Share (0–1) of all contributions made by the top 10% of members by contributions:
   * ceil(members / 10) members, ties broken by id. Null when nobody contributed.
   */
  top10Share: number | null;
  /** Gini coefficient of contributions per member (0 = all equal, 1 = one member makes all). */
  gini: number | null;
}

export interface TeamReceived {
  teamId: string | null;
  /** "No team" for recipients in no team. */
  teamName: string;
  /** Times the team's members were recognised (one per recipient row). */
  received: number;
  /** Distinct members of the team recognised. */
  recipients: number;
}

export interface ReceivedFigures {
  /** Recipient rows of the public recognitions given in the period. */
  received: number;
  distinctRecipients: number;
  /** By the recipients' team now (any status), most received first. */
  byTeam: TeamReceived[];
}

export interface MemberFigures {
  participation: Compared<ParticipationFigures>;
  voices: Compared<VoicesFigures>;
  received: Compared<ReceivedFigures>;
}

interface MemberFiguresRow {
  key: string;
  participation: ParticipationFigures | null;
  voices: VoicesFigures | null;
  received: ReceivedFigures | null;
}

/**
 * Participation: members active (a contribution or other activity in the period) and
 * contributing (a contribution), in total and by team.
 *
 * Voices: each member's contributions over all members, zeros included. The top 10% are the
 * last k = ceil(n / 10) of the n members in ascending order of contributions. Gini, with x
 * sorted ascending and i from 1: G = (2·Σ i·x_i) / (n·Σx) − (n + 1) / n, null when Σx = 0,
 * taken as (2·Σ i·x_i − (n + 1)·Σx) / (n·Σx) so that equal shares give exactly 0.
 * Both sums are taken over the distinct values instead of sorting every member: the c members
 * with value x, after the `below` members with less, hold positions below+1 … below+c, so they
 * add x·(2·c·below + c(c+1)) to 2·Σ i·x_i, and those of them past position n − k are in the
 * top.
 *
 * Received: recognitions received, by the recipients' team (whatever their status).
 */
export async function memberFigures(
  client: SqlClient,
  periods: Periods,
  now = new Date(),
  source: ActivitySource = LIVE,
): Promise<MemberFigures> {
  const rows = await client.$queryRaw<MemberFiguresRow[]>`
    WITH ${periodsCte(periods)},
    per AS MATERIALIZED (${memberPeriodsSql(periods, now, source)}),
    members AS MATERIALIZED (
      SELECT p."key", u."id", u."teamId", COALESCE(x."active", FALSE) AS "active",
             CAST(COALESCE(x."contributions", 0) AS bigint) AS "x"
      FROM periods p
      JOIN "User" u ON u."status" = 'ACTIVE' AND u."createdAt" < p."to"
      LEFT JOIN per x ON x."key" = p."key" AND x."uid" = u."id"
    ),
    teams AS MATERIALIZED (
      SELECT m."key", m."teamId", COALESCE(t."name", ${NO_TEAM}) AS "teamName",
             t."name" AS "sortName", COUNT(*)::int AS "members",
             (COUNT(*) FILTER (WHERE m."active"))::int AS "active",
             (COUNT(*) FILTER (WHERE m."x" > 0))::int AS "contributing"
      FROM members m LEFT JOIN "Team" t ON t."id" = m."teamId"
      GROUP BY m."key", m."teamId", t."name"
    ),
    spread AS (
      SELECT "key", "x", COUNT(*) AS "c" FROM members GROUP BY "key", "x"
    ),
    placed AS (
      SELECT "key", "x", "c",
             SUM("c") OVER (PARTITION BY "key" ORDER BY "x" ROWS UNBOUNDED PRECEDING) - "c" AS "below",
             SUM("c") OVER (PARTITION BY "key") AS "n"
      FROM spread
    ),
    sums AS MATERIALIZED (
      SELECT "key", MAX("n") AS "n", SUM("x" * "c") AS "total",
             SUM("c") FILTER (WHERE "x" > 0) AS "contributors",
             SUM("x" * GREATEST(0, LEAST("c", "below" + "c" - ("n" - CEIL("n" / 10.0))))) AS "top",
             SUM("x" * (2 * "c" * "below" + "c" * ("c" + 1))) AS "weighted2"
      FROM placed GROUP BY "key"
    ),
    received AS MATERIALIZED (
      SELECT x."key", u."teamId", COALESCE(t."name", ${NO_TEAM}) AS "teamName",
             t."name" AS "sortName", SUM(x."received")::int AS "received",
             COUNT(*)::int AS "recipients"
      FROM per x JOIN "User" u ON u."id" = x."uid" LEFT JOIN "Team" t ON t."id" = u."teamId"
      WHERE x."received" > 0
      GROUP BY x."key", u."teamId", t."name"
    )
    SELECT p."key",
      (SELECT json_build_object(
                'membersActive', COALESCE(SUM(t."active"), 0),
                'membersContributing', COALESCE(SUM(t."contributing"), 0),
                'totalMembers', COALESCE(SUM(t."members"), 0),
                'byTeam', COALESCE(json_agg(json_build_object(
                    'teamId', t."teamId", 'teamName', t."teamName", 'members', t."members",
                    'active', t."active", 'contributing', t."contributing")
                  ORDER BY t."sortName" ASC NULLS LAST, t."teamId" ASC NULLS LAST), '[]'::json))
         FROM teams t WHERE t."key" = p."key") AS "participation",
      (SELECT json_build_object(
                'members', COALESCE(s."n", 0),
                'contributors', COALESCE(s."contributors", 0),
                'totalContributions', COALESCE(s."total", 0),
                'top10Share', CAST(s."top" / NULLIF(s."total", 0) AS float8),
                'gini', CAST((s."weighted2" - (s."n" + 1) * s."total")
                             / NULLIF(s."n" * s."total", 0) AS float8))
         FROM sums s WHERE s."key" = p."key") AS "voices",
      (SELECT json_build_object(
                'received', COALESCE(SUM(g."received"), 0),
                'distinctRecipients', COALESCE(SUM(g."recipients"), 0),
                'byTeam', COALESCE(json_agg(json_build_object(
                    'teamId', g."teamId", 'teamName', g."teamName",
                    'received', g."received", 'recipients', g."recipients")
                  ORDER BY g."received" DESC, g."sortName" ASC NULLS LAST, g."teamId"), '[]'::json))
         FROM received g WHERE g."key" = p."key") AS "received"
    FROM periods p`;
  return {
    participation: byPeriod(rows, (row) => row?.participation ?? NO_PARTICIPATION),
    voices: byPeriod(rows, (row) => row?.voices ?? NO_VOICES),
    received: byPeriod(rows, (row) => row?.received ?? NO_RECEIVED),
  };
}

const NO_PARTICIPATION: ParticipationFigures = {
  membersActive: 0,
  membersContributing: 0,
  totalMembers: 0,
  byTeam: [],
};
const NO_VOICES: VoicesFigures = {
  members: 0,
  contributors: 0,
  totalContributions: 0,
  top10Share: null,
  gini: null,
};
const NO_RECEIVED: ReceivedFigures = { received: 0, distinctRecipients: 0, byTeam: [] };

/** Participation alone (memberFigures' statement; for the CSV and tests). */
export async function participation(
  client: SqlClient,
  periods: Periods,
  now = new Date(),
  source: ActivitySource = LIVE,
): Promise<Compared<ParticipationFigures>> {
  return (await memberFigures(client, periods, now, source)).participation;
}

/** Voices alone (memberFigures' statement; for tests). */
export async function voices(
  client: SqlClient,
  periods: Periods,
  now = new Date(),
  source: ActivitySource = LIVE,
): Promise<Compared<VoicesFigures>> {
  return (await memberFigures(client, periods, now, source)).voices;
}
