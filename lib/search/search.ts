// Site search: PostgreSQL full-text search over discussions, replies, published knowledge
// posts and active members. Each type is one query that matches on the GIN-indexed
// "searchVector", ranks a bounded set of candidates (the newest matches, see rankedPage),
// keeps one page by (rank, id), and only then computes highlighted snippets with ts_headline
// for that page's rows.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/core/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DiscussionKind, KnowledgePostType } from "@/lib/generated/prisma/enums";
import { DISCUSSION_BADGES, POST_BADGES } from "@/lib/feed/labels";
import { prefixTsQuery } from "@/lib/core/search-query";
import { decodeCursorOrThrow, toPage, type Page } from "@/lib/core/pagination/cursor";
import {
  highlightParts,
  MARK_END,
  MARK_START,
  SNIPPET_OPTIONS,
  WHOLE_TEXT_OPTIONS,
  type TextPart,
} from "./highlight";
import { SEARCH_LIMITS } from "./limits";
import { RESULT_TYPES, type ResultType, type SearchPageParams } from "./schemas";

export interface SearchHit {
  type: ResultType;
  id: string;
  href: string;
  badge: string;
  /** The link text, with the matched words marked. */
  title: TextPart[];
  snippet: TextPart[];
  authorName: string | null;
  /** When it was written (published, for posts); null for members. */
  date: Date | null;
}

export interface SearchRequest {
  /** Already cleaned by cleanSearchText (the page's schema does it). */
  text: string;
  tag?: string;
  cursor?: string;
  take: number;
}

export interface SearchSection extends Page<SearchHit> {
  type: ResultType;
}

// Ranks are rounded numerics carried as text, so a cursor compares exactly across requests.
const rankCursorSchema = z.tuple([z.string().regex(/^\d{1,4}(\.\d{1,6})?$/), z.string().max(40)]);

const MARKERS = MARK_START + MARK_END;
// Markdown noise removed before ts_headline: links and images keep their text; HTML-like
// tags, line-start syntax (headings, quotes, list bullets) and emphasis characters go.
const MARKDOWN_LINK = String.raw`!?\[([^\]]*)\]\([^)]*\)`;
const MARKDOWN_SYNTAX =
  String.raw`<[^>]*>|^[ \t]*(#{1,6}|>|[-*+])[ \t]+|[*` + "`" + String.raw`~|]+`;

function englishQuery(text: string): Prisma.Sql {
  return Prisma.sql`websearch_to_tsquery('english', ${text})`;
}

/** A candidate's rank (its "vector" column), rounded so that cursors compare exactly. */
function rankOf(query: Prisma.Sql, normalisation = 0): Prisma.Sql {
  return Prisma.sql`round(ts_rank("vector", ${query}, ${normalisation})::numeric, 6)`;
}

// Normalisation 1 divides by the log of the length, so a long text's many passing mentions
// do not outrank a short, focused one; title (A) matches weigh most.
const contentRank = (query: Prisma.Sql) => rankOf(query, 1);

function afterRank(cursor: string | undefined): Prisma.Sql {
  if (!cursor) return Prisma.sql`TRUE`;
  const [rank, id] = decodeCursorOrThrow(cursor, rankCursorSchema);
  return Prisma.sql`("rank" < ${rank}::numeric OR ("rank" = ${rank}::numeric AND "id" > ${id}))`;
}

function withoutMarkers(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`translate(${column}, ${MARKERS}, '')`;
}

/**
 * Markdown as plain words for ts_headline. Only the start of a long text is used: the
 * headline parses all it is given, so this bounds its cost per row (a match further on still
 * finds the row; its snippet then shows the opening words).
 */
function snippetSource(column: Prisma.Sql): Prisma.Sql {
  const start = Prisma.sql`left(${column}, ${SEARCH_LIMITS.snippetSourceLength})`;
  const links = Prisma.sql`regexp_replace(${withoutMarkers(start)}, ${MARKDOWN_LINK}, ${"\\1"}, 'g')`;
  return Prisma.sql`regexp_replace(${links}, ${MARKDOWN_SYNTAX}, ' ', 'gn')`;
}

function discussionHasTag(discussionId: Prisma.Sql, tag: string | undefined): Prisma.Sql {
  if (!tag) return Prisma.empty;
  return Prisma.sql`AND EXISTS (SELECT 1 FROM "DiscussionTag" dt JOIN "Tag" t ON t."id" = dt."tagId"
    WHERE dt."discussionId" = ${discussionId} AND t."slug" = ${tag})`;
}

function postHasTag(postId: Prisma.Sql, tag: string | undefined): Prisma.Sql {
  if (!tag) return Prisma.empty;
  return Prisma.sql`AND EXISTS (SELECT 1 FROM "KnowledgePostTag" pt JOIN "Tag" t ON t."id" = pt."tagId"
    WHERE pt."postId" = ${postId} AND t."slug" = ${tag})`;
}

