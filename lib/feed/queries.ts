// The home feed and tag pages: discussions (by last activity) and published knowledge posts
// (by publication) merged into one stream. A page is one UNION ALL query over both tables,
// keyset-paginated on (activityAt, id) newest first, joined in the same statement to the
// page's details (authors, tags, counts): one statement however long the page, and one for
// the home page's three blocks together.
import "server-only";
import { idSchema } from "@/lib/core/ids";
import { z } from "zod";
import { db } from "@/lib/core/db/client";
import { rows, sql, sqlb, unionAll, type DB } from "@/lib/core/db/typed-sql";
import { readableContentSql, type Viewer } from "@/lib/communities/visibility";
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
  author: { id: string; name: string; avatarId: string | null };
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

/** A row of a block's query: which item, and its place in the stream. */
type FeedRef = { kind: FeedItemKind; id: string; activityAt: Date };
/** A query selecting FeedRefs in the block's order, limited. */
type RefQuery = Expression<FeedRef>;

export const PINNED_LIMIT = 5;
export const UNANSWERED_LIMIT = 5;
/** How many of the newest discussions the unanswered questions are picked from. */
export const UNANSWERED_WINDOW = 1000;

const feedCursorSchema = z.tuple([z.iso.datetime(), idSchema]);

type WithDiscussion = ExpressionBuilder<DB & { d: DB["Discussion"] }, "d">;
type WithPost = ExpressionBuilder<DB & { p: DB["KnowledgePost"] }, "p">;

// Visibility in every list: not soft-deleted, not hidden by moderation, readable by the
// viewer (a private community's content is for its members); posts published.
const visibleDiscussion = (eb: WithDiscussion, viewer: Viewer) =>
  eb.and([
    eb("d.deletedAt", "is", null),
    eb("d.hiddenAt", "is", null),
    readableContentSql("d", viewer),
  ]);
const visiblePost = (eb: WithPost, viewer: Viewer) =>
  eb.and([
    eb("p.status", "=", sql<"PUBLISHED">`'PUBLISHED'`),
    eb("p.deletedAt", "is", null),
    eb("p.hiddenAt", "is", null),
    readableContentSql("p", viewer),
  ]);
/** The branch's kind, typed for the merged stream. */
const kindOf = (kind: FeedItemKind) => sql<FeedItemKind>`${sql.lit(kind)}`.as("kind");

export interface FeedOptions {
  /** Whose feed: private communities' content is left out for everyone but their members. */
  viewer: Viewer;
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
function streamRefs(options: FeedOptions, take: number): RefQuery {
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
        visibleDiscussion(eb, options.viewer),
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
        visiblePost(eb, options.viewer),
        eb("p.publishedAt", "is not", null),
        ...(options.excludePinned ? [eb("p.pinnedAt", "is", null)] : []),
        afterKey(options.cursor, eb.ref("p.publishedAt"), eb.ref("p.id")),
      ]),
    )
    .orderBy("p.publishedAt", "desc")
    .orderBy("p.id", "desc")
    .limit(take + 1);
  return sqlb
    .selectFrom(unionAll("feed", discussions, posts))
    .select(["kind", "id", "activityAt"])
    .orderBy("activityAt", "desc")
    .orderBy("id", "desc")
    .limit(take + 1);
}

const feedKey = (ref: FeedRef) => [ref.activityAt.toISOString(), ref.id];

/** One page of the merged stream (the tag page; the home page uses homeFeed). */
export async function feedPage(options: FeedOptions): Promise<Page<FeedItem>> {
  const take = options.take ?? DEFAULT_PAGE_SIZE;
  const { recent } = await feedBlocks({ recent: streamRefs(options, take) });
  return toPage(recent, take, feedKey);
}

