// The skills gap, for leaders (issue 20 §4): per skill, how many members want to learn it,
// how many say they can teach it, how many have shown it, and what is waiting on it (open
// questions and knowledge requests); then the same over the last four quarters, with the
// sessions and pairings that targeted it. A skill matches the tag with the same slug (as
// lib/asks does). Three statements whatever the number of skills: the teams, the figures (with
// each skill's suggested hosts and open titles), the quarters.
//
// "Shown" = distinct members with an accepted answer in a discussion tagged with the skill, a
// published knowledge post tagged with it, or a session they hosted (that took place) whose
// notes post or pre-reading post is tagged with it. Topic proposals carry no tags, so they do
// not count. The community rule (lib/communities/visibility) applies to every count and title:
// a private community's content counts only for its members and admins.
import type { Expression, RawBuilder, SqlBool } from "kysely";
import { z } from "zod";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { sql, sqlb, type RawClient } from "@/lib/core/db/typed-sql";
import { readableContentSql, type Viewer } from "@/lib/communities/visibility";
import { PROPOSAL_LIMITS } from "@/lib/proposals/limits";

export const SKILLS_GAP_SORTS = ["gap", "wanted", "supply", "name"] as const;
export type SkillsGapSort = (typeof SKILLS_GAP_SORTS)[number];

