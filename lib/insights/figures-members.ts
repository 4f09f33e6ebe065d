// Participation and voices: who takes part, who contributes, and how evenly contributions
// are spread. One statement per section, counting both periods; nothing is counted in JS.
//
// Members are ACTIVE members (deactivated ones are left out everywhere) who joined before the
// period's end, in the team they are in now. Survey receipts are never read: they must not
// reveal who answered.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Periods } from "./period";
import {
  byPeriod,
  contributionEvents,
  inSpan,
  periodKeyOf,
  periodsCte,
  spanOf,
  visible,
  type Compared,
  type Span,
  type SqlClient,
} from "./sql";

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
  /** Members who did anything in the period (see participation()). */
  membersActive: number;
  /** Members who posted, answered, hosted a held session or gave a recognition. */
  membersContributing: number;
  /** ACTIVE members who joined before the period's end. */
  totalMembers: number;
  /** By team (named teams by name, then "No team"), teams with members only. */
  byTeam: TeamParticipation[];
}

export const NO_TEAM = "No team";

/**
 * Activity that is not a contribution, as rows (uid, at) within the span: a comment on a
 * published post, a reaction to a discussion or reply, a helpful vote, an RSVP created (any
 * answer), applause, session feedback given with one's name (anonymous feedback has no
 * author), a pairing check-in recorded. All on visible content only.
 */
function otherActivityEvents(span: Span): Prisma.Sql {
  return Prisma.sql`
    SELECT c."authorId" AS "uid", c."createdAt" AS "at"
      FROM "PostComment" c JOIN "KnowledgePost" k ON k."id" = c."postId"
     WHERE ${visible("c")} AND ${visible("k")} AND k."status" = 'PUBLISHED'
       AND ${inSpan('c."createdAt"', span)}
    UNION ALL
    SELECT x."userId", x."createdAt"
      FROM "DiscussionReaction" x JOIN "Discussion" d ON d."id" = x."discussionId"
     WHERE ${visible("d")} AND ${inSpan('x."createdAt"', span)}
    UNION ALL
    SELECT x."userId", x."createdAt"
      FROM "ReplyReaction" x JOIN "Reply" r ON r."id" = x."replyId"
      JOIN "Discussion" d ON d."id" = r."discussionId"
     WHERE ${visible("r")} AND ${visible("d")} AND ${inSpan('x."createdAt"', span)}
    UNION ALL
    SELECT v."userId", v."createdAt"
      FROM "HelpfulVote" v JOIN "KnowledgePost" k ON k."id" = v."postId"
     WHERE ${visible("k")} AND k."status" = 'PUBLISHED'
       AND ${inSpan('v."createdAt"', span)}
    UNION ALL
    SELECT v."userId", v."createdAt"
      FROM "SessionRsvp" v
     WHERE ${inSpan('v."createdAt"', span)}
    UNION ALL
    SELECT a."userId", a."createdAt"
      FROM "RecognitionApplause" a JOIN "Recognition" g ON g."id" = a."recognitionId"
     WHERE ${visible("g")} AND ${inSpan('a."createdAt"', span)}
    UNION ALL
    SELECT f."authorId", CAST(f."createdOn" AS timestamp)
      FROM "SessionFeedback" f
     WHERE f."authorId" IS NOT NULL
       AND ${inSpan('CAST(f."createdOn" AS timestamp)', span)}
    UNION ALL
    SELECT ci."authorId", ci."createdAt"
      FROM "PairingCheckIn" ci
     WHERE ci."authorId" IS NOT NULL AND ${inSpan('ci."createdAt"', span)}`;
}

interface ParticipationRow {
  key: string;
  total: boolean;
  teamId: string | null;
  teamName: string | null;
  members: number;
  active: number;
  contributing: number;
}

/**
 * Members active: distinct members with any contribution (see contributionEvents) or other
 * activity (see otherActivityEvents) in the period. Members contributing: distinct members
 * with a contribution. Totals and teams come from one GROUPING SETS query.
 */
