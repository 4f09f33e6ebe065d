import "server-only";
// What a thread page shows. Each loader is a fixed number of SQL statements however
// many rows it returns (authors, tags and reactions are joined or grouped, never fetched
// per row), and pages by keyset on the indexes of schema.prisma.
import { z } from "zod";
import type { Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import { rows as run, sql, sqlb } from "@/lib/core/db/typed-sql";
import type { DiscussionKind, ReactionKind } from "@/lib/generated/prisma/enums";
import {
  decodeCursorOrThrow,
  InvalidCursor,
  toPage,
  type Page,
} from "@/lib/core/pagination/cursor";
import { NO_REACTIONS, type ReactionSummary } from "@/lib/discussions/reactions/kinds";

import { DISCUSSION_LIMITS, REPLY_PAGE_SIZE } from "./limits";
import { idSchema } from "./schemas";
import { replyLocation } from "./stats";
import { seesHiddenContent } from "@/lib/core/auth/content-visibility";

import { tagsJson, type TagChip } from "./queries";

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

async function discussionRow(id: string) {
  const [row] = await run(
    db,
    sqlb
      .selectFrom("Discussion as d")
      .innerJoin("User as a", "a.id", "d.authorId")
      .leftJoin("Reply as ar", "ar.id", "d.acceptedReplyId")
      .leftJoin("User as aa", "aa.id", "ar.authorId")
      .select((eb) => [
        "d.id",
        sql<DiscussionKind>`${eb.ref("d.kind")}::text`.as("kind"),
        "d.title",
        "d.body",
        "d.authorId",
        "a.name as authorName",
        "d.createdAt",
        "d.editedAt",
        "d.deletedAt",
        "d.hiddenAt",
        "d.pinnedAt",
        "d.lockedAt",
        "d.replyCount",
        "d.acceptedReplyId",
        "aa.id as acceptedAuthorId",
        "aa.name as acceptedAuthorName",
        "ar.body as acceptedBody",
        "ar.createdAt as acceptedCreatedAt",
        sql<
          boolean | null
        >`(${eb.ref("ar.deletedAt")} IS NULL AND ${eb.ref("ar.hiddenAt")} IS NULL)`.as(
          "acceptedVisible",
        ),
        tagsJson(eb),
      ])
      .where("d.id", "=", id),
  );
  return row;
}

type DiscussionRow = NonNullable<Awaited<ReturnType<typeof discussionRow>>>;

const replyKey = z.tuple([z.iso.datetime(), idSchema]);

function replyRows(discussionId: string, cursor: string | undefined, take: number) {
  const after = cursor ? decodeCursorOrThrow(cursor, replyKey) : null;
  return run(
    db,
    sqlb
      .selectFrom("Reply as r")
      .innerJoin("User as u", "u.id", "r.authorId")
      .leftJoin("Reply as p", "p.id", "r.parentId")
      .leftJoin("User as pu", "pu.id", "p.authorId")
      .select((eb) => [
        "r.id",
        "r.authorId",
        "u.name as authorName",
        "r.body",
        "r.createdAt",
        "r.editedAt",
        "r.deletedAt",
        "r.hiddenAt",
        "r.parentId",
        "pu.name as parentAuthorName",
        sql<boolean | null>`(${eb.ref("p.hiddenAt")} IS NOT NULL)`.as("parentHidden"),
      ])
      .where("r.discussionId", "=", discussionId)
      .$if(after !== null, (q) =>
        q.where(
          (eb) =>
            sql<boolean>`(${eb.ref("r.createdAt")}, ${eb.ref("r.id")}) > (${after![0]}::timestamp(3), ${after![1]})`,
        ),
      )
      .orderBy("r.createdAt")
      .orderBy("r.id")
      .limit(take),
  );
}

type ReplyRow = Awaited<ReturnType<typeof replyRows>>[number];

/** Reaction counts by kind, and the viewer's own, for a discussion and some of its replies. */
async function reactionSummaries(
  viewerId: string,
  discussionId: string,
  replyIds: string[],
): Promise<Map<string, ReactionSummary>> {
  const onDiscussion = sqlb
    .selectFrom("DiscussionReaction")
    .select((eb) => [
      sql<"discussion" | "reply">`'discussion'`.as("target"),
      "discussionId as id",
      sql<ReactionKind>`${eb.ref("kind")}::text`.as("kind"),
      sql<number>`count(*)::int`.as("count"),
      sql<boolean>`bool_or(${eb.ref("userId")} = ${viewerId})`.as("mine"),
    ])
    .where("discussionId", "=", discussionId)
    .groupBy(["discussionId", "kind"]);
  const rows = await run(
    db,
    replyIds.length
      ? onDiscussion.unionAll(
          sqlb
            .selectFrom("ReplyReaction")
            .select((eb) => [
              sql<"discussion" | "reply">`'reply'`.as("target"),
              "replyId as id",
              sql<ReactionKind>`${eb.ref("kind")}::text`.as("kind"),
              sql<number>`count(*)::int`.as("count"),
              sql<boolean>`bool_or(${eb.ref("userId")} = ${viewerId})`.as("mine"),
            ])
            .where("replyId", "in", replyIds)
            .groupBy(["replyId", "kind"]),
        )
      : onDiscussion,
  );
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
  const viewerSeesHidden = seesHiddenContent(viewer);
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
      discussion: seesHiddenContent(viewer) ? {} : { hiddenAt: null },
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