/** The page's URL: anything malformed reads as the default view. */
export const skillsGapParamsSchema = z.object({
  sort: z.enum(SKILLS_GAP_SORTS).catch("gap"),
  team: z
    .string()
    .regex(/^[\p{L}\p{N}+#.-]{1,100}$/u)
    .optional()
    .catch(undefined),
});
export type SkillsGapParams = z.infer<typeof skillsGapParamsSchema>;

/** Suggested hosts, and open titles, listed per skill. */
export const HOSTS_LISTED = 3;
export const TITLES_LISTED = 5;
export const QUARTERS = 4;

export interface SuggestedHost {
  id: string;
  name: string;
  teaches: boolean;
  answers: number;
  posts: number;
  sessions: number;
}

export interface OpenItem {
  id: string;
  title: string;
}

export interface SkillGapRow {
  id: string;
  name: string;
  slug: string;
  wanted: number;
  teach: number;
  shown: number;
  /** Distinct members who can teach it or have shown it (each counted once). */
  supply: number;
  openQuestions: number;
  openRequests: number;
  /** wanted − supply + open questions + open requests. */
  gap: number;
  hosts: SuggestedHost[];
  questions: OpenItem[];
  requests: OpenItem[];
}

export interface QuarterFigures {
  label: string;
  from: Date;
  shown: number;
  /** Questions asked before the quarter's end without an accepted answer written by then. */
  openQuestions: number;
  sessions: OpenItem[];
  pairingsStarted: number;
}

export interface SkillsGap {
  teams: { id: string; name: string; slug: string }[];
  team: { id: string; name: string; slug: string } | null;
  sort: SkillsGapSort;
  skills: SkillGapRow[];
  quarters: Record<string, QuarterFigures[]>;
}

/** The gap score, in one place (the page explains it in words). */
export function gapScore(
  row: Pick<SkillGapRow, "wanted" | "supply" | "openQuestions" | "openRequests">,
) {
  return row.wanted - row.supply + row.openQuestions + row.openRequests;
}

const ORDER: Record<SkillsGapSort, (a: SkillGapRow, b: SkillGapRow) => number> = {
  gap: (a, b) => b.gap - a.gap || b.wanted - a.wanted,
  wanted: (a, b) => b.wanted - a.wanted || b.gap - a.gap,
  supply: (a, b) => a.supply - b.supply || b.gap - a.gap,
  name: () => 0,
};

export function sortSkills(rows: SkillGapRow[], sort: SkillsGapSort): SkillGapRow[] {
  return [...rows].sort((a, b) => ORDER[sort](a, b) || a.name.localeCompare(b.name));
}

/** The last `QUARTERS` calendar quarters (UTC), oldest first, the current one last. */
export function lastQuarters(now: Date): { label: string; from: Date; to: Date }[] {
  const year = now.getUTCFullYear();
  const quarter = Math.floor(now.getUTCMonth() / 3);
  return Array.from({ length: QUARTERS }, (_, index) => {
    const q = quarter - (QUARTERS - 1 - index);
    const from = new Date(Date.UTC(year, q * 3, 1));
    const to = new Date(Date.UTC(year, q * 3 + 3, 1));
    return { label: `Q${from.getUTCMonth() / 3 + 1} ${from.getUTCFullYear()}`, from, to };
  });
}

const utc = (instant: Date) =>
  sql<Date>`(CAST(${instant.toISOString()} AS timestamptz) AT TIME ZONE 'UTC')`;

/** Active members, of the team when one is chosen. */
function memberCte(teamId: string | null) {
  return sql`SELECT u.id, u.name FROM "User" u WHERE u.status = 'ACTIVE'
    AND (${teamId}::text IS NULL OR u."teamId" = ${teamId})`;
}

/** Authored by a member of the team (no team: anyone). */
function byTeam(authorColumn: RawBuilder<unknown>, teamId: string | null): Expression<SqlBool> {
  return sql<SqlBool>`(${teamId}::text IS NULL OR EXISTS (SELECT 1 FROM "User" tu
    WHERE tu.id = ${authorColumn} AND tu."teamId" = ${teamId}))`;
}

/**
 * One row per piece of evidence: (skillId, userId, kind, at). `skill` and `member` are CTEs of
 * the enclosing statement.
 */
function evidenceCte(viewer: Viewer, now: Date) {
  return sql`
  SELECT sk.id AS "skillId", r."authorId" AS "userId", 'answer'::text AS kind, r."createdAt" AS at
    FROM skill sk
    JOIN "DiscussionTag" dt ON dt."tagId" = sk."tagId"
    JOIN "Discussion" d ON d.id = dt."discussionId" AND d."deletedAt" IS NULL AND d."hiddenAt" IS NULL
    JOIN "Reply" r ON r.id = d."acceptedReplyId" AND r."deletedAt" IS NULL AND r."hiddenAt" IS NULL
    JOIN member m ON m.id = r."authorId"
   WHERE ${readableContentSql("d", viewer)}
  UNION ALL
  SELECT sk.id, p."authorId", 'post', p."publishedAt"
    FROM skill sk
    JOIN "KnowledgePostTag" pt ON pt."tagId" = sk."tagId"
    JOIN "KnowledgePost" p ON p.id = pt."postId" AND p.status = 'PUBLISHED'
         AND p."deletedAt" IS NULL AND p."hiddenAt" IS NULL
    JOIN member m ON m.id = p."authorId"
   WHERE ${readableContentSql("p", viewer)}
  UNION ALL
  SELECT st."skillId", h."userId", 'session', ls."startsAt"
    FROM session_skill st
    JOIN "LearningSession" ls ON ls.id = st."sessionId"
    JOIN "SessionHost" h ON h."sessionId" = ls.id
    JOIN member m ON m.id = h."userId"
   WHERE ls."startsAt" <= ${utc(now)}`;
}

/** Sessions that took place or will, not cancelled, readable, tagged through their posts. */
function sessionSkillCte(viewer: Viewer) {
  return sql`
  SELECT DISTINCT sk.id AS "skillId", ls.id AS "sessionId"
    FROM skill sk
    JOIN "KnowledgePostTag" pt ON pt."tagId" = sk."tagId"
    JOIN "LearningSession" ls ON ls."notesPostId" = pt."postId"
         OR EXISTS (SELECT 1 FROM "SessionPreReading" pr
                     WHERE pr."sessionId" = ls.id AND pr."postId" = pt."postId")
   WHERE ls.status <> 'CANCELLED' AND ${readableContentSql("ls", viewer)}`;
}

/**
 * The questions tagged with a skill that the viewer may read (of the team's members when one
 * is chosen), with when their accepted answer was written (null: still open).
 */
function questionCte(viewer: Viewer, teamId: string | null) {
  return sql`
  SELECT sk.id AS "skillId", q.id, q.title, q."createdAt", ar."createdAt" AS "answeredAt"
    FROM skill sk
    JOIN "DiscussionTag" qt ON qt."tagId" = sk."tagId"
    JOIN "Discussion" q ON q.id = qt."discussionId" AND q.kind = 'QUESTION'
         AND q."deletedAt" IS NULL AND q."hiddenAt" IS NULL
    LEFT JOIN "Reply" ar ON ar.id = q."acceptedReplyId"
   WHERE ${readableContentSql("q", viewer)} AND ${byTeam(sql`q."authorId"`, teamId)}`;
}

/** The skill CTE: every skill and the tag with its slug (if any), or only the ones given. */
function skillCte(skillIds: string[] | null) {
  return sql`SELECT s.id, s.name, s.slug, t.id AS "tagId"
    FROM "Skill" s LEFT JOIN "Tag" t ON t.slug = s.slug
   WHERE ${skillIds}::text[] IS NULL OR s.id = ANY(${skillIds}::text[])`;
}

interface FiguresRow extends Omit<SkillGapRow, "gap" | "hosts" | "questions" | "requests"> {
  hosts: SuggestedHost[] | null;
  questions: OpenItem[] | null;
  requests: OpenItem[] | null;
}

// Every figure is grouped once per CTE and joined to the skills (no per-skill subquery), so
// the statement reads each table once whatever the number of skills.
function figuresSql(viewer: Viewer, teamId: string | null, now: Date): RawBuilder<FiguresRow> {
  return sql<FiguresRow>`
WITH skill AS (${skillCte(null)}),
member AS (${memberCte(teamId)}),
session_skill AS (${sessionSkillCte(viewer)}),
evidence AS (${evidenceCte(viewer, now)}),
declared AS (
  SELECT ms."skillId", ms."userId", ms.kind FROM "MemberSkill" ms JOIN member m ON m.id = ms."userId"
),
declared_count AS (
  SELECT "skillId", count(*) FILTER (WHERE kind = 'WANTED')::int AS wanted,
         count(*) FILTER (WHERE kind = 'OFFERED')::int AS teach
    FROM declared GROUP BY "skillId"
),
per_member AS (
  SELECT x."skillId", x."userId", m.name,
         bool_or(x.kind = 'teach') AS teaches,
         count(*) FILTER (WHERE x.kind = 'answer')::int AS answers,
         count(*) FILTER (WHERE x.kind = 'post')::int AS posts,
         count(*) FILTER (WHERE x.kind = 'session')::int AS sessions,
         count(*) FILTER (WHERE x.kind <> 'teach') > 0 AS "hasShown"
    FROM (SELECT "skillId", "userId", kind FROM evidence
          UNION ALL
          SELECT "skillId", "userId", 'teach' FROM declared WHERE kind = 'OFFERED') x
    JOIN member m ON m.id = x."userId"
   GROUP BY x."skillId", x."userId", m.name
),
ranked_host AS (
  SELECT pm.*, row_number() OVER (PARTITION BY pm."skillId" ORDER BY
           (CASE WHEN pm.teaches THEN 2 ELSE 0 END) + pm.answers + pm.posts + 2 * pm.sessions DESC,
           pm.name, pm."userId") AS rank
    FROM per_member pm
),
supply AS (
  SELECT "skillId", count(*)::int AS supply, count(*) FILTER (WHERE "hasShown")::int AS shown,
         json_agg(json_build_object('id', "userId", 'name', name, 'teaches', teaches,
                  'answers', answers, 'posts', posts, 'sessions', sessions) ORDER BY rank)
           FILTER (WHERE rank <= ${HOSTS_LISTED}) AS hosts
    FROM ranked_host GROUP BY "skillId"
),
open_question AS (
  SELECT qq.*, row_number() OVER (PARTITION BY qq."skillId" ORDER BY qq."createdAt" DESC, qq.id) AS rank
    FROM (${questionCte(viewer, teamId)}) qq WHERE qq."answeredAt" IS NULL
),
question_count AS (
  SELECT "skillId", count(*)::int AS n,
         json_agg(json_build_object('id', id, 'title', title) ORDER BY rank)
           FILTER (WHERE rank <= ${TITLES_LISTED}) AS titles
    FROM open_question GROUP BY "skillId"
),
open_request AS (
  SELECT sk.id AS "skillId", kr.id, kr.title, row_number() OVER (PARTITION BY sk.id
           ORDER BY kr."voteCount" DESC, kr."createdAt" DESC, kr.id) AS rank
    FROM skill sk
    JOIN "KnowledgeRequestTag" rt ON rt."tagId" = sk."tagId"
    JOIN "KnowledgeRequest" kr ON kr.id = rt."requestId" AND kr.status = 'OPEN'
   WHERE ${byTeam(sql`kr."requesterId"`, teamId)}
),
request_count AS (
  SELECT "skillId", count(*)::int AS n,
         json_agg(json_build_object('id', id, 'title', title) ORDER BY rank)
           FILTER (WHERE rank <= ${TITLES_LISTED}) AS titles
    FROM open_request GROUP BY "skillId"
)
SELECT * FROM (
  SELECT sk.id, sk.name, sk.slug,
         coalesce(dc.wanted, 0) AS wanted, coalesce(dc.teach, 0) AS teach,
         coalesce(su.shown, 0) AS shown, coalesce(su.supply, 0) AS supply,
         coalesce(qc.n, 0) AS "openQuestions", coalesce(rc.n, 0) AS "openRequests",
         su.hosts, qc.titles AS questions, rc.titles AS requests
    FROM skill sk
    LEFT JOIN declared_count dc ON dc."skillId" = sk.id
    LEFT JOIN supply su ON su."skillId" = sk.id
    LEFT JOIN question_count qc ON qc."skillId" = sk.id
    LEFT JOIN request_count rc ON rc."skillId" = sk.id
) f
WHERE f.wanted + f.teach + f.shown + f."openQuestions" + f."openRequests" > 0`;
}

interface QuarterRow {
  skillId: string;
  index: number;
  shown: number;
  openQuestions: number;
  sessions: OpenItem[] | null;
  pairingsStarted: number;
}

function quartersSql(
  viewer: Viewer,
  teamId: string | null,
  skillIds: string[],
  now: Date,
): RawBuilder<QuarterRow> {
  const quarters = lastQuarters(now);
  const rows = quarters.map(
    (q, index) => sql`SELECT ${index}::int AS i, ${utc(q.from)} AS "from", ${utc(q.to)} AS "to"`,
  );
  return sql<QuarterRow>`
WITH skill AS (${skillCte(skillIds)}),
member AS (${memberCte(teamId)}),
session_skill AS (${sessionSkillCte(viewer)}),
evidence AS (${evidenceCte(viewer, now)}),
quarter AS (${sql.join(rows, sql` UNION ALL `)}),
shown AS (
  SELECT e."skillId", qr.i, count(DISTINCT e."userId")::int AS n
    FROM evidence e JOIN quarter qr ON e.at >= qr."from" AND e.at < qr."to"
   GROUP BY e."skillId", qr.i
),
open_at_end AS (
  SELECT qq."skillId", qr.i, count(*)::int AS n
    FROM (${questionCte(viewer, teamId)}) qq
    JOIN quarter qr ON qq."createdAt" < qr."to" AND (qq."answeredAt" IS NULL OR qq."answeredAt" >= qr."to")
   GROUP BY qq."skillId", qr.i
),
session_in AS (
  SELECT st."skillId", qr.i, ls.id, ls.title,
         row_number() OVER (PARTITION BY st."skillId", qr.i ORDER BY ls."startsAt", ls.id) AS rank
    FROM session_skill st
    JOIN "LearningSession" ls ON ls.id = st."sessionId"
    JOIN quarter qr ON ls."startsAt" >= qr."from" AND ls."startsAt" < qr."to"
),
sessions AS (
  SELECT "skillId", i, json_agg(json_build_object('id', id, 'title', title) ORDER BY rank) AS list
    FROM session_in WHERE rank <= ${TITLES_LISTED} GROUP BY "skillId", i
),
pairings AS (
  SELECT w."skillId", qr.i, count(*)::int AS n
    FROM "MentorPairing" mp
    JOIN member m ON m.id = mp."menteeId"
    JOIN "MemberSkill" w ON w."userId" = mp."menteeId" AND w.kind = 'WANTED'
    JOIN "MemberSkill" o ON o."userId" = mp."mentorId" AND o.kind = 'OFFERED' AND o."skillId" = w."skillId"
    JOIN skill sk ON sk.id = w."skillId"
    JOIN quarter qr ON mp."startsOn" >= qr."from" AND mp."startsOn" < qr."to"
   GROUP BY w."skillId", qr.i
)
SELECT sk.id AS "skillId", qr.i AS index, coalesce(sh.n, 0) AS shown,
       coalesce(oq.n, 0) AS "openQuestions", se.list AS sessions,
       coalesce(pa.n, 0) AS "pairingsStarted"
  FROM skill sk CROSS JOIN quarter qr
  LEFT JOIN shown sh ON sh."skillId" = sk.id AND sh.i = qr.i
  LEFT JOIN open_at_end oq ON oq."skillId" = sk.id AND oq.i = qr.i
  LEFT JOIN sessions se ON se."skillId" = sk.id AND se.i = qr.i
  LEFT JOIN pairings pa ON pa."skillId" = sk.id AND pa.i = qr.i`;
}

async function run<Row>(client: RawClient, query: RawBuilder<Row>): Promise<Row[]> {
  const compiled = query.compile(sqlb);
  return client.$queryRawUnsafe<Row[]>(compiled.sql, ...compiled.parameters);
}

function teamsSql() {
  return sql<{ id: string; name: string; slug: string }>`
    SELECT id, name, slug FROM "Team" ORDER BY name, id`;
}

/** The whole page's figures, for a leader or admin (PermissionDenied for anyone else). */
export async function loadSkillsGap(
  client: RawClient,
  actor: Actor,
  params: SkillsGapParams,
  now = new Date(),
): Promise<SkillsGap> {
  authorize(actor, "read:insights:any");
  const teams = await run(client, teamsSql());
  const team = teams.find((t) => t.slug === params.team) ?? null;
  const teamId = team?.id ?? null;
  const figures = await run(client, figuresSql(actor, teamId, now));
  const skills = sortSkills(
    figures.map((row) => ({
      ...row,
      gap: gapScore(row),
      hosts: row.hosts ?? [],
      questions: row.questions ?? [],
      requests: row.requests ?? [],
    })),
    params.sort,
  );
  const quarterRows = skills.length
    ? await run(
        client,
        quartersSql(
          actor,
          teamId,
          skills.map((s) => s.id),
          now,
        ),
      )
    : [];
  return { teams, team, sort: params.sort, skills, quarters: groupQuarters(quarterRows, now) };
}

function groupQuarters(rows: QuarterRow[], now: Date): Record<string, QuarterFigures[]> {
  const quarters = lastQuarters(now);
  const bySkill: Record<string, QuarterFigures[]> = {};
  for (const row of [...rows].sort((a, b) => a.index - b.index)) {
    const quarter = quarters[row.index]!;
    (bySkill[row.skillId] ??= []).push({
      label: quarter.label,
      from: quarter.from,
      shown: row.shown,
      openQuestions: row.openQuestions,
      sessions: row.sessions ?? [],
      pairingsStarted: row.pairingsStarted,
    });
  }
  return bySkill;
}

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

/** Why a member is suggested as a host, in words ("says they can teach it, 2 accepted answers"). */
export function hostReasons(host: SuggestedHost): string {
  return [
    host.teaches ? "says they can teach it" : null,
    host.answers ? plural(host.answers, "accepted answer") : null,
    host.posts ? plural(host.posts, "published post") : null,
    host.sessions ? plural(host.sessions, "session hosted", "sessions hosted") : null,
  ]
    .filter(Boolean)
    .join(", ");
}

/**
 * "Propose a session" for a skill: the topic proposal form, filled in with a title, the reason
 * (the figures) and the suggested hosts with their reasons, as text only (no one is asked or
 * made a host until a leader schedules the session).
 */
export function sessionProposalHref(row: SkillGapRow): string {
  const title = `${row.name}: a session to close the gap`.slice(0, PROPOSAL_LIMITS.titleMax);
  const hosts = row.hosts.map((host) => `- ${host.name}: ${hostReasons(host)}`);
  const why = [
    `${plural(row.wanted, "member wants", "members want")} to learn ${row.name}; ` +
      `${plural(row.supply, "member")} can teach it or have shown it. ` +
      `${plural(row.openQuestions, "open question")} and ` +
      `${plural(row.openRequests, "open knowledge request")} are waiting on it.`,
    ...(hosts.length
      ? ["", "Suggested hosts (a suggestion from the skills gap page; ask them first):", ...hosts]
      : []),
  ]
    .join("\n")
    .slice(0, PROPOSAL_LIMITS.whyMax);
  return `/sessions/proposals/new?${new URLSearchParams({ title, why })}`;
}

/** "Ask for mentoring": the mentoring page's request form, its note naming the skill. */
export function mentoringHref(row: Pick<SkillGapRow, "name">): string {
  return `/mentorship?${new URLSearchParams({ learn: row.name })}#request-heading`;
}
