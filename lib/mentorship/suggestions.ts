// Mentor suggestions for one mentee, for admins: the facts come from two SQL statements
// (the mentee, then every candidate with their offered skills and community evidence),
// however many candidates there are; the ranking itself is lib/mentorship/matching.ts.
import "server-only";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import { NotFound } from "@/lib/core/forms/errors";
import { rankMentors, type MentorSuggestion, type SkillRef } from "./matching";

export interface SuggestionMentee {
  id: string;
  name: string;
  teamName: string | null;
  /** Names of the skills the mentee wants, alphabetically. */
  wants: string[];
  goals: string;
  /** The oldest waiting request for a mentor, if any. */
  waitingSince: Date | null;
  requestId: string | null;
}

export interface MentorSuggestions {
  mentee: SuggestionMentee;
  suggestions: MentorSuggestion[];
}

interface MenteeRow {
  id: string;
  name: string;
  teamId: string | null;
  teamName: string | null;
  goals: string;
  wants: SkillRef[];
  requestId: string | null;
  waitingSince: Date | null;
}

interface CandidateRow {
  id: string;
  name: string;
  title: string | null;
  teamId: string | null;
  teamName: string | null;
  maxMentees: number;
  activeMentees: number;
  offers: SkillRef[];
  acceptedAnswers: number;
  posts: number;
  sessions: number;
  answerSkills: string[];
  postSkills: string[];
  sessionSkills: string[];
}

const THE_MENTEE = "That member";

function loadMentee(menteeId: string) {
  return db.$queryRaw<MenteeRow[]>`
    SELECT u."id", u."name", u."teamId", t."name" AS "teamName",
           COALESCE(mp."goals", '') AS "goals",
           COALESCE((
             SELECT json_agg(json_build_object('slug', s."slug", 'name', s."name")
                             ORDER BY lower(s."name"), s."slug")
             FROM "MemberSkill" ms JOIN "Skill" s ON s."id" = ms."skillId"
             WHERE ms."userId" = u."id" AND ms."kind" = 'WANTED'
           ), '[]'::json) AS "wants",
           r."id" AS "requestId", r."createdAt" AS "waitingSince"
    FROM "User" u
    LEFT JOIN "Team" t ON t."id" = u."teamId"
    LEFT JOIN "MentorshipProfile" mp ON mp."userId" = u."id"
    LEFT JOIN LATERAL (
      SELECT mr."id", mr."createdAt" FROM "MentorRequest" mr
      WHERE mr."menteeId" = u."id" AND mr."status" = 'WAITING'
      ORDER BY mr."createdAt", mr."id"
      LIMIT 1
    ) r ON TRUE
    WHERE u."id" = ${menteeId} AND u."status" = 'ACTIVE'`;
}

/**
 * Every active member open to mentoring who could take this mentee: not the mentee, not
 * already their mentor (active or paused pairing), with a free place (active and paused
 * pairings as mentor hold one each). With each: offered skills, and evidence in the
 * mentee's wanted skills — accepted answers in discussions tagged with a wanted skill
 * (tag and skill slugs are made by the same function), published posts with such a tag,
 * and hosted sessions (not cancelled) whose title or description names the skill as a word.
 */
