// Knowledge: discussions, questions and how they are answered, knowledge posts published and
// past their review date. One statement for both periods; deleted and hidden content (and
// replies in deleted or hidden discussions) never counts.
import "server-only";
import type { Periods } from "./period";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  byPeriod,
  inSpan,
  periodKeyOf,
  periodsCte,
  spanOf,
  visible,
  type Compared,
  type SqlClient,
} from "./sql";

export interface KnowledgeFigures {
  /** Discussions (kind DISCUSSION) started in the period. */
  discussions: number;
  /** Questions (kind QUESTION) asked in the period. */
  questions: number;
  /**
   * Of those questions, the ones with an accepted answer (a visible reply), as things stand
   * now: a question asked in the period and answered after it counts.
   */
  questionsAnswered: number;
  /** questionsAnswered / questions (0–1); null when no question was asked. */
  answeredShare: number | null;
  /**
   * Median hours from a question (asked in the period) to its first visible reply by someone
   * other than the asker; questions with no such reply are left out. Null when none has one.
   */
  medianHoursToFirstAnswer: number | null;
  /** Knowledge posts published (publishedAt) in the period. */
  postsPublished: number;
  /**
   * As of the period's end (not a count of events): published posts whose review date had
   * passed, by the app's own rule (the review-by date is before the day, here the period's last
   * day), and that were not reviewed, edited or published since. The review-by date an author
   * sets is changed by publishing, editing and reviewing, so a post none of these touched
   * after the period still had the review-by date it has now.
   */
  postsPastReview: number;
}

export async function knowledge(
  client: SqlClient,
  periods: Periods,
): Promise<Compared<KnowledgeFigures>> {
  const span = spanOf(periods);
  const rows = await client.$queryRaw<(KnowledgeFigures & { key: string })[]>`
    WITH ${periodsCte(periods)},
    asked AS MATERIALIZED (
      SELECT k."key", d."id", d."kind", d."authorId", d."createdAt", d."acceptedReplyId"
      FROM "Discussion" d
      CROSS JOIN LATERAL (SELECT ${periodKeyOf(Prisma.sql`d."createdAt"`, periods)} AS "key") k
      WHERE ${visible("d")} AND ${inSpan('d."createdAt"', span)} AND k."key" IS NOT NULL
    ),
    firsts AS (
      SELECT q."key", (EXTRACT(EPOCH FROM (f."at" - q."createdAt")) / 3600.0)::float8 AS "hours"
      FROM asked q
      CROSS JOIN LATERAL (
        SELECT r."createdAt" AS "at" FROM "Reply" r
        WHERE r."discussionId" = q."id" AND r."authorId" <> q."authorId" AND ${visible("r")}
        ORDER BY r."createdAt" LIMIT 1
      ) f
      WHERE q."kind" = 'QUESTION'
    )
    SELECT p."key", d."discussions", d."questions", d."questionsAnswered",
           (d."questionsAnswered"::float8 / NULLIF(d."questions", 0)) AS "answeredShare",
           m."median" AS "medianHoursToFirstAnswer",
           k."postsPublished", k."postsPastReview"
    FROM periods p
    CROSS JOIN LATERAL (
      SELECT (COUNT(*) FILTER (WHERE d."kind" = 'DISCUSSION'))::int AS "discussions",
             (COUNT(*) FILTER (WHERE d."kind" = 'QUESTION'))::int AS "questions",
             (COUNT(*) FILTER (
               WHERE d."kind" = 'QUESTION' AND a."id" IS NOT NULL
                 AND a."deletedAt" IS NULL AND a."hiddenAt" IS NULL
             ))::int AS "questionsAnswered"
      FROM asked d
      LEFT JOIN "Reply" a ON a."id" = d."acceptedReplyId"
      WHERE d."key" = p."key"
    ) d
    CROSS JOIN LATERAL (
      SELECT (percentile_cont(0.5) WITHIN GROUP (ORDER BY f."hours"))::float8 AS "median"
      FROM firsts f WHERE f."key" = p."key"
    ) m
    CROSS JOIN LATERAL (
      SELECT (COUNT(*) FILTER (WHERE k."publishedAt" >= p."from"))::int AS "postsPublished",
             (COUNT(*) FILTER (
               WHERE k."reviewBy" < CAST(p."to" - INTERVAL '1 millisecond' AS date)
                 AND GREATEST(k."publishedAt", k."reviewedAt", k."editedAt") < p."to"
             ))::int AS "postsPastReview"
      FROM "KnowledgePost" k
      WHERE k."status" = 'PUBLISHED' AND ${visible("k")} AND k."publishedAt" < p."to"
    ) k`;
  return byPeriod(rows, (row) => ({
    discussions: row?.discussions ?? 0,
    questions: row?.questions ?? 0,
    questionsAnswered: row?.questionsAnswered ?? 0,
    answeredShare: row?.answeredShare ?? null,
    medianHoursToFirstAnswer: row?.medianHoursToFirstAnswer ?? null,
    postsPublished: row?.postsPublished ?? 0,
    postsPastReview: row?.postsPastReview ?? 0,
  }));
}
