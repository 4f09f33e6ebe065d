// Published posts whose words start with what was typed: the pre-reading picker's suggestions.
import "server-only";
import { db } from "@/lib/core/db/client";
import { rows, sql, sqlb } from "@/lib/core/db/typed-sql";
import { searchWords } from "@/lib/core/search-query";
import { readableContentSql, type Viewer } from "@/lib/communities/visibility";

export interface PostSuggestion {
  id: string;
  title: string;
  summary: string;
}

const SUGGESTION_LIMIT = 8;

/**
 * Prefix matches on the posts' full-text index ('english', as the index is built), newest
 * first among the best-ranked. Drafts, hidden and deleted posts, and private communities' posts
 * the viewer may not read, never appear.
 */
export async function suggestPosts(viewer: Viewer, typed: string): Promise<PostSuggestion[]> {
  const words = searchWords(typed);
  if (words.length === 0) return [];
  const tsquery = words.map((word) => `${word}:*`).join(" & ");
  // "searchVector" is Unsupported("tsvector") in the schema, so not in the typed columns.
  return rows(
    db,
    sqlb
      .selectFrom("KnowledgePost as p")
      .select(["p.id", "p.title", "p.summary"])
      .where((eb) =>
        eb.and([
          eb("p.status", "=", sql<"PUBLISHED">`'PUBLISHED'`),
          eb("p.deletedAt", "is", null),
          eb("p.hiddenAt", "is", null),
          readableContentSql("p", viewer),
          sql<boolean>`p."searchVector" @@ to_tsquery('english', ${tsquery})`,
        ]),
      )
      .orderBy(sql`ts_rank(p."searchVector", to_tsquery('english', ${tsquery}))`, "desc")
      .orderBy("p.publishedAt", "desc")
      .orderBy("p.id")
      .limit(SUGGESTION_LIMIT),
  );
}
