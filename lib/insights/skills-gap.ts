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

/** Open questions tagged with the skill that the viewer may read (open: no accepted answer). */
function openQuestionsFrom(viewer: Viewer, teamId: string | null) {
  return sql`"DiscussionTag" qt
    JOIN "Discussion" q ON q.id = qt."discussionId" AND q.kind = 'QUESTION'
         AND q."deletedAt" IS NULL AND q."hiddenAt" IS NULL
   WHERE qt."tagId" = sk."tagId" AND ${readableContentSql("q", viewer)}
     AND ${byTeam(sql`q."authorId"`, teamId)}`;
}

interface FiguresRow extends Omit<SkillGapRow, "gap" | "hosts" | "questions" | "requests"> {
  hosts: SuggestedHost[] | null;
  questions: OpenItem[] | null;
  requests: OpenItem[] | null;
}

function figuresSql(viewer: Viewer, teamId: string | null, now: Date): RawBuilder<FiguresRow> {
  return sql<FiguresRow>`
WITH skill AS (
  SELECT s.id, s.name, s.slug, t.id AS "tagId" FROM "Skill" s LEFT JOIN "Tag" t ON t.slug = s.slug
),
member AS (${memberCte(teamId)}),
session_skill AS (${sessionSkillCte(viewer)}),
evidence AS (${evidenceCte(viewer, now)}),
declared AS (
  SELECT ms."skillId", ms."userId", ms.kind FROM "MemberSkill" ms JOIN member m ON m.id = ms."userId"
),
per_member AS (
  SELECT x."skillId", x."userId",
         bool_or(x.kind = 'teach') AS teaches,
         count(*) FILTER (WHERE x.kind = 'answer')::int AS answers,
         count(*) FILTER (WHERE x.kind = 'post')::int AS posts,
         count(*) FILTER (WHERE x.kind = 'session')::int AS sessions
    FROM (SELECT "skillId", "userId", kind FROM evidence
          UNION ALL
          SELECT "skillId", "userId", 'teach' FROM declared WHERE kind = 'OFFERED') x
   GROUP BY x."skillId", x."userId"
),
figures AS (
  SELECT sk.id, sk.name, sk.slug, sk."tagId",
    (SELECT count(*)::int FROM declared dw WHERE dw."skillId" = sk.id AND dw.kind = 'WANTED') AS wanted,
    (SELECT count(*)::int FROM declared dt WHERE dt."skillId" = sk.id AND dt.kind = 'OFFERED') AS teach,
    (SELECT count(DISTINCT e."userId")::int FROM evidence e WHERE e."skillId" = sk.id) AS shown,
    (SELECT count(*)::int FROM per_member pm WHERE pm."skillId" = sk.id) AS supply,
    (SELECT count(*)::int FROM ${openQuestionsFrom(viewer, teamId)} AND q."acceptedReplyId" IS NULL) AS "openQuestions",
    (SELECT count(*)::int FROM "KnowledgeRequestTag" rt
       JOIN "KnowledgeRequest" kr ON kr.id = rt."requestId" AND kr.status = 'OPEN'
      WHERE rt."tagId" = sk."tagId" AND ${byTeam(sql`kr."requesterId"`, teamId)}) AS "openRequests"
  FROM skill sk
)
SELECT f.id, f.name, f.slug, f.wanted, f.teach, f.shown, f.supply, f."openQuestions", f."openRequests",
  (SELECT json_agg(h ORDER BY h.score DESC, h.name, h.id) FROM (
     SELECT m.id, m.name, pm.teaches, pm.answers, pm.posts, pm.sessions,
            (CASE WHEN pm.teaches THEN 2 ELSE 0 END) + pm.answers + pm.posts + 2 * pm.sessions AS score
       FROM per_member pm JOIN member m ON m.id = pm."userId"
      WHERE pm."skillId" = f.id
      ORDER BY score DESC, m.name, m.id LIMIT ${HOSTS_LISTED}) h) AS hosts,
  (SELECT json_agg(o) FROM (
     SELECT q.id, q.title FROM ${openQuestionsFrom(viewer, teamId)} AND q."acceptedReplyId" IS NULL
      ORDER BY q."createdAt" DESC, q.id LIMIT ${TITLES_LISTED}) o) AS questions,
  (SELECT json_agg(o) FROM (
     SELECT kr.id, kr.title FROM "KnowledgeRequestTag" rt
       JOIN "KnowledgeRequest" kr ON kr.id = rt."requestId" AND kr.status = 'OPEN'
      WHERE rt."tagId" = f."tagId" AND ${byTeam(sql`kr."requesterId"`, teamId)}
      ORDER BY kr."voteCount" DESC, kr."createdAt" DESC, kr.id LIMIT ${TITLES_LISTED}) o) AS requests
FROM figures f
JOIN skill sk ON sk.id = f.id
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
WITH skill AS (
  SELECT s.id, s.name, s.slug, t.id AS "tagId" FROM "Skill" s LEFT JOIN "Tag" t ON t.slug = s.slug
   WHERE s.id = ANY(${skillIds}::text[])
),
member AS (${memberCte(teamId)}),
session_skill AS (${sessionSkillCte(viewer)}),
evidence AS (${evidenceCte(viewer, now)}),
quarter AS (${sql.join(rows, sql` UNION ALL `)})
SELECT sk.id AS "skillId", qr.i AS index,
  (SELECT count(DISTINCT e."userId")::int FROM evidence e
    WHERE e."skillId" = sk.id AND e.at >= qr."from" AND e.at < qr."to") AS shown,
  (SELECT count(*)::int FROM ${openQuestionsFrom(viewer, teamId)} AND q."createdAt" < qr."to"
      AND NOT EXISTS (SELECT 1 FROM "Reply" ar WHERE ar.id = q."acceptedReplyId"
                        AND ar."createdAt" < qr."to")) AS "openQuestions",
  (SELECT json_agg(o) FROM (
     SELECT ls.id, ls.title FROM session_skill st JOIN "LearningSession" ls ON ls.id = st."sessionId"
      WHERE st."skillId" = sk.id AND ls."startsAt" >= qr."from" AND ls."startsAt" < qr."to"
      ORDER BY ls."startsAt", ls.id LIMIT ${TITLES_LISTED}) o) AS sessions,
  (SELECT count(*)::int FROM "MentorPairing" mp JOIN member m ON m.id = mp."menteeId"
    WHERE mp."startsOn" >= qr."from" AND mp."startsOn" < qr."to"
      AND EXISTS (SELECT 1 FROM "MemberSkill" w WHERE w."userId" = mp."menteeId"
                    AND w."skillId" = sk.id AND w.kind = 'WANTED')
      AND EXISTS (SELECT 1 FROM "MemberSkill" o WHERE o."userId" = mp."mentorId"
                    AND o."skillId" = sk.id AND o.kind = 'OFFERED')) AS "pairingsStarted"
FROM skill sk CROSS JOIN quarter qr`;
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
