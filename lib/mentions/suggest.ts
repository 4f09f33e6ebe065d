import { db } from "@/lib/core/db/client";
import { prefixTsQuery } from "@/lib/core/search-query";

export interface MentionSuggestion {
  id: string;
  name: string;
  title: string | null;
}

const SUGGESTION_LIMIT = 8;

/** Active members whose name, team, skills or title start with the typed words. */
export async function suggestMentions(typed: string): Promise<MentionSuggestion[]> {
  const tsquery = prefixTsQuery(typed);
  if (!tsquery) return [];
  return db.$queryRaw<MentionSuggestion[]>`
    SELECT u."id", u."name", u."title"
      FROM "User" u
     WHERE u."status" = 'ACTIVE' AND u."searchVector" @@ to_tsquery('simple', ${tsquery})
     ORDER BY (lower(u."name") LIKE lower(${typed.trim()}) || '%') DESC, u."name", u."id"
     LIMIT ${SUGGESTION_LIMIT}`;
}
