// The home feed and tag pages: discussions (by last activity) and published knowledge posts
// (by publication) merged into one stream. A page is one UNION ALL query over both tables,
// keyset-paginated on (activityAt, id) newest first, then one query per table for the
// page's details (authors, tags, counts): a fixed number of queries however long the page.
import "server-only";
import { idSchema } from "@/lib/core/ids";
import { z } from "zod";
import { db } from "@/lib/core/db/client";
import { rows, sql, sqlb, unionAll, type DB } from "@/lib/core/db/typed-sql";
import type { DiscussionKind, KnowledgePostType } from "@/lib/generated/prisma/enums";
import type { Expression, ExpressionBuilder } from "kysely";
import {
  decodeCursorOrThrow,
  DEFAULT_PAGE_SIZE,
  toPage,
  type Page,
} from "@/lib/core/pagination/cursor";
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

type FeedRef = Awaited<ReturnType<typeof streamRefs>>[number];

export const PINNED_LIMIT = 5;
export const UNANSWERED_LIMIT = 5;
/** How many of the newest discussions the unanswered questions are picked from. */
export const UNANSWERED_WINDOW = 1000;

const feedCursorSchema = z.tuple([z.iso.datetime(), idSchema]);

type WithDiscussion = ExpressionBuilder<DB & { d: DB["Discussion"] }, "d">;
type WithPost = ExpressionBuilder<DB & { p: DB["KnowledgePost"] }, "p">;

// Visibility in every list: not soft-deleted, not hidden by moderation; posts published.
const visibleDiscussion = (eb: WithDiscussion) =>
  eb.and([eb("d.deletedAt", "is", null), eb("d.hiddenAt", "is", null)]);
const visiblePost = (eb: WithPost) =>
  eb.and([
    eb("p.status", "=", sql<"PUBLISHED">`'PUBLISHED'`),
    eb("p.deletedAt", "is", null),
    eb("p.hiddenAt", "is", null),
  ]);
/** The branch's kind, typed for the merged stream. */
const kindOf = (kind: FeedItemKind) => sql<FeedItemKind>`${sql.lit(kind)}`.as("kind");

export interface FeedOptions {
  cursor?: string;
  /** Only content with this tag (the tag page). */
  tagId?: string;
  /** Leave pinned items out (the home page shows them in their own block). */
  excludePinned?: boolean;
  take?: number;
}

function afterKey(cursor: string | undefined, time: Expression<unknown>, id: Expression<unknown>) {
  if (!cursor) return sql<boolean>`TRUE`;
  const [at, after] = decodeCursorOrThrow(cursor, feedCursorSchema);
  // Stored as UTC `timestamp(3)`; casting the ISO text drops its "Z" and keeps UTC.
  return sql<boolean>`(${time}, ${id}) < (${at}::timestamp(3), ${after})`;
}

/**
 * Rows of the merged stream after the cursor, newest activity first; `take + 1` of them so
 * the caller can tell whether another page exists. Each branch is limited on its own index
 * ((lastActivityAt, id), (status, publishedAt, id), or the tag's join rows) before the
 * merge. Throws InvalidCursor for a malformed cursor.
 */
