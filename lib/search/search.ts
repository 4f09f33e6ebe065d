// Site search: PostgreSQL full-text search over discussions, replies, published knowledge
// posts and active members. Each type is one query that matches on the GIN-indexed
// "searchVector", ranks a bounded set of candidates (the newest matches, see rankedPage),
// keeps one page by (rank, id), and only then computes highlighted snippets with ts_headline
// for that page's rows.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/core/db/client";
import { rows as run, sql, sqlb, type DB } from "@/lib/core/db/typed-sql";
import { readableContentSql, type Viewer } from "@/lib/communities/visibility";
import type { AliasedExpression, Expression, ExpressionBuilder, RawBuilder } from "kysely";
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
  /** Who searches: a private community's content is found by its members and admins only. */
  viewer: Viewer;
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

function englishQuery(text: string): RawBuilder<unknown> {
  return sql`websearch_to_tsquery('english', ${text})`;
}

/** What the ranking reads: the candidates' ids and their "searchVector" (not in the typed
 * schema: Prisma has it as Unsupported("tsvector"), so that one name stays in SQL text). */
interface Candidate {
  id: string;
  vector: unknown;
}
type CandidatesEb = ExpressionBuilder<{ candidates: Candidate }, "candidates">;
const searchVector = sql<unknown>`c."searchVector"`.as("vector");

/** A candidate's rank (its "vector" column), rounded so that cursors compare exactly. */
function rankOf(query: RawBuilder<unknown>, normalisation = 0) {
  return (eb: CandidatesEb) =>
    sql<unknown>`round(ts_rank(${eb.ref("vector")}, ${query}, ${normalisation})::numeric, 6)`;
}

// Normalisation 1 divides by the log of the length, so a long text's many passing mentions
// do not outrank a short, focused one; title (A) matches weigh most.
const contentRank = (query: RawBuilder<unknown>) => rankOf(query, 1);

function afterRank(
  eb: ExpressionBuilder<{ ranked: { id: string; rank: unknown } }, "ranked">,
  cursor: string | undefined,
) {
  if (!cursor) return sql<boolean>`TRUE`;
  const [rank, id] = decodeCursorOrThrow(cursor, rankCursorSchema);
  const [rankRef, idRef] = [eb.ref("rank"), eb.ref("id")];
  return sql<boolean>`(${rankRef} < ${rank}::numeric OR (${rankRef} = ${rank}::numeric AND ${idRef} > ${id}))`;
}

function withoutMarkers(column: Expression<string | null>) {
  return sql<string>`translate(${column}, ${MARKERS}, '')`;
}

/**
 * Markdown as plain words for ts_headline. Only the start of a long text is used: the
 * headline parses all it is given, so this bounds its cost per row (a match further on still
 * finds the row; its snippet then shows the opening words).
 */
function snippetSource(column: Expression<string | null>) {
  const start = sql<string>`left(${column}, ${SEARCH_LIMITS.snippetSourceLength})`;
  const links = sql<string>`regexp_replace(${withoutMarkers(start)}, ${MARKDOWN_LINK}, ${"\\1"}, 'g')`;
  return sql<string>`regexp_replace(${links}, ${MARKDOWN_SYNTAX}, ' ', 'gn')`;
}

function headline(
  config: "english" | "simple",
  text: Expression<string>,
  query: RawBuilder<unknown>,
  options: string,
) {
  return sql<string>`ts_headline(${sql.lit(config)}, ${text}, ${query}, ${options})`;
}

type DiscussionEb = ExpressionBuilder<DB & { cd: DB["Discussion"] }, "cd">;
type PostEb = ExpressionBuilder<DB & { c: DB["KnowledgePost"] }, "c">;

function discussionHasTag(eb: DiscussionEb, tag: string) {
  return eb.exists(
    eb
      .selectFrom("DiscussionTag as dt")
      .innerJoin("Tag as t", "t.id", "dt.tagId")
      .select(sql`1`.as("one"))
      .whereRef("dt.discussionId", "=", "cd.id")
      .where("t.slug", "=", tag),
  );
}

function postHasTag(eb: PostEb, tag: string) {
  return eb.exists(
    eb
      .selectFrom("KnowledgePostTag as pt")
      .innerJoin("Tag as t", "t.id", "pt.tagId")
      .select(sql`1`.as("one"))
      .whereRef("pt.postId", "=", "c.id")
      .where("t.slug", "=", tag),
  );
}

