import "server-only";
// What the discussion pages show. Each loader is a fixed number of SQL statements however
// many rows it returns (authors, tags and reactions are joined or grouped, never fetched
// per row), and pages by keyset on the indexes of schema.prisma.
import { z } from "zod";
import type { Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import type { DiscussionKind, ReactionKind } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  decodeCursorOrThrow,
  DEFAULT_PAGE_SIZE,
  InvalidCursor,
  toPage,
  type Page,
} from "@/lib/core/pagination/cursor";
import { NO_REACTIONS, type ReactionSummary } from "@/lib/discussions/reactions/kinds";
import { seesHidden } from "./access";
import { DISCUSSION_LIMITS, PINNED_LIMIT, REPLY_PAGE_SIZE } from "./limits";
import { idSchema, type ListParams, type ListSort } from "./schemas";
import { replyLocation } from "./stats";

export interface TagChip {
  name: string;
  slug: string;
}

export interface DiscussionSummary {
  id: string;
  kind: DiscussionKind;
  title: string;
  authorId: string;
  authorName: string;
  tags: TagChip[];
  replyCount: number;
  reactionCount: number;
  createdAt: Date;
  lastActivityAt: Date;
  answered: boolean;
  pinned: boolean;
}

export interface DiscussionList {
  /** Pinned discussions matching the filters: on the first page only, never repeated below. */
  pinned: DiscussionSummary[];
  page: Page<DiscussionSummary>;
}

type SummaryRow = Omit<DiscussionSummary, "tags"> & { tags: TagChip[] | null };

const timeKey = z.tuple([z.iso.datetime(), idSchema]);
const countKey = z.tuple([z.number().int().min(0), idSchema]);

const SORT_COLUMN: Record<ListSort, Prisma.Sql> = {
  activity: Prisma.sql`d."lastActivityAt"`,
  newest: Prisma.sql`d."createdAt"`,
  reactions: Prisma.sql`d."reactionCount"`,
};

function sortKeyOf(sort: ListSort, row: DiscussionSummary): (string | number)[] {
  if (sort === "reactions") return [row.reactionCount, row.id];
  const time = sort === "newest" ? row.createdAt : row.lastActivityAt;
  return [time.toISOString(), row.id];
}

/** Rows after the cursor, newest / most first; a malformed cursor is InvalidCursor (404). */
function afterCursor(sort: ListSort, raw: string | undefined): Prisma.Sql {
  if (!raw) return Prisma.empty;
  const column = SORT_COLUMN[sort];
  if (sort === "reactions") {
    const [count, id] = decodeCursorOrThrow(raw, countKey);
    return Prisma.sql`AND (${column}, d."id") < (${count}::int, ${id})`;
  }
  const [time, id] = decodeCursorOrThrow(raw, timeKey);
  // Stored as UTC timestamp(3); casting the ISO text drops its "Z" and keeps UTC.
  return Prisma.sql`AND (${column}, d."id") < (${time}::timestamp(3), ${id})`;
}

function filterSql(viewer: Actor, params: ListParams): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`d."deletedAt" IS NULL AND d."hiddenAt" IS NULL`];
  if (params.kind)
    parts.push(Prisma.sql`d."kind" = ${params.kind.toUpperCase()}::"DiscussionKind"`);
  if (params.status) {
    const accepted = params.status === "answered" ? Prisma.sql`IS NOT NULL` : Prisma.sql`IS NULL`;
    parts.push(Prisma.sql`d."kind" = 'QUESTION' AND d."acceptedReplyId" ${accepted}`);
  }
  if (params.scope === "mine") parts.push(Prisma.sql`d."authorId" = ${viewer.id}`);
  if (params.scope === "following")
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "DiscussionTag" dt
      JOIN "TagFollow" f ON f."tagId" = dt."tagId"
      WHERE dt."discussionId" = d."id" AND f."userId" = ${viewer.id})`);
  if (params.tag)
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "DiscussionTag" dt
      JOIN "Tag" t ON t."id" = dt."tagId"
      WHERE dt."discussionId" = d."id" AND t."slug" = ${params.tag})`);
  return Prisma.join(parts, " AND ");
}

