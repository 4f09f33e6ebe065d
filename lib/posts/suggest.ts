// Published posts whose words start with what was typed: the pre-reading picker's suggestions.
import "server-only";
import { db } from "@/lib/core/db/client";
import { searchWords } from "@/lib/core/search-query";

export interface PostSuggestion {
  id: string;
  title: string;
  summary: string;
}

const SUGGESTION_LIMIT = 8;

/**
 * Prefix matches on the posts' full-text index ('english', as the index is built), newest
 * first among the best-ranked. Drafts, hidden and deleted posts never appear.
 */
export async function suggestPosts(typed: string): Promise<PostSuggestion[]> {
  const words = searchWords(typed);
  if (words.length === 0) return [];
  const tsquery = words.map((word) => `${word}:*`).join(" & ");
  return db.$queryRaw<PostSuggestion[]>`
    SELECT p."id", p."title", p."summary"
      FROM "KnowledgePost" p
     WHERE p."status" = 'PUBLISHED' AND p."deletedAt" IS NULL AND p."hiddenAt" IS NULL
       AND p."searchVector" @@ to_tsquery('english', ${tsquery})
     ORDER BY ts_rank(p."searchVector", to_tsquery('english', ${tsquery})) DESC, p."publishedAt" DESC, p."id"
     LIMIT ${SUGGESTION_LIMIT}`;
}
