// What counts as a member's activity in the insights, as event rows
// (uid, at, c, o, r, heard): one row per event, with
//   c = 1 for a contribution (posting, answering, hosting, recognising),
//   o = 1 for other activity (reacting, commenting, voting, RSVPing, applauding, feedback,
//       check-ins),
//   r = 1 for a public recognition received (one per recipient row),
//   heard = TRUE when the event means the member was "heard from" (a contribution, a session
//       attended, a recognition received).
// A member is active in a period with any c or o event there, and contributing with a c event.
// Deleted and hidden content never counts; survey receipts are never read, so that nothing
// reveals who answered a survey. The roll-up (rollup.ts) stores these per member and day.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { inSpan, ts, visible, type Span } from "./sql";

/**
 * Contributions within the span: a discussion or question started; a reply (in a visible
 * discussion); a knowledge post published (at publishedAt); a session hosted, once per host,
 * at its start, when it was held (not cancelled and started before `now`); a public
 * recognition given.
 */
function contributionEvents(span: Span, now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT d."authorId" AS "uid", d."createdAt" AS "at"
      FROM "Discussion" d
     WHERE ${visible("d")} AND ${inSpan('d."createdAt"', span)}
    UNION ALL
    SELECT r."authorId", r."createdAt"
      FROM "Reply" r JOIN "Discussion" d ON d."id" = r."discussionId"
     WHERE ${visible("r")} AND ${visible("d")} AND ${inSpan('r."createdAt"', span)}
    UNION ALL
    SELECT k."authorId", k."publishedAt"
      FROM "KnowledgePost" k
     WHERE k."status" = 'PUBLISHED' AND ${visible("k")}
       AND ${inSpan('k."publishedAt"', span)}
    UNION ALL
    SELECT h."userId", s."startsAt"
      FROM "SessionHost" h JOIN "LearningSession" s ON s."id" = h."sessionId"
     WHERE s."status" <> 'CANCELLED' AND s."startsAt" < ${ts(now)}
       AND ${inSpan('s."startsAt"', span)}
    UNION ALL
    SELECT g."giverId", g."createdAt"
      FROM "Recognition" g
     WHERE ${visible("g")} AND ${inSpan('g."createdAt"', span)}`;
}

/**
 * Other activity within the span: a comment on a published post, a reaction to a discussion
 * or reply, a helpful vote, an RSVP created (any answer), applause, session feedback given
 * with one's name (anonymous feedback has no author), a pairing check-in recorded.
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

/**
 * Heard from without contributing: a held session attended (RSVP GOING, or marked attended),
 * at its start; a public recognition received (r = 1).
 */
function attendanceAndReceivedEvents(span: Span, now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT v."userId" AS "uid", s."startsAt" AS "at", 0 AS "r"
      FROM "SessionRsvp" v JOIN "LearningSession" s ON s."id" = v."sessionId"
     WHERE (v."status" = 'GOING' OR v."attendedAt" IS NOT NULL)
       AND s."status" <> 'CANCELLED' AND s."startsAt" < ${ts(now)}
       AND ${inSpan('s."startsAt"', span)}
    UNION ALL
    SELECT rr."userId", g."createdAt", 1
      FROM "RecognitionRecipient" rr JOIN "Recognition" g ON g."id" = rr."recognitionId"
     WHERE ${visible("g")} AND ${inSpan('g."createdAt"', span)}`;
}

/** Every activity event within the span, as rows (uid, at, c, o, r, heard); see above. */
export function activityEvents(span: Span, now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT e."uid", e."at", 1 AS "c", 0 AS "o", 0 AS "r", TRUE AS "heard"
      FROM (${contributionEvents(span, now)}) e
    UNION ALL
    SELECT e."uid", e."at", 0, 1, 0, FALSE FROM (${otherActivityEvents(span)}) e
    UNION ALL
    SELECT e."uid", e."at", 0, 0, e."r", TRUE FROM (${attendanceAndReceivedEvents(span, now)}) e`;
}
