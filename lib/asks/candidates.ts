// The facts for ranking who could answer one question (or write for one knowledge request),
// in ONE statement whatever the number of candidates: the topic's tags (its own, or the tags
// its title's words name), then every member with evidence in them (skills they teach,
// accepted answers, published posts, sessions hosted, recognition received), less everyone
// who may not be asked (the asker, deactivated members, members already asked or who already
// replied, members who cannot read a private community's question, members at the weekly cap),
// with their recent and open asks. Every branch starts from the topic's tags and walks indexes
// (DiscussionTag/KnowledgePostTag by tag, MemberSkill by skill, Ask by member); see the
// EXPLAIN in docs/decisions/022-asking-colleagues.md.
import type { CompiledQuery, RawBuilder } from "kysely";
import type { RawClient } from "@/lib/core/db/typed-sql";
import { sql, sqlb } from "@/lib/core/db/typed-sql";
import type { HelperFacts } from "./ranking";

export type AskTarget = { kind: "question"; id: string } | { kind: "request"; id: string };

export interface TopicFacts {
  title: string;
  authorId: string;
  communityId: string | null;
  /** Names of the tags the topic was matched on. */
  tags: string[];
}

export interface CandidateQuery {
  target: AskTarget;
  /** Members asked this many times in the last 7 days are left out; null: no cap. */
  weeklyCap: number | null;
  now: Date;
}

function topicSql(target: AskTarget) {
  return target.kind === "question"
    ? sql`SELECT d.id, d.title, d."authorId", d."communityId",
             ARRAY(SELECT dt."tagId" FROM "DiscussionTag" dt WHERE dt."discussionId" = d.id) AS "tagIds"
        FROM "Discussion" d WHERE d.id = ${target.id}`
    : sql`SELECT r.id, r.title, r."requesterId" AS "authorId", NULL::text AS "communityId",
             ARRAY(SELECT rt."tagId" FROM "KnowledgeRequestTag" rt WHERE rt."requestId" = r.id) AS "tagIds"
        FROM "KnowledgeRequest" r WHERE r.id = ${target.id}`;
}

/**
 * Members already asked about the topic, or who already replied to the question: one set,
 * read once (a hashed NOT IN), not a lookup per candidate.
 */
function alreadyInvolvedSql(target: AskTarget) {
  return target.kind === "question"
    ? sql`u.id NOT IN (SELECT a."askedMemberId" FROM "Ask" a WHERE a."discussionId" = ${target.id}
                        UNION ALL
                        SELECT r."authorId" FROM "Reply" r WHERE r."discussionId" = ${target.id})`
    : sql`u.id NOT IN (SELECT a."askedMemberId" FROM "Ask" a WHERE a."requestId" = ${target.id})`;
}

/**
 * Content whose evidence may be counted: not in a community, in an open or by-request one, or
 * in the topic's own community (a private community's work never explains an ask elsewhere).
 */
function countableSql(alias: string) {
  const communityId = sql.ref(`${alias}.communityId`);
  return sql`(${communityId} IS NULL OR ${communityId} = topic."communityId" OR EXISTS (
    SELECT 1 FROM "Community" ec WHERE ec.id = ${communityId} AND ec.access <> 'PRIVATE'))`;
}

interface CandidateRow extends Omit<HelperFacts, "evidenceTags"> {
  evidenceTags: string[] | null;
}

interface TopicRow extends TopicFacts {
  candidates: CandidateRow[] | null;
}