export async function participation(
  client: SqlClient,
  periods: Periods,
  now = new Date(),
): Promise<Compared<ParticipationFigures>> {
  const span = spanOf(periods);
  const rows = await client.$queryRaw<ParticipationRow[]>`
    WITH ${periodsCte(periods)},
    events AS (
      SELECT e."uid", e."at", TRUE AS "contributes" FROM (${contributionEvents(span, now)}) e
      UNION ALL
      SELECT o."uid", o."at", FALSE FROM (${otherActivityEvents(span)}) o
    ),
    per AS (
      SELECT k."key", e."uid", bool_or(e."contributes") AS "contributes"
      FROM events e CROSS JOIN LATERAL (SELECT ${periodKeyOf(Prisma.sql`e."at"`, periods)} AS "key") k
      WHERE k."key" IS NOT NULL
      GROUP BY k."key", e."uid"
    ),
    members AS (
      SELECT p."key", u."id", u."teamId"
      FROM periods p JOIN "User" u ON u."status" = 'ACTIVE' AND u."createdAt" < p."to"
    )
    SELECT m."key", (GROUPING(m."teamId") = 1) AS "total", m."teamId", t."name" AS "teamName",
           COUNT(*)::int AS "members", COUNT(x."uid")::int AS "active",
           (COUNT(*) FILTER (WHERE x."contributes"))::int AS "contributing"
    FROM members m
    LEFT JOIN per x ON x."key" = m."key" AND x."uid" = m."id"
    LEFT JOIN "Team" t ON t."id" = m."teamId"
    GROUP BY GROUPING SETS ((m."key"), (m."key", m."teamId", t."name"))
    ORDER BY m."key", t."name" ASC NULLS LAST, m."teamId" ASC NULLS LAST`;
  return {
    current: participationOf(rows, "current"),
    previous: participationOf(rows, "previous"),
  };
}

function participationOf(rows: ParticipationRow[], key: string): ParticipationFigures {
  const mine = rows.filter((row) => row.key === key);
  const total = mine.find((row) => row.total);
  return {
    membersActive: total?.active ?? 0,
    membersContributing: total?.contributing ?? 0,
    totalMembers: total?.members ?? 0,
    byTeam: mine
      .filter((row) => !row.total)
      .map((row) => ({
        teamId: row.teamId,
        teamName: row.teamId === null ? NO_TEAM : (row.teamName ?? NO_TEAM),
        members: row.members,
        active: row.active,
        contributing: row.contributing,
      })),
  };
}

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

/**
 * How concentrated contributions are. Each member's contributions in the period (see
 * contributionEvents: discussions, replies, published posts, sessions hosted, recognitions
 * given) over all ACTIVE members who joined before the period's end, zeros included.
 *
 * Gini, with x sorted ascending and i from 1 (row_number over x, id):
 *   G = (2·Σ i·x_i) / (n·Σx) − (n + 1) / n, null when Σx = 0.
 */
export async function voices(
  client: SqlClient,
  periods: Periods,
  now = new Date(),
): Promise<Compared<VoicesFigures>> {
  const span = spanOf(periods);
  const rows = await client.$queryRaw<(VoicesFigures & { key: string })[]>`
    WITH ${periodsCte(periods)},
    events AS (${contributionEvents(span, now)}),
    per AS (
      SELECT k."key", e."uid", COUNT(*) AS "n"
      FROM events e CROSS JOIN LATERAL (SELECT ${periodKeyOf(Prisma.sql`e."at"`, periods)} AS "key") k
      WHERE k."key" IS NOT NULL
      GROUP BY k."key", e."uid"
    ),
    dist AS (
      SELECT p."key", u."id", COALESCE(x."n", 0) AS "x"
      FROM periods p
      JOIN "User" u ON u."status" = 'ACTIVE' AND u."createdAt" < p."to"
      LEFT JOIN per x ON x."key" = p."key" AND x."uid" = u."id"
    ),
    ranked AS (
      SELECT "key", "x",
             row_number() OVER (PARTITION BY "key" ORDER BY "x" ASC, "id" ASC) AS "i",
             row_number() OVER (PARTITION BY "key" ORDER BY "x" DESC, "id" ASC) AS "rank",
             COUNT(*) OVER (PARTITION BY "key") AS "n"
      FROM dist
    ),
    sums AS (
      SELECT "key", MAX("n") AS "n", SUM("x") AS "total",
             COUNT(*) FILTER (WHERE "x" > 0) AS "contributors",
             SUM("x") FILTER (WHERE "rank" <= CEIL("n" / 10.0)) AS "top",
             SUM("i" * "x") AS "weighted"
      FROM ranked GROUP BY "key"
    )
    SELECT p."key",
           COALESCE(s."n", 0)::int AS "members",
           COALESCE(s."contributors", 0)::int AS "contributors",
           COALESCE(s."total", 0)::int AS "totalContributions",
           (s."top" / NULLIF(s."total", 0))::float8 AS "top10Share",
           ((2.0 * s."weighted") / NULLIF(s."n" * s."total", 0) - (s."n" + 1.0) / s."n")::float8 AS "gini"
    FROM periods p LEFT JOIN sums s ON s."key" = p."key"`;
  return byPeriod(rows, (row) => ({
    members: row?.members ?? 0,
    contributors: row?.contributors ?? 0,
    totalContributions: row?.totalContributions ?? 0,
    top10Share: row?.top10Share ?? null,
    gini: row?.gini ?? null,
  }));
}
