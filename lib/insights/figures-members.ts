// Participation, voices and recognition received: who takes part, who contributes, how evenly
// contributions are spread, and who is recognised. One statement counts all three for both
// periods from each member's activity (memberPeriods, from the roll-up where it can);
// nothing is counted in JS.
//
// Members are ACTIVE members (deactivated ones are left out everywhere) who joined before the
// period's end, in the team they are in now. Survey receipts are never read: they must not
// reveal who answered.
import "server-only";
import type { Periods } from "./period";
import { rows as run, sql, sqlb } from "@/lib/core/db/typed-sql";
import { LIVE, memberPeriods, type ActivitySource } from "./rollup";
import { byPeriod, periodsQuery, type Compared, type SqlClient } from "./sql";

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
  const active = sql<"ACTIVE">`'ACTIVE'`;
  const query = sqlb
    .with("periods", () => periodsQuery(periods))
    .with(
      (cte) => cte("per").materialized(),
      () => memberPeriods(periods, now, source),
    )
    .with(
      (cte) => cte("members").materialized(),
      (w) =>
        w
          .selectFrom("periods as p")
          .innerJoin("User as u", (join) =>
            join.on("u.status", "=", active).onRef("u.createdAt", "<", "p.to"),
          )
          .leftJoin("per as x", (join) =>
            join.onRef("x.key", "=", "p.key").onRef("x.uid", "=", "u.id"),
          )
          .select((eb) => [
            "p.key",
            "u.id",
            "u.teamId",
            sql<boolean>`COALESCE(${eb.ref("x.active")}, FALSE)`.as("active"),
            sql<bigint>`CAST(COALESCE(${eb.ref("x.contributions")}, 0) AS bigint)`.as("x"),
          ]),
    )
    .with(
      (cte) => cte("teams").materialized(),
      (w) =>
        w
          .selectFrom("members as m")
          .leftJoin("Team as t", "t.id", "m.teamId")
          .select((eb) => [
            "m.key",
            "m.teamId",
            sql<string>`COALESCE(${eb.ref("t.name")}, ${NO_TEAM})`.as("teamName"),
            "t.name as sortName",
            sql<number>`COUNT(*)::int`.as("members"),
            sql<number>`(COUNT(*) FILTER (WHERE ${eb.ref("m.active")}))::int`.as("active"),
            sql<number>`(COUNT(*) FILTER (WHERE ${eb.ref("m.x")} > 0))::int`.as("contributing"),
          ])
          .groupBy(["m.key", "m.teamId", "t.name"]),
    )
    .with("spread", (w) =>
      w
        .selectFrom("members")
        .select(["key", "x", sql<bigint>`COUNT(*)`.as("c")])
        .groupBy(["key", "x"]),
    )
    .with("placed", (w) =>
      w
        .selectFrom("spread")
        .select((eb) => [
          "key",
          "x",
          "c",
          sql<bigint>`SUM(${eb.ref("c")}) OVER (PARTITION BY ${eb.ref("key")} ORDER BY ${eb.ref("x")} ROWS UNBOUNDED PRECEDING) - ${eb.ref("c")}`.as(
            "below",
          ),
          sql<bigint>`SUM(${eb.ref("c")}) OVER (PARTITION BY ${eb.ref("key")})`.as("n"),
        ]),
    )
    .with(
      (cte) => cte("sums").materialized(),
      (w) =>
        w
          .selectFrom("placed")
          .select((eb) => {
            const [x, c, below, n] = [eb.ref("x"), eb.ref("c"), eb.ref("below"), eb.ref("n")];
            return [
              "key",
              sql<bigint>`MAX(${n})`.as("n"),
              sql<bigint>`SUM(${x} * ${c})`.as("total"),
              sql<bigint>`SUM(${c}) FILTER (WHERE ${x} > 0)`.as("contributors"),
              sql<bigint>`SUM(${x} * GREATEST(0, LEAST(${c}, ${below} + ${c} - (${n} - CEIL(${n} / 10.0)))))`.as(
                "top",
              ),
              sql<bigint>`SUM(${x} * (2 * ${c} * ${below} + ${c} * (${c} + 1)))`.as("weighted2"),
            ];
          })
          .groupBy("key"),
    )
    .with(
      (cte) => cte("received").materialized(),
      (w) =>
        w
          .selectFrom("per as x")
          .innerJoin("User as u", "u.id", "x.uid")
          .leftJoin("Team as t", "t.id", "u.teamId")
          .select((eb) => [
            "x.key",
            "u.teamId",
            sql<string>`COALESCE(${eb.ref("t.name")}, ${NO_TEAM})`.as("teamName"),
            "t.name as sortName",
            sql<number>`SUM(${eb.ref("x.received")})::int`.as("received"),
            sql<number>`COUNT(*)::int`.as("recipients"),
          ])
          .where("x.received", ">", sql<number>`0`)
          .groupBy(["x.key", "u.teamId", "t.name"]),
    )
    .selectFrom("periods as p")
    .select((eb) => [
      "p.key",
      eb
        .selectFrom("teams as t")
        .select((t) =>
          sql<ParticipationFigures>`json_build_object(
                'membersActive', COALESCE(SUM(${t.ref("t.active")}), 0),
                'membersContributing', COALESCE(SUM(${t.ref("t.contributing")}), 0),
                'totalMembers', COALESCE(SUM(${t.ref("t.members")}), 0),
                'byTeam', COALESCE(json_agg(json_build_object(
                    'teamId', ${t.ref("t.teamId")}, 'teamName', ${t.ref("t.teamName")},
                    'members', ${t.ref("t.members")}, 'active', ${t.ref("t.active")},
                    'contributing', ${t.ref("t.contributing")})
                  ORDER BY ${t.ref("t.sortName")} ASC NULLS LAST, ${t.ref("t.teamId")} ASC NULLS LAST), '[]'::json))`.as(
            "participation",
          ),
        )
        .whereRef("t.key", "=", "p.key")
        .as("participation"),
      eb
        .selectFrom("sums as s")
        .select((v) => {
          const [n, total, top] = [v.ref("s.n"), v.ref("s.total"), v.ref("s.top")];
          return sql<VoicesFigures>`json_build_object(
                'members', COALESCE(${n}, 0),
                'contributors', COALESCE(${v.ref("s.contributors")}, 0),
                'totalContributions', COALESCE(${total}, 0),
                'top10Share', CAST(${top} / NULLIF(${total}, 0) AS float8),
                'gini', CAST((${v.ref("s.weighted2")} - (${n} + 1) * ${total})
                             / NULLIF(${n} * ${total}, 0) AS float8))`.as("voices");
        })
        .whereRef("s.key", "=", "p.key")
        .as("voices"),
      eb
        .selectFrom("received as g")
        .select((g) =>
          sql<ReceivedFigures>`json_build_object(
                'received', COALESCE(SUM(${g.ref("g.received")}), 0),
                'distinctRecipients', COALESCE(SUM(${g.ref("g.recipients")}), 0),
                'byTeam', COALESCE(json_agg(json_build_object(
                    'teamId', ${g.ref("g.teamId")}, 'teamName', ${g.ref("g.teamName")},
                    'received', ${g.ref("g.received")}, 'recipients', ${g.ref("g.recipients")})
                  ORDER BY ${g.ref("g.received")} DESC, ${g.ref("g.sortName")} ASC NULLS LAST,
                    ${g.ref("g.teamId")}), '[]'::json))`.as("received"),
        )
        .whereRef("g.key", "=", "p.key")
        .as("received"),
    ]);
  const rows = await run(client, query);
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