function selectSummaries(where: Prisma.Sql, order: Prisma.Sql, take: number) {
  return db.$queryRaw<SummaryRow[]>`
    SELECT d."id", d."kind"::text AS "kind", d."title", d."authorId", a."name" AS "authorName",
           d."replyCount", d."reactionCount", d."createdAt", d."lastActivityAt",
           (d."acceptedReplyId" IS NOT NULL) AS "answered", (d."pinnedAt" IS NOT NULL) AS "pinned",
           (SELECT json_agg(json_build_object('name', t."name", 'slug', t."slug") ORDER BY t."name")
              FROM "DiscussionTag" dt JOIN "Tag" t ON t."id" = dt."tagId"
             WHERE dt."discussionId" = d."id") AS "tags"
      FROM "Discussion" d JOIN "User" a ON a."id" = d."authorId"
     WHERE ${where}
     ORDER BY ${order}
     LIMIT ${take}`;
}

const toSummary = (row: SummaryRow): DiscussionSummary => ({ ...row, tags: row.tags ?? [] });

/**
 * One page of visible discussions matching the filters, in the chosen order, and on the
 * first page the pinned ones. Two statements.
 */
export async function listDiscussions(
  viewer: Actor,
  params: ListParams,
  pageSize = DEFAULT_PAGE_SIZE,
): Promise<DiscussionList> {
  const filters = filterSql(viewer, params);
  const column = SORT_COLUMN[params.sort];
  const [rows, pinned] = await Promise.all([
    selectSummaries(
      Prisma.sql`${filters} AND d."pinnedAt" IS NULL ${afterCursor(params.sort, params.cursor)}`,
      Prisma.sql`${column} DESC, d."id" DESC`,
      pageSize + 1,
    ),
    params.cursor
      ? Promise.resolve([])
      : selectSummaries(
          Prisma.sql`${filters} AND d."pinnedAt" IS NOT NULL`,
          Prisma.sql`d."pinnedAt" DESC, d."id" DESC`,
          PINNED_LIMIT,
        ),
  ]);
  const page = toPage(rows.map(toSummary), pageSize, (row) => sortKeyOf(params.sort, row));
  return { pinned: pinned.map(toSummary), page };
}

/** Tags that label at least one discussion, for the list's filter. */
export function discussionTagOptions(): Promise<TagChip[]> {
  return db.$queryRaw<TagChip[]>`
    SELECT t."name", t."slug" FROM "Tag" t
     WHERE EXISTS (SELECT 1 FROM "DiscussionTag" dt WHERE dt."tagId" = t."id")
     ORDER BY lower(t."name"), t."slug"
     LIMIT 300`;
}

/** What a piece of content shows as: itself, or the placeholder of a deleted/hidden one. */
export type ContentState = "visible" | "hidden" | "deleted";

function contentState(
  row: { deletedAt: Date | null; hiddenAt: Date | null },
  viewerSeesHidden: boolean,
): { state: ContentState; readable: boolean } {
  if (row.deletedAt) return { state: "deleted", readable: false };
  if (row.hiddenAt) return { state: "hidden", readable: viewerSeesHidden };
  return { state: "visible", readable: true };
}

export interface ReplyItem {
  id: string;
  authorId: string;
  authorName: string;
  /** Null when the viewer may not read it (deleted; hidden from non-admins). */
  body: string | null;
  state: ContentState;
  createdAt: Date;
  editedAt: Date | null;
  reactions: ReactionSummary;
  /** The reply this one answers; its author is null when that reply is hidden from the viewer. */
  parent: { id: string; authorName: string | null } | null;
}

export interface DiscussionDetail {
  id: string;
  kind: DiscussionKind;
  /** Null (like the body) when the discussion was deleted. */
  title: string | null;
  body: string | null;
  state: ContentState;
  authorId: string;
  authorName: string;
  tags: TagChip[];
  createdAt: Date;
  editedAt: Date | null;
  pinned: boolean;
  locked: boolean;
  replyCount: number;
  reactions: ReactionSummary;
  acceptedAnswer: AcceptedAnswer | null;
}

