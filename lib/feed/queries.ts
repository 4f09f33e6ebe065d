// The home feed and tag pages: discussions (by last activity) and published knowledge posts
// (by publication) merged into one stream. A page is one UNION ALL query over both tables,
// keyset-paginated on (activityAt, id) newest first, then one query per table for the
// page's details (authors, tags, counts): a fixed number of queries however long the page.
import "server-only";
import { idSchema } from "@/lib/core/ids";
import { z } from "zod";
import { db } from "@/lib/core/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DiscussionKind, KnowledgePostType } from "@/lib/generated/prisma/enums";
import { decodeCursorOrThrow, DEFAULT_PAGE_SIZE, toPage, type Page } from "@/lib/core/pagination/cursor";
import { DISCUSSION_BADGES, POST_BADGES } from "./labels";

export type FeedItemKind = "discussion" | "post";

export interface FeedItem {
  kind: FeedItemKind;
  id: string;
  href: string;
  /** Discussion, Question, How-to, Lesson learned, Case study or Resource notes. */
  badge: string;
  title: string;
  author: { id: string; name: string };
  tags: { name: string; slug: string }[];
  /** Last activity of a discussion; publication of a post. */
  activityAt: Date;
  pinned: boolean;
  /** Discussions: replies and reactions; questions also whether an answer was accepted. */
  replyCount?: number;
  reactionCount?: number;
  answered?: boolean;
  /** Posts: helpful votes and comments. */
  helpfulCount?: number;
  commentCount?: number;
}

interface FeedRef {
  kind: FeedItemKind;
  id: string;
  activityAt: Date;
}

export const PINNED_LIMIT = 5;
export const UNANSWERED_LIMIT = 5;
/** How many of the newest discussions the unanswered questions are picked from. */
export const UNANSWERED_WINDOW = 1000;

const feedCursorSchema = z.tuple([z.iso.datetime(), idSchema]);

// Visibility in every list: not soft-deleted, not hidden by moderation; posts published.
const visibleDiscussion = Prisma.sql`d."deletedAt" IS NULL AND d."hiddenAt" IS NULL`;
const visiblePost = Prisma.sql`p."status" = 'PUBLISHED' AND p."deletedAt" IS NULL AND p."hiddenAt" IS NULL`;

export interface FeedOptions {
  cursor?: string;
  /** Only content with this tag (the tag page). */
  tagId?: string;
  /** Leave pinned items out (the home page shows them in their own block). */
  excludePinned?: boolean;
  take?: number;
}

function afterKey(cursor: string | undefined, time: Prisma.Sql, id: Prisma.Sql): Prisma.Sql {
  if (!cursor) return Prisma.sql`TRUE`;
  const [at, after] = decodeCursorOrThrow(cursor, feedCursorSchema);
  // Stored as UTC `timestamp(3)`; casting the ISO text drops its "Z" and keeps UTC.
  return Prisma.sql`(${time}, ${id}) < (${at}::timestamp(3), ${after})`;
}

/**
 * Rows of the merged stream after the cursor, newest activity first; `take + 1` of them so
 * the caller can tell whether another page exists. Each branch is limited on its own index
 * ((lastActivityAt, id), (status, publishedAt, id), or the tag's join rows) before the
 * merge. Throws InvalidCursor for a malformed cursor.
 */
function streamRefs(options: FeedOptions, take: number): Promise<FeedRef[]> {
  const { tagId } = options;
  const unpinned = (pinnedAt: Prisma.Sql) =>
    options.excludePinned ? Prisma.sql`AND ${pinnedAt} IS NULL` : Prisma.empty;
  const discussionTag = tagId
    ? Prisma.sql`JOIN "DiscussionTag" dt ON dt."discussionId" = d."id" AND dt."tagId" = ${tagId}`
    : Prisma.empty;
  const postTag = tagId
    ? Prisma.sql`JOIN "KnowledgePostTag" pt ON pt."postId" = p."id" AND pt."tagId" = ${tagId}`
    : Prisma.empty;
  return db.$queryRaw<FeedRef[]>`
    SELECT "kind", "id", "activityAt" FROM (
      (SELECT 'discussion' AS "kind", d."id", d."lastActivityAt" AS "activityAt"
       FROM "Discussion" d ${discussionTag}
       WHERE ${visibleDiscussion} ${unpinned(Prisma.sql`d."pinnedAt"`)}
         AND ${afterKey(options.cursor, Prisma.sql`d."lastActivityAt"`, Prisma.sql`d."id"`)}
       ORDER BY d."lastActivityAt" DESC, d."id" DESC
       LIMIT ${take + 1})
      UNION ALL
      (SELECT 'post' AS "kind", p."id", p."publishedAt" AS "activityAt"
       FROM "KnowledgePost" p ${postTag}
       WHERE ${visiblePost} AND p."publishedAt" IS NOT NULL ${unpinned(Prisma.sql`p."pinnedAt"`)}
         AND ${afterKey(options.cursor, Prisma.sql`p."publishedAt"`, Prisma.sql`p."id"`)}
       ORDER BY p."publishedAt" DESC, p."id" DESC
       LIMIT ${take + 1})
    ) feed
    ORDER BY "activityAt" DESC, "id" DESC
    LIMIT ${take + 1}`;
}

