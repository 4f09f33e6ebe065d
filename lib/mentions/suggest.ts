import { db } from "@/lib/core/db/client";
import { rows, sql, sqlb } from "@/lib/core/db/typed-sql";
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
  // "searchVector" is Unsupported("tsvector") in the schema, so not in the typed columns.
  return rows(
    db,
    sqlb
      .selectFrom("User as u")
      .select(["u.id", "u.name", "u.title"])
      .where((eb) =>
        eb.and([
          eb("u.status", "=", sql<"ACTIVE">`'ACTIVE'`),
          sql<boolean>`u."searchVector" @@ to_tsquery('simple', ${tsquery})`,
        ]),
      )
      .orderBy((eb) => sql`(lower(${eb.ref("u.name")}) LIKE lower(${typed.trim()}) || '%')`, "desc")
      .orderBy("u.name")
      .orderBy("u.id")
      .limit(SUGGESTION_LIMIT),
  );
}