/**
 * The page of (id, rank) out of the ranked candidates, as a subquery named "page". Without a
 * tag the candidates are the newest matches (the caller orders them by an order some index
 * gives), so a very common word ranks recent content rather than whatever the table holds
 * first. With a tag the tag's rows already narrow the candidates; ordering them would mean
 * reading all of a big tag's matches before the limit, so the first ones found are ranked.
 */
function rankedPage(
  candidates: AliasedExpression<Candidate, "candidates">,
  rank: (eb: CandidatesEb) => RawBuilder<unknown>,
  request: SearchRequest,
) {
  // Ranked outside the candidates' query, so only the kept candidates are ranked, not every
  // match a sort had to look at.
  return sqlb
    .selectFrom((eb) =>
      eb
        .selectFrom(candidates)
        .select((inner) => ["id", rank(inner).as("rank")])
        .as("ranked"),
    )
    .select(["id", "rank"])
    .where((eb) => afterRank(eb, request.cursor))
    .orderBy("rank", "desc")
    .orderBy("id")
    .limit(request.take + 1)
    .as("page");
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
  const { tag } = request;
  const candidates = sqlb
    .selectFrom("Discussion as cd")
    .select(["cd.id", sql<unknown>`cd."searchVector"`.as("vector")])
    .where((eb) =>
      eb.and([
        sql<boolean>`cd."searchVector" @@ ${query}`,
        eb("cd.deletedAt", "is", null),
        eb("cd.hiddenAt", "is", null),
        readableContentSql("cd", request.viewer),
        ...(tag ? [discussionHasTag(eb, tag)] : []),
      ]),
    )
    .$if(!tag, (q) => q.orderBy("cd.createdAt", "desc").orderBy("cd.id", "desc"))
    .limit(SEARCH_LIMITS.candidates)
    .as("candidates");
  const rows = await run(
    db,
    sqlb
      .selectFrom(rankedPage(candidates, contentRank(query), request))
      .innerJoin("Discussion as d", "d.id", "page.id")
      .innerJoin("User as a", "a.id", "d.authorId")
      .select((eb) => [
        "d.id",
        sql<string>`${eb.ref("page.rank")}::text`.as("rank"),
        sql<DiscussionKind>`${eb.ref("d.kind")}::text`.as("kind"),
        "d.createdAt as date",
        "a.name as authorName",
        headline("english", withoutMarkers(eb.ref("d.title")), query, WHOLE_TEXT_OPTIONS).as(
          "title",
        ),
        headline("english", snippetSource(eb.ref("d.body")), query, SNIPPET_OPTIONS).as("snippet"),
      ])
      .orderBy("page.rank", "desc")
      .orderBy("page.id"),
  );
  return toHitPage(rows, request.take, (row) => ({
    type: "discussions",
    href: `/discussions/${row.id}`,
    badge: DISCUSSION_BADGES[row.kind],
  }));
}

export async function searchReplies(request: SearchRequest): Promise<Page<SearchHit>> {
  const query = englishQuery(request.text);
  // A reply is found only while its discussion is visible too.
  const { tag } = request;
  const candidates = sqlb
    .selectFrom("Reply as c")
    .innerJoin("Discussion as cd", "cd.id", "c.discussionId")
    .select(["c.id", searchVector])
    .where((eb) =>
      eb.and([
        sql<boolean>`c."searchVector" @@ ${query}`,
        eb("c.deletedAt", "is", null),
        eb("c.hiddenAt", "is", null),
        eb("cd.deletedAt", "is", null),
        eb("cd.hiddenAt", "is", null),
        readableContentSql("cd", request.viewer),
        ...(tag ? [discussionHasTag(eb, tag)] : []),
      ]),
    )
    // Replies have no index on createdAt alone; cuid ids begin with their creation time, so
    // the primary key read backwards is newest first too.
    .$if(!tag, (q) => q.orderBy("c.id", "desc"))
    .limit(SEARCH_LIMITS.candidates)
    .as("candidates");
  const rows = await run(
    db,
    sqlb
      .selectFrom(rankedPage(candidates, contentRank(query), request))
      .innerJoin("Reply as r", "r.id", "page.id")
      .innerJoin("Discussion as d", "d.id", "r.discussionId")
      .innerJoin("User as a", "a.id", "r.authorId")
      .select((eb) => [
        "r.id",
        sql<string>`${eb.ref("page.rank")}::text`.as("rank"),
        "r.discussionId",
        "r.createdAt as date",
        "a.name as authorName",
        sql<string>`'Reply in “' || ${withoutMarkers(eb.ref("d.title"))} || '”'`.as("title"),
        headline("english", snippetSource(eb.ref("r.body")), query, SNIPPET_OPTIONS).as("snippet"),
      ])
      .orderBy("page.rank", "desc")
      .orderBy("page.id"),
  );
  return toHitPage(rows, request.take, (row) => ({
    type: "replies",
    href: `/discussions/${row.discussionId}#reply-${row.id}`,
    badge: "Reply",
  }));
}