function pinnedRefs(viewer: Viewer, limit: number): RefQuery {
  const discussions = sqlb
    .selectFrom("Discussion as d")
    .select([kindOf("discussion"), "d.id", "d.lastActivityAt as activityAt", "d.pinnedAt"])
    .where((eb) => eb.and([eb("d.pinnedAt", "is not", null), visibleDiscussion(eb, viewer)]))
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
    .where((eb) => eb.and([eb("p.pinnedAt", "is not", null), visiblePost(eb, viewer)]))
    .orderBy("p.pinnedAt", "desc")
    .limit(limit);
  return sqlb
    .selectFrom(unionAll("pinned", discussions, posts))
    .select(["kind", "id", "activityAt"])
    .orderBy("pinnedAt", "desc")
    .orderBy("id", "desc")
    .limit(limit);
}

/** Pinned discussions and posts, most recently pinned first, for the top of the home page. */
export async function pinnedItems(viewer: Viewer, limit = PINNED_LIMIT): Promise<FeedItem[]> {
  return (await feedBlocks({ pinned: pinnedRefs(viewer, limit) })).pinned;
}

function unansweredRefs(member: Viewer, limit: number): RefQuery {
  const memberId = member.id;
  // Only the newest discussions are looked at (an index-only scan), then those in followed
  // tags (index-only probes), and only those rows are read: bounded work for every member,
  // whether they follow busy tags, rare ones or none (the first EXISTS skips it all).
  return sqlb
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
        // A pinned question is already in the pinned block above.
        eb("d.pinnedAt", "is", null),
        visibleDiscussion(eb, member),
        eb("d.authorId", "<>", memberId),
      ]),
    )
    .orderBy((eb) => sql`${eb.ref("d.replyCount")} > 0`)
    .orderBy("d.createdAt", "desc")
    .orderBy("d.id", "desc")
    .limit(limit);
}

/**
 * Questions in tags the member follows that still want an answer: no accepted answer yet
 * (replied to or not), not locked, not pinned, not the member's own, among the
 * UNANSWERED_WINDOW newest discussions. Those nobody has replied to yet come first, then newest first.
 */
export async function unansweredQuestions(
  member: Viewer,
  limit = UNANSWERED_LIMIT,
): Promise<FeedItem[]> {
  return (await feedBlocks({ unanswered: unansweredRefs(member, limit) })).unanswered;
}

export interface HomeFeed {
  /** Empty after the first page: those blocks belong to the top of the home page. */
  pinned: FeedItem[];
  unanswered: FeedItem[];
  /** Never an item of the blocks above: each thing is listed once on the page. */
  recent: Page<FeedItem>;
}

const itemKey = (item: FeedItem) => `${item.kind}:${item.id}`;

/**
 * Everything the home page lists: the three blocks and their details in one statement, each
 * item in one block only. Pinned items are left out of the others in SQL; the unanswered
 * questions are left out of the first page of recent activity here, which therefore reads
 * UNANSWERED_LIMIT more rows so that it still fills its page.
 */
export async function homeFeed(
  member: Viewer,
  options: { cursor?: string; take?: number } = {},
): Promise<HomeFeed> {
  const take = options.take ?? DEFAULT_PAGE_SIZE;
  if (options.cursor) {
    const later = streamRefs({ viewer: member, cursor: options.cursor, excludePinned: true }, take);
    const { recent } = await feedBlocks({ recent: later });
    return { pinned: [], unanswered: [], recent: toPage(recent, take, feedKey) };
  }
  const blocks = await feedBlocks({
    pinned: pinnedRefs(member, PINNED_LIMIT),
    unanswered: unansweredRefs(member, UNANSWERED_LIMIT),
    recent: streamRefs({ viewer: member, excludePinned: true }, take + UNANSWERED_LIMIT),
  });
  const listed = new Set(blocks.unanswered.map(itemKey));
  const recent = blocks.recent.filter((item) => !listed.has(itemKey(item)));
  return {
    pinned: blocks.pinned,
    unanswered: blocks.unanswered,
    recent: toPage(recent, take, feedKey),
  };
}

type Block = "pinned" | "unanswered" | "recent";

type TagLink = FeedItem["tags"][number];

