// Checks that the denormalised counters agree with the rows they count (the bench seed writes
// both; the pages trust the counters), and that the rules the services keep hold (mentor
// capacity, one open pairing per pair, one receipt per rating or response). Each query
// returns how many rows disagree.
import type { ClientBase } from "pg";

const CHECKS = {
  "Discussion.replyCount (visible replies)": `
    SELECT count(*)::int AS n FROM "Discussion" d
      LEFT JOIN (SELECT "discussionId", count(*) AS c FROM "Reply"
                  WHERE "hiddenAt" IS NULL AND "deletedAt" IS NULL GROUP BY 1) r
        ON r."discussionId" = d."id"
     WHERE d."replyCount" <> coalesce(r.c, 0)`,
  "Discussion.reactionCount": `
    SELECT count(*)::int AS n FROM "Discussion" d
      LEFT JOIN (SELECT "discussionId", count(*) AS c FROM "DiscussionReaction" GROUP BY 1) r
        ON r."discussionId" = d."id"
     WHERE d."reactionCount" <> coalesce(r.c, 0)`,
  "Discussion.lastActivityAt (newest visible reply, or creation)": `
    SELECT count(*)::int AS n FROM "Discussion" d
      LEFT JOIN (SELECT "discussionId", max("createdAt") AS t FROM "Reply"
                  WHERE "hiddenAt" IS NULL AND "deletedAt" IS NULL GROUP BY 1) r
        ON r."discussionId" = d."id"
     WHERE d."lastActivityAt" <> greatest(d."createdAt", coalesce(r.t, d."createdAt"))`,
  "Reply.reactionCount": `
    SELECT count(*)::int AS n FROM "Reply" p
      LEFT JOIN (SELECT "replyId", count(*) AS c FROM "ReplyReaction" GROUP BY 1) r
        ON r."replyId" = p."id"
     WHERE p."reactionCount" <> coalesce(r.c, 0)`,
  "KnowledgePost.helpfulCount": `
    SELECT count(*)::int AS n FROM "KnowledgePost" p
      LEFT JOIN (SELECT "postId", count(*) AS c FROM "HelpfulVote" GROUP BY 1) v
        ON v."postId" = p."id"
     WHERE p."helpfulCount" <> coalesce(v.c, 0)`,
  "KnowledgePost.commentCount (visible comments)": `
    SELECT count(*)::int AS n FROM "KnowledgePost" p
      LEFT JOIN (SELECT "postId", count(*) AS c FROM "PostComment"
                  WHERE "hiddenAt" IS NULL AND "deletedAt" IS NULL GROUP BY 1) c
        ON c."postId" = p."id"
     WHERE p."commentCount" <> coalesce(c.c, 0)`,
  "Discussion.acceptedReplyId (a reply of the same question)": `
    SELECT count(*)::int AS n FROM "Discussion" d JOIN "Reply" r ON r."id" = d."acceptedReplyId"
     WHERE r."discussionId" <> d."id" OR d."kind" <> 'QUESTION'`,
  "LearningSession.goingCount (GOING RSVPs)": `
    SELECT count(*)::int AS n FROM "LearningSession" s
      LEFT JOIN (SELECT "sessionId", count(*) AS c FROM "SessionRsvp"
                  WHERE "status" = 'GOING' GROUP BY 1) r ON r."sessionId" = s."id"
     WHERE s."goingCount" <> coalesce(r.c, 0)`,
  "LearningSession.capacity (GOING RSVPs within it)": `
    SELECT count(*)::int AS n FROM "LearningSession"
     WHERE "capacity" IS NOT NULL AND "goingCount" > "capacity"`,
  "SessionFeedback (one receipt per rating, per session)": `
    SELECT count(*)::int AS n FROM
      (SELECT "sessionId", count(*) AS c FROM "SessionFeedback" GROUP BY 1) f
      FULL JOIN (SELECT "sessionId", count(*) AS c FROM "SessionFeedbackReceipt" GROUP BY 1) r
        USING ("sessionId")
     WHERE coalesce(f.c, 0) <> coalesce(r.c, 0)`,
  "Recognition.applauseCount": `
    SELECT count(*)::int AS n FROM "Recognition" g
      LEFT JOIN (SELECT "recognitionId", count(*) AS c FROM "RecognitionApplause" GROUP BY 1) a
        ON a."recognitionId" = g."id"
     WHERE g."applauseCount" <> coalesce(a.c, 0)`,
  "Recognition (no giver among its recipients or applause)": `
    SELECT count(*)::int AS n FROM "Recognition" g
     WHERE EXISTS (SELECT 1 FROM "RecognitionRecipient" r
                    WHERE r."recognitionId" = g."id" AND r."userId" = g."giverId")
        OR EXISTS (SELECT 1 FROM "RecognitionApplause" a
                    WHERE a."recognitionId" = g."id" AND a."userId" = g."giverId")`,
  "MentorPairing.lastCheckInOn (latest check-in)": `
    SELECT count(*)::int AS n FROM "MentorPairing" p
      LEFT JOIN (SELECT "pairingId", max("heldOn") AS d FROM "PairingCheckIn" GROUP BY 1) c
        ON c."pairingId" = p."id"
     WHERE p."lastCheckInOn" IS DISTINCT FROM c.d`,
  "MentorshipProfile.maxMentees (open pairings within it)": `
    SELECT count(*)::int AS n FROM
      (SELECT "mentorId", count(*) AS c FROM "MentorPairing"
        WHERE "status" IN ('ACTIVE', 'PAUSED') GROUP BY 1) p
      LEFT JOIN "MentorshipProfile" m ON m."userId" = p."mentorId"
     WHERE m."userId" IS NULL OR NOT m."openToMentor" OR p.c > m."maxMentees"`,
  "MentorPairing (one open pairing per mentor and mentee)": `
    SELECT count(*)::int AS n FROM
      (SELECT 1 FROM "MentorPairing" WHERE "status" IN ('ACTIVE', 'PAUSED')
        GROUP BY "mentorId", "menteeId" HAVING count(*) > 1) d`,
  "PulseSurvey.responseCount": `
    SELECT count(*)::int AS n FROM "PulseSurvey" s
      LEFT JOIN (SELECT "surveyId", count(*) AS c FROM "PulseResponse" GROUP BY 1) r
        ON r."surveyId" = s."id"
     WHERE s."responseCount" <> coalesce(r.c, 0)`,
  "PulseReceipt (one per response, per survey)": `
    SELECT count(*)::int AS n FROM "PulseSurvey" s
      LEFT JOIN (SELECT "surveyId", count(*) AS c FROM "PulseReceipt" GROUP BY 1) r
        ON r."surveyId" = s."id"
     WHERE s."responseCount" <> coalesce(r.c, 0)`,
};