export async function searchPosts(request: SearchRequest): Promise<Page<SearchHit>> {
  const query = englishQuery(request.text);
  // Drafts are never found, not even by their authors: search shows shared knowledge. The
  // snippet is the post's summary (written to be one) when the words are in it, else the
  // words found in its body.
  const { tag } = request;
  const candidates = sqlb
    .selectFrom("KnowledgePost as c")
    .select(["c.id", searchVector])
    .where((eb) =>
      eb.and([
        sql<boolean>`c."searchVector" @@ ${query}`,
        eb("c.status", "=", sql<"PUBLISHED">`'PUBLISHED'`),
        eb("c.deletedAt", "is", null),
        eb("c.hiddenAt", "is", null),
        readableContentSql("c", request.viewer),
        ...(tag ? [postHasTag(eb, tag)] : []),
      ]),
    )
    .$if(!tag, (q) => q.orderBy("c.publishedAt", "desc").orderBy("c.id", "desc"))
    .limit(SEARCH_LIMITS.candidates)
    .as("candidates");
  const rows = await run(
    db,
    sqlb
      .selectFrom(rankedPage(candidates, contentRank(query), request))
      .innerJoin("KnowledgePost as p", "p.id", "page.id")
      .innerJoin("User as a", "a.id", "p.authorId")
      .select((eb) => [
        "p.id",
        sql<string>`${eb.ref("page.rank")}::text`.as("rank"),
        sql<KnowledgePostType>`${eb.ref("p.type")}::text`.as("postType"),
        "p.publishedAt as date",
        "a.name as authorName",
        headline("english", withoutMarkers(eb.ref("p.title")), query, WHOLE_TEXT_OPTIONS).as(
          "title",
        ),
        // The summary when the words are in it; else the matching words of the body.
        sql<string>`CASE WHEN to_tsvector('english', ${eb.ref("p.summary")}) @@ ${query}
          THEN ${headline("english", snippetSource(eb.ref("p.summary")), query, WHOLE_TEXT_OPTIONS)}
          ELSE ${headline("english", snippetSource(eb.ref("p.body")), query, SNIPPET_OPTIONS)} END`.as(
          "snippet",
        ),
      ])
      .orderBy("page.rank", "desc")
      .orderBy("page.id"),
  );
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
  const query = sql<unknown>`to_tsquery('simple', ${tsquery})`;
  const candidates = sqlb
    .selectFrom("User as c")
    .select(["c.id", searchVector])
    .where((eb) =>
      eb.and([
        sql<boolean>`c."searchVector" @@ ${query}`,
        eb("c.status", "=", sql<"ACTIVE">`'ACTIVE'`),
      ]),
    )
    .$if(!request.tag, (q) => q.orderBy("c.id"))
    .limit(SEARCH_LIMITS.candidates)
    .as("candidates");
  const rows = await run(
    db,
    sqlb
      .selectFrom(rankedPage(candidates, rankOf(query), request))
      .innerJoin("User as u", "u.id", "page.id")
      .leftJoin("Team as t", "t.id", "u.teamId")
      .select((eb) => [
        "u.id",
        sql<string>`${eb.ref("page.rank")}::text`.as("rank"),
        sql<string | null>`NULL`.as("authorName"),
        sql<Date | null>`NULL::timestamp`.as("date"),
        headline("simple", withoutMarkers(eb.ref("u.name")), query, WHOLE_TEXT_OPTIONS).as("title"),
        headline(
          "simple",
          withoutMarkers(sql<string>`concat_ws(' · ', ${eb.ref("u.title")}, ${eb.ref("t.name")})`),
          query,
          WHOLE_TEXT_OPTIONS,
        ).as("snippet"),
      ])
      .orderBy("page.rank", "desc")
      .orderBy("page.id"),
  );
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
  options: { viewer: Viewer; members?: boolean },
): Promise<SearchSection[]> {
  if (!params.q) return [];
  const all = params.type === "all";
  const request: SearchRequest = {
    viewer: options.viewer,
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