/** A block's item with everything a card shows, as `feedBlocks` reads it. */
interface BlockRow extends FeedRef {
  block: Block;
  position: number;
  discussionKind: DiscussionKind | null;
  postType: KnowledgePostType | null;
  title: string;
  pinned: boolean;
  replyCount: number | null;
  reactionCount: number | null;
  answered: boolean;
  helpfulCount: number | null;
  commentCount: number | null;
  authorId: string;
  authorName: string;
  authorAvatarId: string | null;
  tags: TagLink[];
}

/** A row's tags as JSON [{ name, slug }] in name order (empty: []). */
const tagsOf = (joinTable: string, column: string) =>
  sql<TagLink[]>`(SELECT coalesce(json_agg(json_build_object('name', t."name", 'slug', t."slug")
    ORDER BY t."name", t."slug"), '[]'::json)
    FROM ${sql.table(joinTable)} jt JOIN "Tag" t ON t."id" = jt."tagId"
    WHERE jt.${sql.ref(column)} = r."id")`;

/**
 * The items of each block's query with their details (authors, tags, counts), in one
 * statement: the blocks' rows, numbered in their own order, joined to their tables.
 */
async function feedBlocks(
  queries: Partial<Record<Block, RefQuery>>,
): Promise<Record<Block, FeedItem[]>> {
  // Each branch numbers its rows as its own ORDER BY ... LIMIT returns them.
  const branches = Object.entries(queries).map(
    ([block, query]) =>
      sql`(SELECT ${sql.lit(block)}::text AS "block", b."kind", b."id", b."activityAt",
        (row_number() OVER ())::int AS "position" FROM (${query}) AS b)`,
  );
  const items = sql<BlockRow>`(SELECT r.*,
      d."kind"::text AS "discussionKind", p."type"::text AS "postType",
      coalesce(d."title", p."title") AS "title",
      coalesce(d."pinnedAt", p."pinnedAt") IS NOT NULL AS "pinned",
      d."replyCount", d."reactionCount", d."acceptedReplyId" IS NOT NULL AS "answered",
      p."helpfulCount", p."commentCount",
      a."id" AS "authorId", a."name" AS "authorName", a."avatarId" AS "authorAvatarId",
      CASE WHEN r."kind" = 'discussion' THEN ${tagsOf("DiscussionTag", "discussionId")}
        ELSE ${tagsOf("KnowledgePostTag", "postId")} END AS "tags"
    FROM (${sql.join(branches, sql` UNION ALL `)}) AS r
    LEFT JOIN "Discussion" d ON r."kind" = 'discussion' AND d."id" = r."id"
    LEFT JOIN "KnowledgePost" p ON r."kind" = 'post' AND p."id" = r."id"
    JOIN "User" a ON a."id" = coalesce(d."authorId", p."authorId"))`.as("items");
  const found = await rows(
    db,
    sqlb.selectFrom(items).selectAll().orderBy("block").orderBy("position"),
  );
  const blocks: Record<Block, FeedItem[]> = { pinned: [], unanswered: [], recent: [] };
  for (const row of found) blocks[row.block].push(toFeedItem(row));
  return blocks;
}

function toFeedItem(row: BlockRow): FeedItem {
  const shared = {
    id: row.id,
    title: row.title,
    author: { id: row.authorId, name: row.authorName, avatarId: row.authorAvatarId },
    tags: row.tags,
    activityAt: row.activityAt,
    pinned: row.pinned,
  };
  if (row.kind === "discussion") {
    const kind = row.discussionKind!;
    return {
      ...shared,
      kind: "discussion",
      href: `/discussions/${row.id}`,
      badge: DISCUSSION_BADGES[kind],
      replyCount: row.replyCount!,
      reactionCount: row.reactionCount!,
      answered: kind === "QUESTION" ? row.answered : undefined,
    };
  }
  return {
    ...shared,
    kind: "post",
    href: `/posts/${row.id}`,
    badge: POST_BADGES[row.postType!],
    helpfulCount: row.helpfulCount!,
    commentCount: row.commentCount!,
  };
}