export interface AcceptedAnswer {
  id: string;
  authorId: string | null;
  authorName: string;
  body: string;
  createdAt: Date;
  /** The reply in the thread: its anchor, on this page or the page that has it. */
  href: string;
}

export interface Thread {
  discussion: DiscussionDetail;
  replies: Page<ReplyItem>;
}

interface DiscussionRow {
  id: string;
  kind: DiscussionKind;
  title: string;
  body: string;
  authorId: string;
  authorName: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  pinnedAt: Date | null;
  lockedAt: Date | null;
  replyCount: number;
  tags: TagChip[] | null;
  acceptedReplyId: string | null;
  acceptedAuthorId: string | null;
  acceptedAuthorName: string | null;
  acceptedBody: string | null;
  acceptedCreatedAt: Date | null;
  acceptedVisible: boolean | null;
}

async function discussionRow(id: string): Promise<DiscussionRow | undefined> {
  const [row] = await db.$queryRaw<DiscussionRow[]>`
    SELECT d."id", d."kind"::text AS "kind", d."title", d."body", d."authorId",
           a."name" AS "authorName", d."createdAt", d."editedAt", d."deletedAt", d."hiddenAt",
           d."pinnedAt", d."lockedAt", d."replyCount", d."acceptedReplyId",
           aa."id" AS "acceptedAuthorId", aa."name" AS "acceptedAuthorName", ar."body" AS "acceptedBody",
           ar."createdAt" AS "acceptedCreatedAt",
           (ar."deletedAt" IS NULL AND ar."hiddenAt" IS NULL) AS "acceptedVisible",
           (SELECT json_agg(json_build_object('name', t."name", 'slug', t."slug") ORDER BY t."name")
              FROM "DiscussionTag" dt JOIN "Tag" t ON t."id" = dt."tagId"
             WHERE dt."discussionId" = d."id") AS "tags"
      FROM "Discussion" d
      JOIN "User" a ON a."id" = d."authorId"
      LEFT JOIN "Reply" ar ON ar."id" = d."acceptedReplyId"
      LEFT JOIN "User" aa ON aa."id" = ar."authorId"
     WHERE d."id" = ${id}`;
  return row;
}

interface ReplyRow {
  id: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  parentId: string | null;
  parentAuthorName: string | null;
  parentHidden: boolean | null;
}

const replyKey = z.tuple([z.iso.datetime(), idSchema]);

function replyRows(discussionId: string, cursor: string | undefined, take: number) {
  const after = cursor ? decodeCursorOrThrow(cursor, replyKey) : null;
  return db.$queryRaw<ReplyRow[]>`
    SELECT r."id", r."authorId", u."name" AS "authorName", r."body", r."createdAt",
           r."editedAt", r."deletedAt", r."hiddenAt", r."parentId",
           pu."name" AS "parentAuthorName", (p."hiddenAt" IS NOT NULL) AS "parentHidden"
      FROM "Reply" r
      JOIN "User" u ON u."id" = r."authorId"
      LEFT JOIN "Reply" p ON p."id" = r."parentId"
      LEFT JOIN "User" pu ON pu."id" = p."authorId"
     WHERE r."discussionId" = ${discussionId}
       ${after ? Prisma.sql`AND (r."createdAt", r."id") > (${after[0]}::timestamp(3), ${after[1]})` : Prisma.empty}
     ORDER BY r."createdAt", r."id"
     LIMIT ${take}`;
}

interface ReactionRow {
  target: "discussion" | "reply";
  id: string;
  kind: ReactionKind;
  count: number;
  mine: boolean;
}