function streamRefs(options: FeedOptions, take: number) {
  const { tagId } = options;
  const discussions = sqlb
    .selectFrom("Discussion as d")
    .$if(tagId !== undefined, (q) =>
      q.innerJoin("DiscussionTag as dt", (join) =>
        join.onRef("dt.discussionId", "=", "d.id").on("dt.tagId", "=", tagId!),
      ),
    )
    .select([kindOf("discussion"), "d.id", "d.lastActivityAt as activityAt"])
    .where((eb) =>
      eb.and([
        visibleDiscussion(eb),
        ...(options.excludePinned ? [eb("d.pinnedAt", "is", null)] : []),
        afterKey(options.cursor, eb.ref("d.lastActivityAt"), eb.ref("d.id")),
      ]),
    )
    .orderBy("d.lastActivityAt", "desc")
    .orderBy("d.id", "desc")
    .limit(take + 1);
  const posts = sqlb
    .selectFrom("KnowledgePost as p")
    .$if(tagId !== undefined, (q) =>
      q.innerJoin("KnowledgePostTag as pt", (join) =>
        join.onRef("pt.postId", "=", "p.id").on("pt.tagId", "=", tagId!),
      ),
    )
    // Never null here: the WHERE keeps published posts with a publication time.
    .select((eb) => [
      kindOf("post"),
      "p.id",
      sql<Date>`${eb.ref("p.publishedAt")}`.as("activityAt"),
    ])
    .where((eb) =>
      eb.and([
        visiblePost(eb),
        eb("p.publishedAt", "is not", null),
        ...(options.excludePinned ? [eb("p.pinnedAt", "is", null)] : []),
        afterKey(options.cursor, eb.ref("p.publishedAt"), eb.ref("p.id")),
      ]),
    )
    .orderBy("p.publishedAt", "desc")
    .orderBy("p.id", "desc")
    .limit(take + 1);
  return rows(
    db,
    sqlb
      .selectFrom(unionAll("feed", discussions, posts))
      .select(["kind", "id", "activityAt"])
      .orderBy("activityAt", "desc")
      .orderBy("id", "desc")
      .limit(take + 1),
  );
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
  const discussions = sqlb
    .selectFrom("Discussion as d")
    .select([kindOf("discussion"), "d.id", "d.lastActivityAt as activityAt", "d.pinnedAt"])
    .where((eb) => eb.and([eb("d.pinnedAt", "is not", null), visibleDiscussion(eb)]))
    .orderBy("d.pinnedAt", "desc")
    .limit(limit);
  const posts = sqlb
    .selectFrom("KnowledgePost as p")
    // A pinned post is a published one, with a publication time.
    .select((eb) => [
      kindOf("post"),
      "p.id",
      sql<Date>`${eb.ref("p.publishedAt")}`.as("activityAt"),
      "p.pinnedAt",
    ])
    .where((eb) => eb.and([eb("p.pinnedAt", "is not", null), visiblePost(eb)]))
    .orderBy("p.pinnedAt", "desc")
    .limit(limit);
  return rows(
    db,
    sqlb
      .selectFrom(unionAll("pinned", discussions, posts))
      .select(["kind", "id", "activityAt"])
      .orderBy("pinnedAt", "desc")
      .orderBy("id", "desc")
      .limit(limit),
  );
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
  return rows(
    db,
    sqlb
      .selectFrom((eb) =>
        eb
          .selectFrom("Discussion as r")
          .select("r.id")
          .orderBy("r.createdAt", "desc")
          .orderBy("r.id", "desc")
          .limit(UNANSWERED_WINDOW)
          .as("recent"),
      )
      .innerJoin("Discussion as d", "d.id", "recent.id")
      .select([kindOf("discussion"), "d.id", "d.lastActivityAt as activityAt"])
      .where((eb) =>
        eb.and([
          eb.exists(
            eb
              .selectFrom("TagFollow as f")
              .select(sql`1`.as("one"))
              .where("f.userId", "=", memberId),
          ),
          eb.exists(
            eb
              .selectFrom("DiscussionTag as dt")
              .innerJoin("TagFollow as tf", (join) =>
                join.onRef("tf.tagId", "=", "dt.tagId").on("tf.userId", "=", memberId),
              )
              .select(sql`1`.as("one"))
              .whereRef("dt.discussionId", "=", "recent.id"),
          ),
          eb("d.kind", "=", sql<"QUESTION">`'QUESTION'`),
          eb("d.acceptedReplyId", "is", null),
          eb("d.lockedAt", "is", null),
          visibleDiscussion(eb),
          eb("d.authorId", "<>", memberId),
        ]),
      )
      .orderBy((eb) => sql`${eb.ref("d.replyCount")} > 0`)
      .orderBy("d.createdAt", "desc")
      .orderBy("d.id", "desc")
      .limit(limit),
  );
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

/** A row's tags as JSON [{ name, slug }] in name order, in the row's own query. */
// The subquery selects one row of one column, `tags`.
function tagsJson(tags: Expression<{ tags: TagLink[] | null }>) {
  return sql<TagLink[]>`coalesce(${tags}, '[]'::json)`.as("tags");
}

function tagAgg(name: Expression<string>, slug: Expression<string>) {
  return sql<
    TagLink[] | null
  >`json_agg(json_build_object('name', ${name}, 'slug', ${slug}) ORDER BY ${name}, ${slug})`.as(
    "tags",
  );
}

function discussionDetails(ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return rows(
    db,
    sqlb
      .selectFrom("Discussion as d")
      .innerJoin("User as a", "a.id", "d.authorId")
      .select((eb) => [
        "d.id",
        sql<DiscussionKind>`${eb.ref("d.kind")}::text`.as("kind"),
        "d.title",
        "d.lastActivityAt",
        sql<boolean>`${eb.ref("d.pinnedAt")} IS NOT NULL`.as("pinned"),
        "d.replyCount",
        "d.reactionCount",
        sql<boolean>`${eb.ref("d.acceptedReplyId")} IS NOT NULL`.as("answered"),
        "a.id as authorId",
        "a.name as authorName",
        tagsJson(
          eb
            .selectFrom("DiscussionTag as jt")
            .innerJoin("Tag as t", "t.id", "jt.tagId")
            .select((sub) => tagAgg(sub.ref("t.name"), sub.ref("t.slug")))
            .whereRef("jt.discussionId", "=", "d.id"),
        ),
      ])
      .where("d.id", "=", sql<string>`ANY(${ids}::text[])`),
  );
}

function postDetails(ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return rows(
    db,
    sqlb
      .selectFrom("KnowledgePost as p")
      .innerJoin("User as a", "a.id", "p.authorId")
      .select((eb) => [
        "p.id",
        sql<KnowledgePostType>`${eb.ref("p.type")}::text`.as("type"),
        "p.title",
        "p.publishedAt",
        sql<boolean>`${eb.ref("p.pinnedAt")} IS NOT NULL`.as("pinned"),
        "p.helpfulCount",
        "p.commentCount",
        "a.id as authorId",
        "a.name as authorName",
        tagsJson(
          eb
            .selectFrom("KnowledgePostTag as jt")
            .innerJoin("Tag as t", "t.id", "jt.tagId")
            .select((sub) => tagAgg(sub.ref("t.name"), sub.ref("t.slug")))
            .whereRef("jt.postId", "=", "p.id"),
        ),
      ])
      .where("p.id", "=", sql<string>`ANY(${ids}::text[])`),
  );
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
