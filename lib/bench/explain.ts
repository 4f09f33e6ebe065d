// `npm run bench -- --explain`: EXPLAIN (ANALYZE, BUFFERS) of queries shaped like the main
// pages' (list, thread, search, posts, tag page) against DATABASE_URL, to check index use at
// bench volume. They are stand-ins written here, not the pages' own queries.
import pg from "pg";
import { BENCH_THREAD_TITLE } from "./constants";

const VISIBLE = `d."hiddenAt" IS NULL AND d."deletedAt" IS NULL`;

const QUERIES: Record<string, string> = {
  "discussion list, first page (newest activity)": `
    SELECT d."id", d."title", d."kind", d."replyCount", d."reactionCount", d."lastActivityAt", u."name"
      FROM "Discussion" d JOIN "User" u ON u."id" = d."authorId"
     WHERE ${VISIBLE}
     ORDER BY d."lastActivityAt" DESC, d."id" DESC LIMIT 21`,
  "discussion list, page 50 (keyset)": `
    WITH cursor AS (SELECT "lastActivityAt" AS at, "id" FROM "Discussion"
                     ORDER BY "lastActivityAt" DESC, "id" DESC OFFSET 1000 LIMIT 1)
    SELECT d."id", d."title", d."lastActivityAt" FROM "Discussion" d, cursor c
     WHERE ${VISIBLE} AND (d."lastActivityAt", d."id") < (c.at, c."id")
     ORDER BY d."lastActivityAt" DESC, d."id" DESC LIMIT 21`,
  "thread: first 50 replies of the 100-reply discussion": `
    SELECT r."id", r."body", r."createdAt", r."reactionCount", u."name"
      FROM "Reply" r JOIN "User" u ON u."id" = r."authorId"
     WHERE r."discussionId" = (SELECT "id" FROM "Discussion" WHERE "title" = $1 LIMIT 1)
     ORDER BY r."createdAt", r."id" LIMIT 51`,
  "search discussions (ranked)": `
    SELECT d."id", d."title", ts_rank(d."searchVector", q) AS rank
      FROM "Discussion" d, websearch_to_tsquery('english', $1) q
     WHERE d."searchVector" @@ q AND ${VISIBLE}
     ORDER BY rank DESC, d."id" LIMIT 20`,
  "search replies (ranked)": `
    SELECT r."id", r."discussionId", ts_rank(r."searchVector", q) AS rank
      FROM "Reply" r, websearch_to_tsquery('english', $1) q
     WHERE r."searchVector" @@ q AND r."hiddenAt" IS NULL AND r."deletedAt" IS NULL
     ORDER BY rank DESC, r."id" LIMIT 20`,
  "knowledge posts, first page (newest published)": `
    SELECT p."id", p."title", p."type", p."summary", p."helpfulCount", p."commentCount", p."publishedAt"
      FROM "KnowledgePost" p
     WHERE p."status" = 'PUBLISHED' AND p."hiddenAt" IS NULL AND p."deletedAt" IS NULL
     ORDER BY p."publishedAt" DESC, p."id" DESC LIMIT 21`,
  "tag page: discussions in the most used tag": `
    SELECT d."id", d."title", d."lastActivityAt"
      FROM "DiscussionTag" dt JOIN "Discussion" d ON d."id" = dt."discussionId"
     WHERE dt."tagId" = (SELECT "tagId" FROM "DiscussionTag" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1)
       AND ${VISIBLE}
     ORDER BY d."lastActivityAt" DESC, d."id" DESC LIMIT 21`,
};

export async function explainMainQueries(input: {
  searchWord: string;
  log: (line: string) => void;
}) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("--explain needs DATABASE_URL (the database the server uses).");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const [name, sql] of Object.entries(QUERIES)) {
      const params = !sql.includes("$1")
        ? []
        : name.startsWith("thread")
          ? [BENCH_THREAD_TITLE]
          : [input.searchWord];
      const { rows } = await client.query<{ "QUERY PLAN": string }>(
        `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
        params,
      );
      input.log(`\n== ${name}`);
      for (const row of rows) input.log(row["QUERY PLAN"]);
    }
  } finally {
    await client.end();
  }
}
