// Checks that the denormalised counters agree with the rows they count (the bench seed writes
// both; the pages trust the counters). Each query returns how many rows disagree.
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
