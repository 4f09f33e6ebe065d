// Knowledge: discussions, questions and how they are answered, knowledge posts published and
// past their review date. One statement for both periods; deleted and hidden content (and
// replies in deleted or hidden discussions) never counts.
import "server-only";
import type { Periods } from "./period";
import { rows as run, sql, sqlb } from "@/lib/core/db/typed-sql";
import {
  byPeriod,
  periodKeyExpr,
  periodsQuery,
  typedSpanOf,
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
  const span = typedSpanOf(periods);
  const question = sql<"QUESTION">`'QUESTION'`;
  const query = sqlb
    .with("periods", () => periodsQuery(periods))
    .with(
      (cte) => cte("asked").materialized(),
      (w) =>
        w
          .selectFrom("Discussion as d")
          .crossJoinLateral((l) =>
            sqlb.selectNoFrom(periodKeyExpr(l.ref("d.createdAt"), periods).as("key")).as("k"),
          )
          .select(["k.key", "d.id", "d.kind", "d.authorId", "d.createdAt", "d.acceptedReplyId"])
          .where((eb) =>
            eb.and([
              eb("d.deletedAt", "is", null),
              eb("d.hiddenAt", "is", null),
              eb("d.createdAt", ">=", span.lo),
              eb("d.createdAt", "<", span.hi),
              eb("k.key", "is not", null),
            ]),
          ),
    )
    .with("firsts", (w) =>
      w
        .selectFrom("asked as q")
        .crossJoinLateral((l) =>
          l
            .selectFrom("Reply as r")
            .select("r.createdAt as at")
            .where((eb) =>
              eb.and([
                eb("r.discussionId", "=", eb.ref("q.id")),
                eb("r.authorId", "<>", eb.ref("q.authorId")),
                eb("r.deletedAt", "is", null),
                eb("r.hiddenAt", "is", null),
              ]),
            )
            .orderBy("r.createdAt")
            .limit(1)
            .as("f"),
        )
        .select((eb) => [
          "q.key",
          sql<number>`(EXTRACT(EPOCH FROM (${eb.ref("f.at")} - ${eb.ref("q.createdAt")})) / 3600.0)::float8`.as(
            "hours",
          ),
        ])
        .where("q.kind", "=", question),
    )
    .selectFrom("periods as p")
    .crossJoinLateral((l) =>
      l
        .selectFrom("asked as d")
        .leftJoin("Reply as a", "a.id", "d.acceptedReplyId")
        .select((eb) => [
          sql<number>`(COUNT(*) FILTER (WHERE ${eb.ref("d.kind")} = 'DISCUSSION'))::int`.as(
            "discussions",
          ),
          sql<number>`(COUNT(*) FILTER (WHERE ${eb.ref("d.kind")} = 'QUESTION'))::int`.as(
            "questions",
          ),
          sql<number>`(COUNT(*) FILTER (
              WHERE ${eb.ref("d.kind")} = 'QUESTION' AND ${eb.ref("a.id")} IS NOT NULL
                AND ${eb.ref("a.deletedAt")} IS NULL AND ${eb.ref("a.hiddenAt")} IS NULL
            ))::int`.as("questionsAnswered"),
        ])
        .whereRef("d.key", "=", "p.key")
        .as("d"),
    )
    .crossJoinLateral((l) =>
      l
        .selectFrom("firsts as f")
        .select((eb) =>
          sql<
            number | null
          >`(percentile_cont(0.5) WITHIN GROUP (ORDER BY ${eb.ref("f.hours")}))::float8`.as(
            "median",
          ),
        )
        .whereRef("f.key", "=", "p.key")
        .as("m"),
    )
    .crossJoinLateral((l) =>
      l
        .selectFrom("KnowledgePost as k")
        .select((eb) => [
          sql<number>`(COUNT(*) FILTER (WHERE ${eb.ref("k.publishedAt")} >= ${eb.ref("p.from")}))::int`.as(
            "postsPublished",
          ),
          sql<number>`(COUNT(*) FILTER (
              WHERE ${eb.ref("k.reviewBy")} < CAST(${eb.ref("p.to")} - INTERVAL '1 millisecond' AS date)
                AND GREATEST(${eb.ref("k.publishedAt")}, ${eb.ref("k.reviewedAt")}, ${eb.ref("k.editedAt")}) < ${eb.ref("p.to")}
            ))::int`.as("postsPastReview"),
        ])
        .where((eb) =>
          eb.and([
            eb("k.status", "=", sql<"PUBLISHED">`'PUBLISHED'`),
            eb("k.deletedAt", "is", null),
            eb("k.hiddenAt", "is", null),
            eb("k.publishedAt", "<", eb.ref("p.to")),
          ]),
        )
        .as("k"),
    )
    .select((eb) => [
      "p.key",
      "d.discussions",
      "d.questions",
      "d.questionsAnswered",
      sql<
        number | null
      >`(${eb.ref("d.questionsAnswered")}::float8 / NULLIF(${eb.ref("d.questions")}, 0))`.as(
        "answeredShare",
      ),
      "m.median as medianHoursToFirstAnswer",
      "k.postsPublished",
      "k.postsPastReview",
    ]);
  const rows = await run(client, query);
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