function candidatesSql(query: CandidateQuery): RawBuilder<TopicRow> {
  const weekAgo = new Date(query.now.getTime() - 7 * 24 * 60 * 60 * 1000);
  const cap = query.weeklyCap ?? 2147483647;
  return sql<TopicRow>`
WITH topic AS (${topicSql(query.target)}),
title_words AS (
  SELECT w.i, rtrim(w.word, '.') AS word
    FROM topic, unnest(regexp_split_to_array(lower(topic.title), '[^[:alnum:]+#.]+'))
         WITH ORDINALITY AS w(word, i)
),
title_slugs AS (
  SELECT word AS slug FROM title_words WHERE length(word) > 1
  UNION
  SELECT a.word || '-' || b.word FROM title_words a JOIN title_words b ON b.i = a.i + 1
   WHERE a.word <> '' AND b.word <> ''
),
tags AS (
  SELECT t.id, t.name, t.slug,
         '(^|[^[:alnum:]_])' || regexp_replace(t.name, '([^[:alnum:][:space:]])', '\\\\\\1', 'g')
           || '($|[^[:alnum:]_])' AS pattern
    FROM "Tag" t, topic
   WHERE t.id = ANY (topic."tagIds")
      OR (cardinality(topic."tagIds") = 0 AND t.slug IN (SELECT slug FROM title_slugs))
),
teach AS (
  SELECT ms."userId", array_agg(DISTINCT s.name) AS names
    FROM tags JOIN "Skill" s ON s.slug = tags.slug
    JOIN "MemberSkill" ms ON ms."skillId" = s.id AND ms.kind = 'OFFERED'
   GROUP BY ms."userId"
),
accepted AS (
  -- per tagged question, a primary-key lookup of the question and of its accepted answer
  -- (OFFSET 0 keeps them lookups: joined, the planner would scan every question and reply)
  SELECT DISTINCT ON (a."replyId") a."replyId", a."userId", a.tag
    FROM tags JOIN "DiscussionTag" dt ON dt."tagId" = tags.id,
         LATERAL (SELECT r.id AS "replyId", r."authorId" AS "userId", tags.name AS tag
                    FROM "Discussion" d JOIN "Reply" r ON r.id = d."acceptedReplyId", topic
                   WHERE d.id = dt."discussionId" AND d."deletedAt" IS NULL
                     AND d."hiddenAt" IS NULL AND ${countableSql("d")}
                     AND r."deletedAt" IS NULL AND r."hiddenAt" IS NULL
                  OFFSET 0) a
),
answers AS (
  SELECT "userId", count(*)::int AS n, array_agg(DISTINCT tag) AS tags
    FROM accepted GROUP BY "userId"
),
tagged_posts AS (
  SELECT DISTINCT ON (p.id) p.id, p."authorId", p.tag
    FROM tags JOIN "KnowledgePostTag" pt ON pt."tagId" = tags.id,
         LATERAL (SELECT kp.id, kp."authorId", tags.name AS tag FROM "KnowledgePost" kp, topic
                   WHERE kp.id = pt."postId" AND kp.status = 'PUBLISHED'
                     AND kp."deletedAt" IS NULL AND kp."hiddenAt" IS NULL AND ${countableSql("kp")}
                  OFFSET 0) p
),
posts AS (
  SELECT "authorId" AS "userId", count(*)::int AS n, array_agg(DISTINCT tag) AS tags
    FROM tagged_posts GROUP BY "authorId"
),
hosted AS (
  SELECT sh."userId", count(DISTINCT ls.id)::int AS n, array_agg(DISTINCT tags.name) AS tags
    FROM "LearningSession" ls
    -- ILIKE first: the word-boundary pattern only runs on titles that contain the name
    JOIN tags ON ls.title ILIKE '%' || tags.name || '%' AND ls.title ~* tags.pattern
    JOIN "SessionHost" sh ON sh."sessionId" = ls.id, topic
   WHERE ls.status <> 'CANCELLED' AND ${countableSql("ls")}
   GROUP BY sh."userId"
),
recognised AS (
  SELECT rr."userId", count(DISTINCT rc.id)::int AS n, array_agg(DISTINCT x.tag) AS tags
    FROM (SELECT rc.id, a.tag FROM accepted a JOIN "Recognition" rc ON rc."replyId" = a."replyId"
          UNION ALL
          SELECT rc.id, p.tag FROM tagged_posts p JOIN "Recognition" rc ON rc."postId" = p.id) x
    JOIN "Recognition" rc ON rc.id = x.id AND rc."deletedAt" IS NULL AND rc."hiddenAt" IS NULL
    JOIN "RecognitionRecipient" rr ON rr."recognitionId" = rc.id
   GROUP BY rr."userId"
),
evidence AS (
  SELECT "userId", sum(answers)::int AS answers, sum(posts)::int AS posts,
         sum(sessions)::int AS sessions, sum(recognitions)::int AS recognitions,
         COALESCE(array_agg(DISTINCT t) FILTER (WHERE kind = 'teach'), '{}') AS teaches,
         COALESCE(array_agg(DISTINCT t) FILTER (WHERE kind <> 'teach'), '{}') AS "evidenceTags"
    FROM (SELECT "userId", 'teach' AS kind, 0 AS answers, 0 AS posts, 0 AS sessions,
                 0 AS recognitions, names FROM teach
          UNION ALL SELECT "userId", 'answers', n, 0, 0, 0, tags FROM answers
          UNION ALL SELECT "userId", 'posts', 0, n, 0, 0, tags FROM posts
          UNION ALL SELECT "userId", 'sessions', 0, 0, n, 0, tags FROM hosted
          UNION ALL SELECT "userId", 'recognition', 0, 0, 0, n, tags FROM recognised) x,
         unnest(x.names) AS t
   GROUP BY "userId"
),
eligible AS (
  SELECT u.id AS "memberId", u.name, u."createdAt" AS "joinedAt", e.teaches,
         e.answers AS "acceptedAnswers", e.posts, e.sessions, e.recognitions, e."evidenceTags",
         (SELECT count(*)::int FROM "Ask" a
           WHERE a."askedMemberId" = u.id AND a."createdAt" > ${weekAgo}) AS "weekAsks",
         (SELECT count(*)::int FROM "Ask" a
           WHERE a."askedMemberId" = u.id AND a.status = 'ASKED') AS "openAsks",
         (SELECT count(*)::int FROM (SELECT 1 FROM "Reply" r WHERE r."authorId" = u.id LIMIT 10) x)
           AS replies
    FROM evidence e JOIN "User" u ON u.id = e."userId", topic
   WHERE u.status = 'ACTIVE' AND u.id <> topic."authorId"
     AND ${alreadyInvolvedSql(query.target)}
     AND (topic."communityId" IS NULL OR EXISTS (
           SELECT 1 FROM "Community" c WHERE c.id = topic."communityId" AND (c.access <> 'PRIVATE'
             OR EXISTS (SELECT 1 FROM "CommunityMembership" m WHERE m."communityId" = c.id
                          AND m."memberId" = u.id AND m.status = 'ACTIVE'))))
)
SELECT topic.title, topic."authorId", topic."communityId",
       ARRAY(SELECT name FROM tags ORDER BY name) AS tags,
       (SELECT json_agg(eligible) FROM eligible WHERE eligible."weekAsks" < ${cap}) AS candidates
  FROM topic`;
}

/** The statement, compiled, for EXPLAIN in the benchmark. */
export function compiledCandidatesQuery(query: CandidateQuery): CompiledQuery {
  return candidatesSql(query).compile(sqlb);
}

/** The topic and every member who may be asked about it, with the facts to rank them. */
export async function loadCandidates(
  client: RawClient,
  query: CandidateQuery,
): Promise<{ topic: TopicFacts; candidates: HelperFacts[] } | null> {
  const compiled = compiledCandidatesQuery(query);
  const [row] = await client.$queryRawUnsafe<TopicRow[]>(compiled.sql, ...compiled.parameters);
  if (!row) return null;
  const candidates = (row.candidates ?? []).map((c) => ({
    ...c,
    joinedAt: new Date(c.joinedAt),
    evidenceTags: c.evidenceTags ?? [],
  }));
  return {
    topic: {
      title: row.title,
      authorId: row.authorId,
      communityId: row.communityId,
      tags: row.tags,
    },
    candidates,
  };
}