const feedKey = (ref: FeedRef) => [ref.activityAt.toISOString(), ref.id];

/** One page of the merged stream (the tag page; the home page uses homeFeed). */
export async function feedPage(options: FeedOptions = {}): Promise<Page<FeedItem>> {
  const take = options.take ?? DEFAULT_PAGE_SIZE;
  const page = toPage(await streamRefs(options, take), take, feedKey);
  const details = await feedDetails(page.items);
  return { nextCursor: page.nextCursor, items: inOrder(page.items, details) };
}

function pinnedRefs(limit: number): Promise<FeedRef[]> {
  return db.$queryRaw<FeedRef[]>`
    SELECT "kind", "id", "activityAt" FROM (
      (SELECT 'discussion' AS "kind", d."id", d."lastActivityAt" AS "activityAt", d."pinnedAt"
       FROM "Discussion" d
       WHERE d."pinnedAt" IS NOT NULL AND ${visibleDiscussion}
       ORDER BY d."pinnedAt" DESC LIMIT ${limit})
      UNION ALL
      (SELECT 'post' AS "kind", p."id", p."publishedAt" AS "activityAt", p."pinnedAt"
       FROM "KnowledgePost" p
       WHERE p."pinnedAt" IS NOT NULL AND ${visiblePost}
       ORDER BY p."pinnedAt" DESC LIMIT ${limit})
    ) pinned
    ORDER BY "pinnedAt" DESC, "id" DESC
    LIMIT ${limit}`;
}

/** Pinned discussions and posts, most recently pinned first, for the top of the home page. */
export async function pinnedItems(limit = PINNED_LIMIT): Promise<FeedItem[]> {
  const refs = await pinnedRefs(limit);
  return inOrder(refs, await feedDetails(refs));
}

function unansweredRefs(memberId: string, limit: number): Promise<FeedRef[]> {
  // Only the newest discussions are looked at (an index-only scan), then those in followed
  // tags (index-only probes), and only those rows are read: bounded work for every member,
  // whether they follow busy tags, rare ones or none (the first EXISTS skips it all).
  return db.$queryRaw<FeedRef[]>`
    SELECT 'discussion' AS "kind", d."id", d."lastActivityAt" AS "activityAt"
    FROM (
      SELECT r."id" FROM "Discussion" r
      ORDER BY r."createdAt" DESC, r."id" DESC
      LIMIT ${UNANSWERED_WINDOW}
    ) recent
    JOIN "Discussion" d ON d."id" = recent."id"
    WHERE EXISTS (SELECT 1 FROM "TagFollow" f WHERE f."userId" = ${memberId})
      AND EXISTS (
        SELECT 1 FROM "DiscussionTag" dt
        JOIN "TagFollow" tf ON tf."tagId" = dt."tagId" AND tf."userId" = ${memberId}
        WHERE dt."discussionId" = recent."id")
      AND d."kind" = 'QUESTION' AND d."acceptedReplyId" IS NULL AND d."lockedAt" IS NULL
      AND ${visibleDiscussion} AND d."authorId" <> ${memberId}
    ORDER BY d."replyCount" > 0, d."createdAt" DESC, d."id" DESC
    LIMIT ${limit}`;
}

/**
 * Questions in tags the member follows that still want an answer: no accepted answer yet
 * (replied to or not), not locked, not the member's own, among the UNANSWERED_WINDOW newest
 * discussions. Those nobody has replied to yet come first, then newest first.
 */
export async function unansweredQuestions(
  memberId: string,
  limit = UNANSWERED_LIMIT,
): Promise<FeedItem[]> {
  const refs = await unansweredRefs(memberId, limit);
  return inOrder(refs, await feedDetails(refs));
}

export interface HomeFeed {
  /** Empty after the first page: those blocks belong to the top of the home page. */
  pinned: FeedItem[];
  unanswered: FeedItem[];
  recent: Page<FeedItem>;
}

/** Everything the home page lists, with one round of detail queries for all three blocks. */
export async function homeFeed(
  memberId: string,
  options: { cursor?: string; take?: number } = {},
): Promise<HomeFeed> {
  const take = options.take ?? DEFAULT_PAGE_SIZE;
  const firstPage = !options.cursor;
  const [pinned, unanswered, stream] = await Promise.all([
    firstPage ? pinnedRefs(PINNED_LIMIT) : [],
    firstPage ? unansweredRefs(memberId, UNANSWERED_LIMIT) : [],
    streamRefs({ cursor: options.cursor, excludePinned: true }, take),
  ]);
  const page = toPage(stream, take, feedKey);
  const details = await feedDetails([...pinned, ...unanswered, ...page.items]);
  return {
    pinned: inOrder(pinned, details),
    unanswered: inOrder(unanswered, details),
    recent: { nextCursor: page.nextCursor, items: inOrder(page.items, details) },
  };
}