function loadCandidates(menteeId: string) {
  return db.$queryRaw<CandidateRow[]>`
    WITH wanted AS (
      SELECT s."slug", s."name",
             -- the name as a whole word, case-insensitively; every symbol escaped (C++, Node.js)
             '(^|[^[:alnum:]_])'
               || regexp_replace(s."name", '([^[:alnum:][:space:]])', '\\\\\\1', 'g')
               || '($|[^[:alnum:]_])' AS "pattern"
      FROM "MemberSkill" ms JOIN "Skill" s ON s."id" = ms."skillId"
      WHERE ms."userId" = ${menteeId} AND ms."kind" = 'WANTED'
    ),
    wanted_tags AS (
      SELECT t."id" AS "tagId", w."name" FROM wanted w JOIN "Tag" t ON t."slug" = w."slug"
    ),
    candidates AS (
      SELECT u."id", u."name", u."title", u."teamId", tm."name" AS "teamName", mp."maxMentees",
             (SELECT COUNT(*)::int FROM "MentorPairing" p
              WHERE p."mentorId" = u."id" AND p."status" IN ('ACTIVE', 'PAUSED')) AS "activeMentees"
      FROM "MentorshipProfile" mp
      JOIN "User" u ON u."id" = mp."userId"
      LEFT JOIN "Team" tm ON tm."id" = u."teamId"
      WHERE mp."openToMentor" AND u."status" = 'ACTIVE' AND u."id" <> ${menteeId}
        AND NOT EXISTS (
          SELECT 1 FROM "MentorPairing" p
          WHERE p."mentorId" = u."id" AND p."menteeId" = ${menteeId}
            AND p."status" IN ('ACTIVE', 'PAUSED'))
    ),
    open AS (
      SELECT * FROM candidates WHERE "activeMentees" < "maxMentees"
    ),
    offers AS (
      SELECT ms."userId",
             json_agg(json_build_object('slug', s."slug", 'name', s."name")
                      ORDER BY lower(s."name"), s."slug") AS "offers"
      FROM open c
      JOIN "MemberSkill" ms ON ms."userId" = c."id" AND ms."kind" = 'OFFERED'
      JOIN "Skill" s ON s."id" = ms."skillId"
      GROUP BY ms."userId"
    ),
    answers AS (
      SELECT r."authorId" AS "userId", COUNT(DISTINCT r."id")::int AS "n",
             array_agg(DISTINCT wt."name") AS "skills"
      FROM open c
      JOIN "Reply" r ON r."authorId" = c."id" AND r."deletedAt" IS NULL AND r."hiddenAt" IS NULL
      JOIN "Discussion" d ON d."acceptedReplyId" = r."id"
        AND d."deletedAt" IS NULL AND d."hiddenAt" IS NULL
      JOIN "DiscussionTag" dt ON dt."discussionId" = d."id"
      JOIN wanted_tags wt ON wt."tagId" = dt."tagId"
      GROUP BY r."authorId"
    ),
    posts AS (
      SELECT kp."authorId" AS "userId", COUNT(DISTINCT kp."id")::int AS "n",
             array_agg(DISTINCT wt."name") AS "skills"
      FROM open c
      JOIN "KnowledgePost" kp ON kp."authorId" = c."id" AND kp."status" = 'PUBLISHED'
        AND kp."deletedAt" IS NULL AND kp."hiddenAt" IS NULL
      JOIN "KnowledgePostTag" pt ON pt."postId" = kp."id"
      JOIN wanted_tags wt ON wt."tagId" = pt."tagId"
      GROUP BY kp."authorId"
    ),
    hosted AS (
      SELECT sh."userId", COUNT(DISTINCT ls."id")::int AS "n",
             array_agg(DISTINCT w."name") AS "skills"
      FROM open c
      JOIN "SessionHost" sh ON sh."userId" = c."id"
      JOIN "LearningSession" ls ON ls."id" = sh."sessionId" AND ls."status" <> 'CANCELLED'
      JOIN wanted w ON (ls."title" || ' ' || ls."description") ~* w."pattern"
      GROUP BY sh."userId"
    )
    SELECT c."id", c."name", c."title", c."teamId", c."teamName", c."maxMentees",
           c."activeMentees",
           COALESCE(o."offers", '[]'::json) AS "offers",
           COALESCE(a."n", 0) AS "acceptedAnswers",
           COALESCE(kp."n", 0) AS "posts",
           COALESCE(h."n", 0) AS "sessions",
           COALESCE(a."skills", '{}') AS "answerSkills",
           COALESCE(kp."skills", '{}') AS "postSkills",
           COALESCE(h."skills", '{}') AS "sessionSkills"
    FROM open c
    LEFT JOIN offers o ON o."userId" = c."id"
    LEFT JOIN answers a ON a."userId" = c."id"
    LEFT JOIN posts kp ON kp."userId" = c."id"
    LEFT JOIN hosted h ON h."userId" = c."id"`;
}

/**
 * Mentors for `menteeId`, best first (at most `take`), with the mentee's details for the
 * page. Admins only; an unknown or deactivated member is "not found".
 */
export async function mentorSuggestions(
  actor: Actor,
  menteeId: string,
  take = 10,
): Promise<MentorSuggestions> {
  authorize(actor, "read:mentorship-programme:any");
  const [mentee] = await loadMentee(menteeId);
  if (!mentee) throw new NotFound(THE_MENTEE);
  const rows = await loadCandidates(mentee.id);
  const ranked = rankMentors(
    { id: mentee.id, name: mentee.name, teamId: mentee.teamId, wants: mentee.wants },
    rows.map((row) => ({
      mentorId: row.id,
      name: row.name,
      title: row.title,
      teamId: row.teamId,
      teamName: row.teamName,
      maxMentees: row.maxMentees,
      activeMentees: row.activeMentees,
      offers: row.offers,
      evidence: {
        acceptedAnswers: row.acceptedAnswers,
        posts: row.posts,
        sessions: row.sessions,
        skills: [...new Set([...row.answerSkills, ...row.postSkills, ...row.sessionSkills])],
      },
    })),
  );
  return {
    mentee: {
      id: mentee.id,
      name: mentee.name,
      teamName: mentee.teamName,
      wants: mentee.wants.map((skill) => skill.name),
      goals: mentee.goals,
      waitingSince: mentee.waitingSince,
      requestId: mentee.requestId,
    },
    suggestions: ranked.slice(0, Math.max(0, take)),
  };
}
