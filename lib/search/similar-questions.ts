// "Similar questions" while a member types a new question's title: up to five visible
// discussions whose indexed text matches the title's words, questions first.
//
// Matching. websearch_to_tsquery ANDs the words, so a title being typed ("How do we run
// retros across time zones") would only find discussions holding every one of them; the
// words are ORed instead. But a plain OR of every word matches most of the table through its
// common words ("team", "run") and then ranks all of it: one statement over ~17,000 rows on
// the bench seed, 200–300 ms. So the words that match are the informative ones: lexemes in at
// most a tenth of discussions, by the column's statistics (pg_stats.most_common_elems, which
// ANALYZE keeps for a tsvector; a lexeme missing from it is rarer than all listed). When every
// word is common, the two rarest must both match (all of them would find nothing for a long
// title), and a single common word ("How do you keep") says too little to suggest anything.
// Every word, common or not, counts towards the rank (ts_rank: title words weigh most), and a
// question ranks half as high again as a discussion. Without statistics (a new database)
// every word counts as rare: a plain OR. Only the newest thousand matches are ranked, which
// bounds a title of common words ("team session": half the bench seed) at ~25 ms, not 100.
import "server-only";
import { db } from "@/lib/core/db/client";
import { rows, sql, sqlb } from "@/lib/core/db/typed-sql";
import { searchWords } from "@/lib/core/search-query";
import { readableContentSql, type Viewer } from "@/lib/communities/visibility";
import { cleanSearchText } from "./query-text";
import type { DiscussionKind } from "@/lib/generated/prisma/enums";

export const SIMILAR_LIMIT = 5;
/** A lexeme in more discussions than this share is too common to find anything by. */
const COMMON_SHARE = 0.1;
const QUESTION_BOOST = 1.5;
/** At most this many matches (the newest) are ranked. */
const CANDIDATES = 1000;

export interface SimilarQuestion {
  id: string;
  title: string;
  kind: DiscussionKind;
  answered: boolean;
  replyCount: number;
}

/**
 * The title's lexemes (stemmed by the english configuration, stop words gone) with each one's
 * share of discussions, as the two tsqueries: `ranking` ORs them all, `matching` ORs the rare
 * ones or, when there are none, ANDs the two rarest (NULL, matching nothing, for one common
 * word). The lexemes are cast to tsquery as they are, quoted (so "lunch-and-learn" stays one
 * operand, as the vectors hold it, and nothing is stemmed twice); the parser leaves no quote or
 * backslash in a lexeme, and any that did would be dropped rather than break the syntax.
 */
function titleQueries(title: string) {
  const operand = sql`chr(39) || t.lexeme || chr(39)`;
  return sql<{ ranking: unknown; matching: unknown }>`(
    SELECT
      string_agg(${operand}, ' | ')::tsquery AS ranking,
      COALESCE(
        string_agg(${operand}, ' | ') FILTER (WHERE t.share <= ${COMMON_SHARE}),
        CASE WHEN count(*) >= 2 THEN string_agg(${operand}, ' & ') FILTER (WHERE t.rarity <= 2) END
      )::tsquery AS matching
    FROM (
      SELECT typed.lexeme, COALESCE(common.share, 0) AS share,
        row_number() OVER (ORDER BY COALESCE(common.share, 0), typed.lexeme) AS rarity
      FROM unnest(tsvector_to_array(to_tsvector('english', ${title}))) AS typed(lexeme)
      LEFT JOIN (
        SELECT e.lexeme, e.share
        FROM pg_stats s,
          unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(lexeme, share)
        WHERE s.schemaname = current_schema()
          AND s.tablename = 'Discussion' AND s.attname = 'searchVector'
      ) AS common ON common.lexeme = typed.lexeme
      -- chr(39) is a quote, chr(92) a backslash.
      WHERE strpos(typed.lexeme, chr(39)) = 0 AND strpos(typed.lexeme, chr(92)) = 0
    ) AS t
  )`.as("q");
}

/**
 * The visible discussions that match, newest first, at most CANDIDATES of them: the only ones
 * ranked, so a title of common words costs about what a rare one does (as in site search).
 */
function candidates(viewer: Viewer) {
  return sqlb
    .selectFrom("Discussion as d")
    .select([
      "d.id",
      "d.title",
      sql<DiscussionKind>`d.kind::text`.as("kind"),
      sql<boolean>`d."acceptedReplyId" IS NOT NULL`.as("answered"),
      "d.replyCount",
      sql<unknown>`d."searchVector"`.as("vector"),
    ])
    .where(sql<boolean>`d."searchVector" @@ q.matching`)
    .where("d.deletedAt", "is", null)
    .where("d.hiddenAt", "is", null)
    .where(readableContentSql("d", viewer))
    .orderBy("d.createdAt", "desc")
    .orderBy("d.id", "desc")
    .limit(CANDIDATES)
    .as("c");
}

/**
 * Up to five discussions the viewer may read like the typed title, best first (none for no
 * words).
 */
export async function similarQuestions(viewer: Viewer, typed: string): Promise<SimilarQuestion[]> {
  const title = cleanSearchText(typed);
  if (searchWords(title).length === 0) return [];
  const rank = sql<number>`ts_rank(c.vector, q.ranking)
    * CASE WHEN c.kind = 'QUESTION' THEN ${QUESTION_BOOST}::float4 ELSE 1 END`;
  return rows(
    db,
    sqlb
      .selectFrom(titleQueries(title))
      .innerJoinLateral(candidates(viewer), (join) => join.onTrue())
      .select(["c.id", "c.title", "c.kind", "c.answered", "c.replyCount"])
      .orderBy(rank, "desc")
      .orderBy("c.id")
      .limit(SIMILAR_LIMIT),
  );
}