function inOrder(refs: readonly FeedRef[], details: Map<string, FeedItem>): FeedItem[] {
  return refs.flatMap((ref) => details.get(ref.id) ?? []);
}

type TagLink = FeedItem["tags"][number];

interface DiscussionDetails {
  id: string;
  kind: DiscussionKind;
  title: string;
  lastActivityAt: Date;
  pinned: boolean;
  replyCount: number;
  reactionCount: number;
  answered: boolean;
  authorId: string;
  authorName: string;
  tags: TagLink[];
}

interface PostDetails {
  id: string;
  type: KnowledgePostType;
  title: string;
  publishedAt: Date | null;
  pinned: boolean;
  helpfulCount: number;
  commentCount: number;
  authorId: string;
  authorName: string;
  tags: TagLink[];
}

/** A row's tags as JSON [{ name, slug }] in name order, in the row's own query. */
function tagsJson(joinTable: Prisma.Sql, idColumn: Prisma.Sql, rowId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`coalesce((
    SELECT json_agg(json_build_object('name', t."name", 'slug', t."slug") ORDER BY t."name", t."slug")
    FROM ${joinTable} jt JOIN "Tag" t ON t."id" = jt."tagId"
    WHERE ${idColumn} = ${rowId}), '[]'::json)`;
}

function discussionDetails(ids: string[]): Promise<DiscussionDetails[]> {
  if (!ids.length) return Promise.resolve([]);
  return db.$queryRaw<DiscussionDetails[]>`
    SELECT d."id", d."kind"::text AS "kind", d."title", d."lastActivityAt",
      d."pinnedAt" IS NOT NULL AS "pinned", d."replyCount", d."reactionCount",
      d."acceptedReplyId" IS NOT NULL AS "answered",
      a."id" AS "authorId", a."name" AS "authorName",
      ${tagsJson(Prisma.sql`"DiscussionTag"`, Prisma.sql`jt."discussionId"`, Prisma.sql`d."id"`)} AS "tags"
    FROM "Discussion" d JOIN "User" a ON a."id" = d."authorId"
    WHERE d."id" = ANY(${ids}::text[])`;
}

function postDetails(ids: string[]): Promise<PostDetails[]> {
  if (!ids.length) return Promise.resolve([]);
  return db.$queryRaw<PostDetails[]>`
    SELECT p."id", p."type"::text AS "type", p."title", p."publishedAt",
      p."pinnedAt" IS NOT NULL AS "pinned", p."helpfulCount", p."commentCount",
      a."id" AS "authorId", a."name" AS "authorName",
      ${tagsJson(Prisma.sql`"KnowledgePostTag"`, Prisma.sql`jt."postId"`, Prisma.sql`p."id"`)} AS "tags"
    FROM "KnowledgePost" p JOIN "User" a ON a."id" = p."authorId"
    WHERE p."id" = ANY(${ids}::text[])`;
}

/** The details of these rows by id: one query per table, authors and tags included. */
async function feedDetails(refs: readonly FeedRef[]): Promise<Map<string, FeedItem>> {
  const idsOf = (kind: FeedItemKind) => [
    ...new Set(refs.filter((r) => r.kind === kind).map((r) => r.id)),
  ];
  const [discussions, posts] = await Promise.all([
    discussionDetails(idsOf("discussion")),
    postDetails(idsOf("post")),
  ]);
  const items = new Map<string, FeedItem>();
  for (const d of discussions) {
    items.set(d.id, {
      kind: "discussion",
      id: d.id,
      href: `/discussions/${d.id}`,
      badge: DISCUSSION_BADGES[d.kind],
      title: d.title,
      author: { id: d.authorId, name: d.authorName },
      tags: d.tags,
      activityAt: d.lastActivityAt,
      pinned: d.pinned,
      replyCount: d.replyCount,
      reactionCount: d.reactionCount,
      answered: d.kind === "QUESTION" ? d.answered : undefined,
    });
  }
  for (const p of posts) {
    items.set(p.id, {
      kind: "post",
      id: p.id,
      href: `/posts/${p.id}`,
      badge: POST_BADGES[p.type],
      title: p.title,
      author: { id: p.authorId, name: p.authorName },
      tags: p.tags,
      activityAt: p.publishedAt ?? new Date(0),
      pinned: p.pinned,
      helpfulCount: p.helpfulCount,
      commentCount: p.commentCount,
    });
  }
  return items;
}