/**
 * The page of (id, rank) out of the ranked candidates, as a subquery named "page". Without a
 * tag the candidates are the newest matches (`newestFirst` is an order some index gives), so
 * a very common word ranks recent content rather than whatever the table holds first. With
 * a tag the tag's rows already narrow the candidates; ordering them would mean reading all of
 * a big tag's matches before the limit, so the first ones found are ranked.
 */
function rankedPage(
  candidates: Prisma.Sql,
  newestFirst: Prisma.Sql,
  rank: Prisma.Sql,
  request: SearchRequest,
): Prisma.Sql {
  const order = request.tag ? Prisma.empty : Prisma.sql`ORDER BY ${newestFirst}`;
  // Ranked outside the candidates' query, so only the kept candidates are ranked, not every
  // match a sort had to look at.
  return Prisma.sql`(
    SELECT "id", "rank" FROM (
      SELECT "id", ${rank} AS "rank" FROM (
        ${candidates} ${order} LIMIT ${SEARCH_LIMITS.candidates}
      ) candidates
    ) ranked
    WHERE ${afterRank(request.cursor)}
    ORDER BY "rank" DESC, "id"
    LIMIT ${request.take + 1}
  ) page`;
}

interface HitRow {
  id: string;
  rank: string;
  title: string;
  snippet: string | null;
  authorName: string | null;
  date: Date | null;
}

function toHitPage<Row extends HitRow>(
  rows: Row[],
  take: number,
  toHit: (row: Row) => Omit<SearchHit, "id" | "title" | "snippet" | "authorName" | "date">,
): Page<SearchHit> {
  const page = toPage(rows, take, (row) => [row.rank, row.id]);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((row) => ({
      id: row.id,
      title: highlightParts(row.title),
      snippet: highlightParts(row.snippet ?? ""),
      authorName: row.authorName,
      date: row.date,
      ...toHit(row),
    })),
  };
}

export async function searchDiscussions(request: SearchRequest): Promise<Page<SearchHit>> {
  const query = englishQuery(request.text);
  const candidates = Prisma.sql`
    SELECT c."id", c."searchVector" AS "vector"
    FROM "Discussion" c
    WHERE c."searchVector" @@ ${query} AND c."deletedAt" IS NULL AND c."hiddenAt" IS NULL
      ${discussionHasTag(Prisma.sql`c."id"`, request.tag)}`;
  const rows = await db.$queryRaw<(HitRow & { kind: DiscussionKind })[]>`
    SELECT d."id", page."rank"::text AS "rank", d."kind"::text AS "kind",
      d."createdAt" AS "date", a."name" AS "authorName",
      ts_headline('english', ${withoutMarkers(Prisma.sql`d."title"`)}, ${query}, ${WHOLE_TEXT_OPTIONS}) AS "title",
      ts_headline('english', ${snippetSource(Prisma.sql`d."body"`)}, ${query}, ${SNIPPET_OPTIONS}) AS "snippet"
    FROM ${rankedPage(candidates, Prisma.sql`c."createdAt" DESC, c."id" DESC`, contentRank(query), request)}
    JOIN "Discussion" d ON d."id" = page."id"
    JOIN "User" a ON a."id" = d."authorId"
    ORDER BY page."rank" DESC, page."id"`;
  return toHitPage(rows, request.take, (row) => ({
    type: "discussions",
    href: `/discussions/${row.id}`,
    badge: DISCUSSION_BADGES[row.kind],
  }));
}

// Replies have no index on createdAt alone; cuid ids begin with their creation time, so the
// primary key read backwards is newest first too.
const newestReplies = Prisma.sql`c."id" DESC`;

export async function searchReplies(request: SearchRequest): Promise<Page<SearchHit>> {
  const query = englishQuery(request.text);
  // A reply is found only while its discussion is visible too.
  const candidates = Prisma.sql`
    SELECT c."id", c."searchVector" AS "vector"
    FROM "Reply" c JOIN "Discussion" cd ON cd."id" = c."discussionId"
    WHERE c."searchVector" @@ ${query} AND c."deletedAt" IS NULL AND c."hiddenAt" IS NULL
      AND cd."deletedAt" IS NULL AND cd."hiddenAt" IS NULL
      ${discussionHasTag(Prisma.sql`cd."id"`, request.tag)}`;
  const rows = await db.$queryRaw<(HitRow & { discussionId: string })[]>`
    SELECT r."id", page."rank"::text AS "rank", r."discussionId",
      r."createdAt" AS "date", a."name" AS "authorName",
      'Reply in “' || ${withoutMarkers(Prisma.sql`d."title"`)} || '”' AS "title",
      ts_headline('english', ${snippetSource(Prisma.sql`r."body"`)}, ${query}, ${SNIPPET_OPTIONS}) AS "snippet"
    FROM ${rankedPage(candidates, newestReplies, contentRank(query), request)}
    JOIN "Reply" r ON r."id" = page."id"
    JOIN "Discussion" d ON d."id" = r."discussionId"
    JOIN "User" a ON a."id" = r."authorId"
    ORDER BY page."rank" DESC, page."id"`;
  return toHitPage(rows, request.take, (row) => ({
    type: "replies",
    href: `/discussions/${row.discussionId}#reply-${row.id}`,
    badge: "Reply",
  }));
}