/** Counter name → number of rows whose counter disagrees (all zero when consistent). */
export async function counterMismatches(client: ClientBase): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const [name, sql] of Object.entries(CHECKS)) {
    const { rows } = await client.query<{ n: number }>(sql);
    result[name] = rows[0]!.n;
  }
  return result;
}

const COUNTED_TABLES = [
  "User",
  "Team",
  "Tag",
  "TagFollow",
  "Discussion",
  "Reply",
  "DiscussionReaction",
  "ReplyReaction",
  "KnowledgePost",
  "PostComment",
  "HelpfulVote",
  "Bookmark",
  "LearningSession",
  "SessionHost",
  "SessionRsvp",
  "SessionFeedback",
  "SessionFeedbackReceipt",
  "SessionActionItem",
  "CompanyValue",
  "Recognition",
  "RecognitionRecipient",
  "RecognitionApplause",
  "MentorshipProfile",
  "MentorPairing",
  "PairingGoal",
  "PairingCheckIn",
  "MentorRequest",
  "PulseSurvey",
  "PulseQuestion",
  "PulseResponse",
  "PulseAnswer",
  "PulseReceipt",
] as const;

/** Row counts of the tables the bench seed fills. */
export async function tableCounts(client: ClientBase): Promise<Record<string, number>> {
  const sql = COUNTED_TABLES.map(
    (table) => `SELECT '${table}' AS name, count(*)::int AS n FROM "${table}"`,
  ).join(" UNION ALL ");
  const { rows } = await client.query<{ name: string; n: number }>(sql);
  const countOf = new Map(rows.map((row) => [row.name, row.n]));
  return Object.fromEntries(COUNTED_TABLES.map((table) => [table, countOf.get(table) ?? 0]));
}
