// Mentor suggestions for one mentee, for admins: the facts come from two SQL statements
// (the mentee, then every candidate with their offered skills and community evidence),
// however many candidates there are; the ranking itself is lib/mentorship/matching.ts.
import "server-only";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import { rows, sql, sqlb } from "@/lib/core/db/typed-sql";
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

const THE_MENTEE = "That member";

const ACTIVE = sql<"ACTIVE">`'ACTIVE'`;
const PAUSED = sql<"PAUSED">`'PAUSED'`;
const WANTED = sql<"WANTED">`'WANTED'`;

function loadMentee(menteeId: string) {
  return rows(
    db,
    sqlb
      .selectFrom("User as u")
      .leftJoin("Team as t", "t.id", "u.teamId")
      .leftJoin("MentorshipProfile as mp", "mp.userId", "u.id")
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom("MentorRequest as mr")
            .select(["mr.id", "mr.createdAt"])
            .where((w) =>
              w.and([
                w("mr.menteeId", "=", w.ref("u.id")),
                w("mr.status", "=", sql<"WAITING">`'WAITING'`),
              ]),
            )
            .orderBy("mr.createdAt")
            .orderBy("mr.id")
            .limit(1)
            .as("r"),
        (join) => join.onTrue(),
      )
      .select((eb) => {
        const wants = eb
          .selectFrom("MemberSkill as ms")
          .innerJoin("Skill as s", "s.id", "ms.skillId")
          .select((e) =>
            sql<
              SkillRef[]
            >`json_agg(json_build_object('slug', ${e.ref("s.slug")}, 'name', ${e.ref("s.name")})
                             ORDER BY lower(${e.ref("s.name")}), ${e.ref("s.slug")})`.as("wants"),
          )
          .where((e) => e.and([e("ms.userId", "=", e.ref("u.id")), e("ms.kind", "=", WANTED)]));
        return [
          "u.id",
          "u.name",
          "u.teamId",
          "t.name as teamName",
          sql<string>`COALESCE(${eb.ref("mp.goals")}, '')`.as("goals"),
          sql<SkillRef[]>`COALESCE(${wants}, '[]'::json)`.as("wants"),
          "r.id as requestId",
          "r.createdAt as waitingSince",
        ];
      })
      .where((eb) => eb.and([eb("u.id", "=", menteeId), eb("u.status", "=", ACTIVE)])),
  );
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
  const query = sqlb
    .with("wanted", (w) =>
      w
        .selectFrom("MemberSkill as ms")
        .innerJoin("Skill as s", "s.id", "ms.skillId")
        .select((eb) => [
          "s.slug",
          "s.name",
          // the name as a whole word, case-insensitively; every symbol escaped (C++, Node.js)
          sql<string>`'(^|[^[:alnum:]_])'
               || regexp_replace(${eb.ref("s.name")}, '([^[:alnum:][:space:]])', '\\\\\\1', 'g')
               || '($|[^[:alnum:]_])'`.as("pattern"),
        ])
        .where((eb) => eb.and([eb("ms.userId", "=", menteeId), eb("ms.kind", "=", WANTED)])),
    )
    .with("wanted_tags", (w) =>
      w
        .selectFrom("wanted as w")
        .innerJoin("Tag as t", "t.slug", "w.slug")
        .select(["t.id as tagId", "w.name"]),
    )
    .with("candidates", (w) =>
      w
        .selectFrom("MentorshipProfile as mp")
        .innerJoin("User as u", "u.id", "mp.userId")
        .leftJoin("Team as tm", "tm.id", "u.teamId")
        .select((eb) => [
          "u.id",
          "u.name",
          "u.title",
          "u.teamId",
          "tm.name as teamName",
          "mp.maxMentees",
          sql<number>`${eb
            .selectFrom("MentorPairing as p")
            .select(sql<number>`COUNT(*)::int`.as("n"))
            .where((e) =>
              e.and([e("p.mentorId", "=", e.ref("u.id")), e("p.status", "in", [ACTIVE, PAUSED])]),
            )}`.as("activeMentees"),
        ])
        .where((eb) =>
          eb.and([
            eb.ref("mp.openToMentor"),
            eb("u.status", "=", ACTIVE),
            eb("u.id", "<>", menteeId),
            eb.not(
              eb.exists(
                eb
                  .selectFrom("MentorPairing as p")
                  .select(sql<number>`1`.as("one"))
                  .where((e) =>
                    e.and([
                      e("p.mentorId", "=", e.ref("u.id")),
                      e("p.menteeId", "=", menteeId),
                      e("p.status", "in", [ACTIVE, PAUSED]),
                    ]),
                  ),
              ),
            ),
          ]),
        ),
    )
    .with("open", (w) =>
      w.selectFrom("candidates").selectAll().whereRef("activeMentees", "<", "maxMentees"),
    )
    .with("offers", (w) =>
      w
        .selectFrom("open as c")
        .innerJoin("MemberSkill as ms", (join) =>
          join.onRef("ms.userId", "=", "c.id").on("ms.kind", "=", sql<"OFFERED">`'OFFERED'`),
        )
        .innerJoin("Skill as s", "s.id", "ms.skillId")
        .select((eb) => [
          "ms.userId",
          sql<
            SkillRef[]
          >`json_agg(json_build_object('slug', ${eb.ref("s.slug")}, 'name', ${eb.ref("s.name")})
                      ORDER BY lower(${eb.ref("s.name")}), ${eb.ref("s.slug")})`.as("offers"),
        ])
        .groupBy("ms.userId"),
    )
    .with("answers", (w) =>
      w
        .selectFrom("open as c")
        .innerJoin("Reply as r", (join) =>
          join
            .onRef("r.authorId", "=", "c.id")
            .on("r.deletedAt", "is", null)
            .on("r.hiddenAt", "is", null),
        )
        .innerJoin("Discussion as d", (join) =>
          join
            .onRef("d.acceptedReplyId", "=", "r.id")
            .on("d.deletedAt", "is", null)
            .on("d.hiddenAt", "is", null),
        )
        .innerJoin("DiscussionTag as dt", "dt.discussionId", "d.id")
        .innerJoin("wanted_tags as wt", "wt.tagId", "dt.tagId")
        .select((eb) => [
          "r.authorId as userId",
          sql<number>`COUNT(DISTINCT ${eb.ref("r.id")})::int`.as("n"),
          sql<string[]>`array_agg(DISTINCT ${eb.ref("wt.name")})`.as("skills"),
        ])
        .groupBy("r.authorId"),
    )
    .with("posts", (w) =>
      w
        .selectFrom("open as c")
        .innerJoin("KnowledgePost as kp", (join) =>
          join
            .onRef("kp.authorId", "=", "c.id")
            .on("kp.status", "=", sql<"PUBLISHED">`'PUBLISHED'`)
            .on("kp.deletedAt", "is", null)
            .on("kp.hiddenAt", "is", null),
        )
        .innerJoin("KnowledgePostTag as pt", "pt.postId", "kp.id")
        .innerJoin("wanted_tags as wt", "wt.tagId", "pt.tagId")
        .select((eb) => [
          "kp.authorId as userId",
          sql<number>`COUNT(DISTINCT ${eb.ref("kp.id")})::int`.as("n"),
          sql<string[]>`array_agg(DISTINCT ${eb.ref("wt.name")})`.as("skills"),
        ])
        .groupBy("kp.authorId"),
    )
    .with("hosted", (w) =>
      w
        .selectFrom("open as c")
        .innerJoin("SessionHost as sh", "sh.userId", "c.id")
        .innerJoin("LearningSession as ls", (join) =>
          join
            .onRef("ls.id", "=", "sh.sessionId")
            .on("ls.status", "<>", sql<"CANCELLED">`'CANCELLED'`),
        )
        .innerJoin("wanted as w", (join) =>
          join.on(
            (eb) =>
              sql<boolean>`(${eb.ref("ls.title")} || ' ' || ${eb.ref("ls.description")}) ~* ${eb.ref("w.pattern")}`,
          ),
        )
        .select((eb) => [
          "sh.userId",
          sql<number>`COUNT(DISTINCT ${eb.ref("ls.id")})::int`.as("n"),
          sql<string[]>`array_agg(DISTINCT ${eb.ref("w.name")})`.as("skills"),
        ])
        .groupBy("sh.userId"),
    )
    .selectFrom("open as c")
    .leftJoin("offers as o", "o.userId", "c.id")
    .leftJoin("answers as a", "a.userId", "c.id")
    .leftJoin("posts as kp", "kp.userId", "c.id")
    .leftJoin("hosted as h", "h.userId", "c.id")
    .select((eb) => [
      "c.id",
      "c.name",
      "c.title",
      "c.teamId",
      "c.teamName",
      "c.maxMentees",
      "c.activeMentees",
      sql<SkillRef[]>`COALESCE(${eb.ref("o.offers")}, '[]'::json)`.as("offers"),
      sql<number>`COALESCE(${eb.ref("a.n")}, 0)`.as("acceptedAnswers"),
      sql<number>`COALESCE(${eb.ref("kp.n")}, 0)`.as("posts"),
      sql<number>`COALESCE(${eb.ref("h.n")}, 0)`.as("sessions"),
      sql<string[]>`COALESCE(${eb.ref("a.skills")}, '{}')`.as("answerSkills"),
      sql<string[]>`COALESCE(${eb.ref("kp.skills")}, '{}')`.as("postSkills"),
      sql<string[]>`COALESCE(${eb.ref("h.skills")}, '{}')`.as("sessionSkills"),
    ]);
  return rows(db, query);
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