/** Reaction counts by kind, and the viewer's own, for a discussion and some of its replies. */
async function reactionSummaries(
  viewerId: string,
  discussionId: string,
  replyIds: string[],
): Promise<Map<string, ReactionSummary>> {
  const replies = replyIds.length
    ? Prisma.sql`UNION ALL
      SELECT 'reply' AS "target", "replyId" AS "id", "kind"::text AS "kind",
             count(*)::int AS "count", bool_or("userId" = ${viewerId}) AS "mine"
        FROM "ReplyReaction" WHERE "replyId" IN (${Prisma.join(replyIds)})
       GROUP BY "replyId", "kind"`
    : Prisma.empty;
  const rows = await db.$queryRaw<ReactionRow[]>`
    SELECT 'discussion' AS "target", "discussionId" AS "id", "kind"::text AS "kind",
           count(*)::int AS "count", bool_or("userId" = ${viewerId}) AS "mine"
      FROM "DiscussionReaction" WHERE "discussionId" = ${discussionId}
     GROUP BY "discussionId", "kind"
    ${replies}`;
  const summaries = new Map<string, ReactionSummary>();
  for (const row of rows) {
    const key = `${row.target}:${row.id}`;
    const summary = summaries.get(key) ?? { counts: {}, mine: [] };
    summary.counts[row.kind] = row.count;
    if (row.mine) summary.mine.push(row.kind);
    summaries.set(key, summary);
  }
  return summaries;
}

function toReplyItem(
  row: ReplyRow,
  viewerSeesHidden: boolean,
  reactions: Map<string, ReactionSummary>,
): ReplyItem {
  const { state, readable } = contentState(row, viewerSeesHidden);
  return {
    id: row.id,
    authorId: row.authorId,
    authorName: row.authorName,
    body: readable ? row.body : null,
    state,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    reactions: (readable && reactions.get(`reply:${row.id}`)) || NO_REACTIONS,
    parent: row.parentId
      ? {
          id: row.parentId,
          authorName: row.parentHidden && !viewerSeesHidden ? null : row.parentAuthorName,
        }
      : null,
  };
}

async function acceptedAnswer(
  row: DiscussionRow,
  replies: ReplyItem[],
): Promise<AcceptedAnswer | null> {
  if (!row.acceptedReplyId || !row.acceptedVisible || row.deletedAt) return null;
  const id = row.acceptedReplyId;
  const href = replies.some((reply) => reply.id === id)
    ? `#reply-${id}`
    : await replyLocation(db, { id, discussionId: row.id, createdAt: row.acceptedCreatedAt! });
  return {
    id,
    authorId: row.acceptedAuthorId,
    authorName: row.acceptedAuthorName ?? "",
    body: row.acceptedBody ?? "",
    createdAt: row.acceptedCreatedAt!,
    href,
  };
}

/**
 * A discussion and one page of its replies, in order, as the viewer may see them; null
 * when it does not exist or is hidden from the viewer. Three statements: the discussion
 * (author, tags, accepted answer), the replies (authors, the replied-to reply's author),
 * and the reaction counts of both. A malformed cursor throws InvalidCursor.
 */
export async function getThread(
  viewer: Actor,
  rawId: string,
  options: { cursor?: string } = {},
  pageSize = REPLY_PAGE_SIZE,
): Promise<Thread | null> {
  const id = idSchema.safeParse(rawId);
  if (!id.success) return null;
  const viewerSeesHidden = seesHidden(viewer);
  const [row, rows] = await Promise.all([
    discussionRow(id.data),
    replyRows(id.data, options.cursor, pageSize + 1),
  ]);
  if (!row || (row.hiddenAt && !viewerSeesHidden)) return null;
  if (options.cursor && rows.length === 0) throw new InvalidCursor();
  const page = toPage(rows, pageSize, (reply) => [reply.createdAt.toISOString(), reply.id]);
  const reactions = await reactionSummaries(
    viewer.id,
    row.id,
    page.items.map((reply) => reply.id),
  );
  const replies = page.items.map((reply) => toReplyItem(reply, viewerSeesHidden, reactions));
  const { state, readable } = contentState(row, viewerSeesHidden);
  return {
    discussion: {
      id: row.id,
      kind: row.kind,
      title: readable ? row.title : null,
      body: readable ? row.body : null,
      state,
      authorId: row.authorId,
      authorName: row.authorName,
      tags: readable ? (row.tags ?? []) : [],
      createdAt: row.createdAt,
      editedAt: row.editedAt,
      pinned: Boolean(row.pinnedAt),
      locked: Boolean(row.lockedAt),
      replyCount: row.replyCount,
      reactions: (readable && reactions.get(`discussion:${row.id}`)) || NO_REACTIONS,
      acceptedAnswer: await acceptedAnswer(row, replies),
    },
    replies: { items: replies, nextCursor: page.nextCursor },
  };
}