export async function searchPosts(request: SearchRequest): Promise<Page<SearchHit>> {
  const query = englishQuery(request.text);
  // Drafts are never found, not even by their authors: search shows shared knowledge. The
  // snippet is the post's summary (written to be one), which also keeps headlines cheap.
  const candidates = Prisma.sql`
    SELECT c."id", c."searchVector" AS "vector"
    FROM "KnowledgePost" c
    WHERE c."searchVector" @@ ${query} AND c."status" = 'PUBLISHED'
      AND c."deletedAt" IS NULL AND c."hiddenAt" IS NULL
      ${postHasTag(Prisma.sql`c."id"`, request.tag)}`;
  const rows = await db.$queryRaw<(HitRow & { postType: KnowledgePostType })[]>`
    SELECT p."id", page."rank"::text AS "rank", p."type"::text AS "postType",
      p."publishedAt" AS "date", a."name" AS "authorName",
      ts_headline('english', ${withoutMarkers(Prisma.sql`p."title"`)}, ${query}, ${WHOLE_TEXT_OPTIONS}) AS "title",
      ts_headline('english', ${snippetSource(Prisma.sql`p."summary"`)}, ${query}, ${WHOLE_TEXT_OPTIONS}) AS "snippet"
    FROM ${rankedPage(candidates, Prisma.sql`c."publishedAt" DESC, c."id" DESC`, contentRank(query), request)}
    JOIN "KnowledgePost" p ON p."id" = page."id"
    JOIN "User" a ON a."id" = p."authorId"
    ORDER BY page."rank" DESC, page."id"`;
  return toHitPage(rows, request.take, (row) => ({
    type: "posts",
    href: `/posts/${row.id}`,
    badge: POST_BADGES[row.postType],
  }));
}

/** Active members by name, skills, team and title, matched by word prefixes as in /members. */
export async function searchMembers(request: SearchRequest): Promise<Page<SearchHit>> {
  const tsquery = prefixTsQuery(request.text);
  if (!tsquery) return { items: [], nextCursor: null };
  const query = Prisma.sql`to_tsquery('simple', ${tsquery})`;
  const candidates = Prisma.sql`
    SELECT c."id", c."searchVector" AS "vector"
    FROM "User" c
    WHERE c."searchVector" @@ ${query} AND c."status" = 'ACTIVE'`;
  const details = Prisma.sql`concat_ws(' · ', u."title", t."name")`;
  const rows = await db.$queryRaw<HitRow[]>`
    SELECT u."id", page."rank"::text AS "rank", NULL AS "authorName", NULL::timestamp AS "date",
      ts_headline('simple', ${withoutMarkers(Prisma.sql`u."name"`)}, ${query}, ${WHOLE_TEXT_OPTIONS}) AS "title",
      ts_headline('simple', ${withoutMarkers(details)}, ${query}, ${WHOLE_TEXT_OPTIONS}) AS "snippet"
    FROM ${rankedPage(candidates, Prisma.sql`c."id"`, rankOf(query), request)}
    JOIN "User" u ON u."id" = page."id"
    LEFT JOIN "Team" t ON t."id" = u."teamId"
    ORDER BY page."rank" DESC, page."id"`;
  return toHitPage(rows, request.take, (row) => ({
    type: "members",
    href: `/members/${row.id}`,
    badge: "Member",
  }));
}

const SEARCHES: Record<ResultType, (request: SearchRequest) => Promise<Page<SearchHit>>> = {
  discussions: searchDiscussions,
  replies: searchReplies,
  posts: searchPosts,
  members: searchMembers,
};

/**
 * Result types a search covers. Tags classify content, not people: with a tag, "all" leaves
 * members out, and the members view ignores the tag.
 */
export function typesSearched(
  params: Pick<SearchPageParams, "type" | "tag">,
  options: { members?: boolean } = {},
): ResultType[] {
  const allowed = RESULT_TYPES.filter((type) => type !== "members" || options.members !== false);
  if (params.type !== "all") return allowed.filter((type) => type === params.type);
  return params.tag ? allowed.filter((type) => type !== "members") : allowed;
}

/**
 * The results page: on "all", the best few of each type (nextCursor set when there are more,
 * for a "more" link to that type's view); on one type, a page of it after the cursor.
 * `members: false` leaves member results out (for a viewer who may not see the directory).
 * Throws InvalidCursor for a malformed cursor.
 */
export async function runSearch(
  params: SearchPageParams,
  options: { members?: boolean } = {},
): Promise<SearchSection[]> {
  if (!params.q) return [];
  const all = params.type === "all";
  const request: SearchRequest = {
    text: params.q,
    tag: params.tag,
    cursor: all ? undefined : params.cursor,
    take: all ? SEARCH_LIMITS.perTypeOnAll : SEARCH_LIMITS.pageSize,
  };
  return Promise.all(
    typesSearched(params, options).map(async (type) => ({
      type,
      ...(await SEARCHES[type](request)),
    })),
  );
}
