// Page loaders for knowledge posts. Each page runs a fixed number of queries: a list is one
// query (authors and tags come with it); the post page is the post (with author, tags and
// the viewer's own vote and bookmark), one page of comments (with authors) and one query for
// related posts.
import "server-only";
import { idSchema } from "@/lib/core/ids";
import { z } from "zod";
import type { Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import { rows as run, sql, sqlb } from "@/lib/core/db/typed-sql";
import { Prisma } from "@/lib/generated/prisma/client";
import type { KnowledgePostType, PostStatus } from "@/lib/generated/prisma/enums";
import {
  decodeCursorOrThrow,
  DEFAULT_PAGE_SIZE,
  toPage,
  type Page,
} from "@/lib/core/pagination/cursor";
import { tagSlug } from "@/lib/tags/schemas";
import { seesHiddenContent } from "@/lib/core/auth/content-visibility";
import { listedPostFor, postVisibleTo } from "./access";
import { readableContentSql, readableContentWhere } from "@/lib/communities/visibility";
import { toDateInput, utcToday } from "@/lib/core/dates";
import { isReviewDue } from "./review-dates";
import { POST_PAGE_LIMITS } from "./limits";

const timeKey = z.tuple([z.iso.datetime(), idSchema]);
const dateKey = z.tuple([z.iso.date(), idSchema]);
const mineKey = z.tuple([z.enum(["DRAFT", "PUBLISHED"]), z.iso.datetime(), idSchema]);

export interface TagLink {
  name: string;
  slug: string;
}

export interface PostSummary {
  id: string;
  type: KnowledgePostType;
  status: PostStatus;
  title: string;
  summary: string;
  author: { id: string; name: string; avatarId: string | null };
  tags: TagLink[];
  publishedAt: Date | null;
  updatedAt: Date;
  reviewBy: Date;
  reviewDue: boolean;
  pinned: boolean;
  helpfulCount: number;
  commentCount: number;
}

const summarySelect = {
  id: true,
  type: true,
  status: true,
  title: true,
  summary: true,
  author: { select: { id: true, name: true, avatarId: true } },
  tags: { select: { tag: { select: { name: true, slug: true } } } },
  publishedAt: true,
  updatedAt: true,
  reviewBy: true,
  pinnedAt: true,
  helpfulCount: true,
  commentCount: true,
} satisfies Prisma.KnowledgePostSelect;

type SummaryRow = Prisma.KnowledgePostGetPayload<{ select: typeof summarySelect }>;

function toSummary({ tags, pinnedAt, ...row }: SummaryRow, now = new Date()): PostSummary {
  return {
    ...row,
    tags: tags.map(({ tag }) => tag).sort((a, b) => a.name.localeCompare(b.name)),
    pinned: Boolean(pinnedAt),
    reviewDue: row.status === "PUBLISHED" && isReviewDue(row.reviewBy, now),
  };
}

export interface PostListFilters {
  /** Whose list it is: private communities' posts are for their members. */
  viewer: Actor;
  type?: KnowledgePostType;
  /** A tag's slug or name. */
  tag?: string;
  cursor?: string;
}

function filterWhere({ viewer, type, tag }: PostListFilters): Prisma.KnowledgePostWhereInput {
  return {
    ...listedPostFor(viewer),
    ...(type ? { type } : {}),
    ...(tag ? { tags: { some: { tag: { slug: tagSlug(tag) } } } } : {}),
  };
}

/**
 * Published posts, newest first, keyset-paginated on (publishedAt, id). Pinned posts are
 * not in this stream: the first page shows them above it (see pinnedPosts).
 */
export async function listPosts(
  filters: PostListFilters,
  take = DEFAULT_PAGE_SIZE,
): Promise<Page<PostSummary>> {
  const after = filters.cursor ? decodeCursorOrThrow(filters.cursor, timeKey) : null;
  const rows = await db.knowledgePost.findMany({
    where: {
      ...filterWhere(filters),
      pinnedAt: null,
      ...(after
        ? {
            OR: [
              { publishedAt: { lt: new Date(after[0]) } },
              { publishedAt: new Date(after[0]), id: { lt: after[1] } },
            ],
          }
        : {}),
    },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: summarySelect,
  });
  const now = new Date();
  const page = toPage(rows, take, (row) => [row.publishedAt!.toISOString(), row.id]);
  return { ...page, items: page.items.map((row) => toSummary(row, now)) };
}

/** Pinned posts matching the list's filters, most recently pinned first. */
export async function pinnedPosts(filters: PostListFilters): Promise<PostSummary[]> {
  const rows = await db.knowledgePost.findMany({
    where: { ...filterWhere(filters), pinnedAt: { not: null } },
    orderBy: [{ pinnedAt: "desc" }, { id: "desc" }],
    take: POST_PAGE_LIMITS.pinned,
    select: summarySelect,
  });
  return rows.map((row) => toSummary(row));
}

/** The viewer's own posts: drafts first, then published, each most recently changed first. */
export async function listMyPosts(
  viewer: Actor,
  cursor?: string,
  take = DEFAULT_PAGE_SIZE,
): Promise<Page<PostSummary>> {
  const after = cursor ? decodeCursorOrThrow(cursor, mineKey) : null;
  const later = after && [
    { status: after[0], updatedAt: { lt: new Date(after[1]) } },
    { status: after[0], updatedAt: new Date(after[1]), id: { lt: after[2] } },
    ...(after[0] === "DRAFT" ? [{ status: "PUBLISHED" as const }] : []),
  ];
  const rows = await db.knowledgePost.findMany({
    where: {
      authorId: viewer.id,
      deletedAt: null,
      hiddenAt: null,
      AND: [readableContentWhere(viewer)],
      ...(later ? { OR: later } : {}),
    },
    orderBy: [{ status: "asc" }, { updatedAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: summarySelect,
  });
  const page = toPage(rows, take, (row) => [row.status, row.updatedAt.toISOString(), row.id]);
  return { ...page, items: page.items.map((row) => toSummary(row)) };
}

export interface SavedPost extends PostSummary {
  savedAt: Date;
}

/** The viewer's reading list, most recently saved first, keyset on (bookmark time, post id). */
export async function listBookmarks(
  viewer: Actor,
  cursor?: string,
  take = DEFAULT_PAGE_SIZE,
): Promise<Page<SavedPost>> {
  const after = cursor ? decodeCursorOrThrow(cursor, timeKey) : null;
  const rows = await db.bookmark.findMany({
    where: {
      userId: viewer.id,
      post: listedPostFor(viewer),
      ...(after
        ? {
            OR: [
              { createdAt: { lt: new Date(after[0]) } },
              { createdAt: new Date(after[0]), postId: { lt: after[1] } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { postId: "desc" }],
    take: take + 1,
    select: { createdAt: true, postId: true, post: { select: summarySelect } },
  });
  const page = toPage(rows, take, (row) => [row.createdAt.toISOString(), row.postId]);
  return {
    ...page,
    items: page.items.map((row) => ({ ...toSummary(row.post), savedAt: row.createdAt })),
  };
}

/** The viewer's published posts past their review date, the longest overdue first. */
export async function listNeedsReview(
  viewer: Actor,
  cursor?: string,
  take = DEFAULT_PAGE_SIZE,
): Promise<Page<PostSummary>> {
  const after = cursor ? decodeCursorOrThrow(cursor, dateKey) : null;
  const rows = await db.knowledgePost.findMany({
    where: {
      authorId: viewer.id,
      ...listedPostFor(viewer),
      reviewBy: { lt: utcToday() },
      ...(after
        ? {
            OR: [
              { reviewBy: { gt: new Date(after[0]) } },
              { reviewBy: new Date(after[0]), id: { gt: after[1] } },
            ],
          }
        : {}),
    },
    orderBy: [{ reviewBy: "asc" }, { id: "asc" }],
    take: take + 1,
    select: summarySelect,
  });
  const page = toPage(rows, take, (row) => [toDateInput(row.reviewBy), row.id]);
  return { ...page, items: page.items.map((row) => toSummary(row)) };
}

export interface PostDetail extends PostSummary {
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  reviewedAt: Date | null;
  hidden: boolean;
  isAuthor: boolean;
  /** The viewer's own vote and bookmark. */
  votedHelpful: boolean;
  saved: boolean;
  /** The community it was published in; null for the company-wide stream. */
  community: { name: string; slug: string } | null;
  /** Whether the viewer leads that community (and so may pin the post). */
  viewerLeadsCommunity: boolean;
}

/**
 * The post as the viewer may see it, or null (→ 404): unknown, deleted, someone else's
 * draft, or hidden by moderation from a non-admin.
 */
export async function getPostPage(viewer: Actor, id: string): Promise<PostDetail | null> {
  if (!idSchema.safeParse(id).success) return null;
  const post = await db.knowledgePost.findFirst({
    where: { id, AND: [readableContentWhere(viewer)] },
    select: {
      ...summarySelect,
      body: true,
      authorId: true,
      createdAt: true,
      editedAt: true,
      reviewedAt: true,
      hiddenAt: true,
      deletedAt: true,
      helpful: { where: { userId: viewer.id }, select: { userId: true } },
      bookmarks: { where: { userId: viewer.id }, select: { userId: true } },
      communityId: true,
    },
  });
  if (!post || !postVisibleTo(post, viewer)) return null;
  const {
    helpful,
    bookmarks,
    authorId,
    hiddenAt,
    deletedAt: _deleted,
    communityId,
    ...rest
  } = post;
  // One more statement, for a community's posts only: the company-wide page's count stays.
  const communityRow = communityId
    ? await db.community.findUnique({
        where: { id: communityId },
        select: {
          name: true,
          slug: true,
          memberships: {
            where: { memberId: viewer.id, role: "LEAD", status: "ACTIVE" },
            select: { memberId: true },
          },
        },
      })
    : null;
  const community = communityRow && { name: communityRow.name, slug: communityRow.slug };
  return {
    ...toSummary(rest),
    body: rest.body,
    createdAt: rest.createdAt,
    editedAt: rest.editedAt,
    reviewedAt: rest.reviewedAt,
    hidden: Boolean(hiddenAt),
    isAuthor: authorId === viewer.id,
    votedHelpful: helpful.length > 0,
    saved: bookmarks.length > 0,
    community,
    viewerLeadsCommunity: Boolean(communityRow?.memberships.length),
  };
}

export interface EditablePost {
  id: string;
  type: KnowledgePostType;
  status: PostStatus;
  title: string;
  summary: string;
  body: string;
  tags: string[];
  reviewBy: Date;
  communityId: string | null;
}

/** The viewer's own post, for its edit form; null when it is not theirs to edit. */
export async function getEditablePost(viewer: Actor, id: string): Promise<EditablePost | null> {
  if (!idSchema.safeParse(id).success) return null;
  const post = await db.knowledgePost.findFirst({
    where: {
      id,
      authorId: viewer.id,
      deletedAt: null,
      hiddenAt: null,
      AND: [readableContentWhere(viewer)],
    },
    select: {
      id: true,
      type: true,
      status: true,
      title: true,
      summary: true,
      body: true,
      reviewBy: true,
      communityId: true,
      tags: { select: { tag: { select: { name: true } } } },
    },
  });
  if (!post) return null;
  return { ...post, tags: post.tags.map(({ tag }) => tag.name).sort() };
}

export interface CommentView {
  id: string;
  author: { id: string; name: string };
  /** Empty for a deleted comment, and for a hidden one unless the viewer is an admin. */
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  state: "visible" | "deleted" | "hidden";
  isAuthor: boolean;
}

const commentKey = timeKey;

/** One page of a post's comments, oldest first (keyset on (createdAt, id)). */
export async function getPostComments(
  viewer: Actor,
  postId: string,
  cursor?: string,
  take: number = POST_PAGE_LIMITS.comments,
): Promise<Page<CommentView>> {
  const after = cursor ? decodeCursorOrThrow(cursor, commentKey) : null;
  const rows = await db.postComment.findMany({
    where: {
      postId,
      ...(after
        ? {
            OR: [
              { createdAt: { gt: new Date(after[0]) } },
              { createdAt: new Date(after[0]), id: { gt: after[1] } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: take + 1,
    select: {
      id: true,
      body: true,
      createdAt: true,
      editedAt: true,
      deletedAt: true,
      hiddenAt: true,
      author: { select: { id: true, name: true } },
    },
  });
  const admin = seesHiddenContent(viewer);
  const page = toPage(rows, take, (row) => [row.createdAt.toISOString(), row.id]);
  return {
    ...page,
    items: page.items.map(({ deletedAt, hiddenAt, body, ...row }) => {
      const state = deletedAt ? "deleted" : hiddenAt ? "hidden" : "visible";
      const shown = state === "visible" || (state === "hidden" && admin);
      return { ...row, body: shown ? body : "", state, isAuthor: row.author.id === viewer.id };
    }),
  };
}

export interface RelatedPost {
  id: string;
  type: KnowledgePostType;
  title: string;
  publishedAt: Date;
  sharedTags: number;
}

/** Up to five published posts sharing the most tags with this one (newest first on ties). */
export async function relatedPosts(viewer: Actor, postId: string): Promise<RelatedPost[]> {
  const rows = await run(
    db,
    sqlb
      .selectFrom("KnowledgePostTag as mine")
      .innerJoin("KnowledgePostTag as other", (join) =>
        join.onRef("other.tagId", "=", "mine.tagId").onRef("other.postId", "<>", "mine.postId"),
      )
      .innerJoin("KnowledgePost as p", "p.id", "other.postId")
      .select((eb) => [
        "p.id",
        sql<KnowledgePostType>`${eb.ref("p.type")}::text`.as("type"),
        "p.title",
        // Published posts, which have a publication time.
        sql<Date>`${eb.ref("p.publishedAt")}`.as("publishedAt"),
        // A bare count(*) comes back from Prisma as bigint.
        sql<bigint>`count(*)`.as("sharedTags"),
      ])
      .where((eb) =>
        eb.and([
          eb("mine.postId", "=", postId),
          eb("p.status", "=", sql<"PUBLISHED">`'PUBLISHED'`),
          eb("p.deletedAt", "is", null),
          eb("p.hiddenAt", "is", null),
          readableContentSql("p", viewer),
        ]),
      )
      .groupBy("p.id")
      .orderBy("sharedTags", "desc")
      .orderBy("p.publishedAt", "desc")
      .orderBy("p.id", "desc")
      .limit(POST_PAGE_LIMITS.related),
  );
  return rows.map((row) => ({ ...row, sharedTags: Number(row.sharedTags) }));
}