/**
 * The reply a "Reply to this" link answers, as a markdown quote with its author, or null
 * when it is not a readable reply of this discussion.
 */
export async function getQuotedReply(
  discussionId: string,
  replyId: string,
): Promise<{ id: string; authorName: string; quote: string } | null> {
  if (!idSchema.safeParse(replyId).success) return null;
  const reply = await db.reply.findFirst({
    where: { id: replyId, discussionId, deletedAt: null, hiddenAt: null },
    select: { id: true, body: true, author: { select: { name: true } } },
  });
  if (!reply) return null;
  return { id: reply.id, authorName: reply.author.name, quote: quoteMarkdown(reply) };
}

/** "> **Name** wrote:" and the reply's text as a markdown blockquote, shortened. */
export function quoteMarkdown(reply: { body: string; author: { name: string } }): string {
  const max = DISCUSSION_LIMITS.quoteMax;
  const text = reply.body.length > max ? `${reply.body.slice(0, max).trimEnd()}…` : reply.body;
  const quoted = text
    .split("\n")
    .map((line) => (line ? `> ${line}` : ">"))
    .join("\n");
  return `> **${reply.author.name.replace(/[*_[\]]/g, "")}** wrote:\n>\n${quoted}\n\n`;
}

/** Where a reply of this discussion is shown (its page and anchor); null if it isn't one. */
export async function findReplyLocation(
  viewer: Actor,
  discussionId: string,
  replyId: string,
): Promise<string | null> {
  if (!idSchema.safeParse(replyId).success || !idSchema.safeParse(discussionId).success)
    return null;
  const reply = await db.reply.findFirst({
    where: {
      id: replyId,
      discussionId,
      discussion: seesHidden(viewer) ? {} : { hiddenAt: null },
    },
    select: { id: true, discussionId: true, createdAt: true },
  });
  return reply ? replyLocation(db, reply) : null;
}

export interface EditableDiscussion {
  id: string;
  kind: DiscussionKind;
  title: string;
  body: string;
  tags: string[];
}

/** The viewer's own, not deleted, discussion as the edit form's values; else null. */
export async function getEditableDiscussion(
  viewer: Actor,
  rawId: string,
): Promise<EditableDiscussion | null> {
  const id = idSchema.safeParse(rawId);
  if (!id.success) return null;
  const row = await db.discussion.findFirst({
    where: { id: id.data, authorId: viewer.id, deletedAt: null, hiddenAt: null },
    select: {
      id: true,
      kind: true,
      title: true,
      body: true,
      tags: { select: { tag: { select: { name: true } } } },
    },
  });
  if (!row) return null;
  return { ...row, tags: row.tags.map((link) => link.tag.name).sort() };
}

/** The viewer's own, not deleted, reply of this discussion as the edit form's values. */
export async function getEditableReply(
  viewer: Actor,
  discussionId: string,
  replyId: string,
): Promise<{ id: string; discussionId: string; title: string; body: string } | null> {
  if (!idSchema.safeParse(replyId).success) return null;
  const row = await db.reply.findFirst({
    where: {
      id: replyId,
      discussionId,
      authorId: viewer.id,
      deletedAt: null,
      hiddenAt: null,
      discussion: { hiddenAt: null },
    },
    select: { id: true, discussionId: true, body: true, discussion: { select: { title: true } } },
  });
  return row
    ? { id: row.id, discussionId: row.discussionId, title: row.discussion.title, body: row.body }
    : null;
}
