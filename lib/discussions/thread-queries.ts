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
  encodeCursor,
  InvalidCursor,
  toPage,
  type Page,
} from "@/lib/core/pagination/cursor";
import { NO_REACTIONS, type ReactionSummary } from "@/lib/discussions/reactions/kinds";

import { DISCUSSION_LIMITS, REPLY_PAGE_SIZE } from "./limits";
import { defaultThreadSort, idSchema, type ThreadSort } from "./schemas";
import { seesHiddenContent } from "@/lib/core/auth/content-visibility";
import { readableContentSql, readableContentWhere } from "@/lib/communities/visibility";

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
  authorAvatarId: string | null;
  /** Null when the viewer may not read it (deleted; hidden from non-admins). */
  body: string | null;
  state: ContentState;
  createdAt: Date;
  editedAt: Date | null;
  reactions: ReactionSummary;
  /** The sum of its answer votes, and whether the viewer gave one (questions only). */
  votes: AnswerVotes;
  /** Posted by someone else after the viewer last read the thread (the unread rule). */
  unread: boolean;
  /** The reply this one answers; its author is null when that reply is hidden from the viewer. */
  parent: { id: string; authorName: string | null } | null;
}

export interface AnswerVotes {
  score: number;
  mine: boolean;
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
  authorAvatarId: string | null;
  tags: TagChip[];
  createdAt: Date;
  editedAt: Date | null;
  pinned: boolean;
  locked: boolean;
  replyCount: number;
  reactions: ReactionSummary;
  acceptedAnswer: AcceptedAnswer | null;
  /** The community it was posted in; null for the company-wide stream. */
  community: { name: string; slug: string } | null;
  /** Whether the viewer leads that community (and so moderates its content). */
  viewerLeadsCommunity: boolean;
}

export interface AcceptedAnswer {
  id: string;
  authorId: string | null;
  authorName: string;
  authorAvatarId: string | null;
  /** Whether the answerer's account is active (a deactivated member cannot be thanked). */
  authorActive: boolean;
  voteScore: number;
  body: string;
  createdAt: Date;
  /** The reply in the thread: its anchor, on this page or the page that has it. */
  href: string;
}

export interface Thread {
  discussion: DiscussionDetail;
  replies: Page<ReplyItem>;
  /** The order the replies are in: the one asked for, or the kind's default. */
  sort: ThreadSort;
  unread: ThreadUnread;
}

/** What the viewer has not read yet (see CONTRACT: the unread rule). */
export interface ThreadUnread {
  /** Replies by others after `readUpTo`, visible ones only, on any page. */
  count: number;
  /** The last read time before this view (the greatest of the three watermarks). */
  readUpTo: Date;
  /** The first unread reply on this page, in the order shown; null if none is here. */
  firstOnPage: string | null;
}

/**
 * The viewer's last read time for discussion `d`, by the unread rule: the greatest of their
 * read marker for it, their "mark all read" time and when they joined. Needs `dr` (their
 * DiscussionRead row, left-joined) and `me` (their User row) in the query.
 */
const readUpToSql = sql<Date>`GREATEST(COALESCE("dr"."lastReadAt", '-infinity'), COALESCE("me"."discussionsReadAt", '-infinity'), "me"."createdAt")`;

async function discussionRow(viewer: Actor, id: string) {
  const viewerId = viewer.id;
  const [row] = await run(
    db,
    sqlb
      .selectFrom("Discussion as d")
      .innerJoin("User as a", "a.id", "d.authorId")
      .innerJoin("User as me", (join) => join.on("me.id", "=", viewerId))
      .leftJoin("DiscussionRead as dr", (join) =>
        join.onRef("dr.discussionId", "=", "d.id").on("dr.userId", "=", viewerId),
      )
      .leftJoin("Reply as ar", "ar.id", "d.acceptedReplyId")
      .leftJoin("User as aa", "aa.id", "ar.authorId")
      .leftJoin("Community as c", "c.id", "d.communityId")
      .select((eb) => [
        "d.id",
        sql<DiscussionKind>`${eb.ref("d.kind")}::text`.as("kind"),
        "d.title",
        "d.body",
        "d.authorId",
        "a.name as authorName",
        "a.avatarId as authorAvatarId",
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
        "aa.avatarId as acceptedAuthorAvatarId",
        "aa.deactivatedAt as acceptedAuthorDeactivatedAt",
        "ar.body as acceptedBody",
        "ar.createdAt as acceptedCreatedAt",
        "ar.voteScore as acceptedVoteScore",
        sql<
          boolean | null
        >`(${eb.ref("ar.deletedAt")} IS NULL AND ${eb.ref("ar.hiddenAt")} IS NULL)`.as(
          "acceptedVisible",
        ),
        readUpToSql.as("readUpTo"),
        eb
          .selectFrom("Reply as u")
          .select(sql<number>`count(*)::int`.as("n"))
          .whereRef("u.discussionId", "=", "d.id")
          .where("u.authorId", "<>", viewerId)
          .where("u.deletedAt", "is", null)
          .where("u.hiddenAt", "is", null)
          .where((sub) => sql<boolean>`${sub.ref("u.createdAt")} > ${readUpToSql}`)
          .as("unreadCount"),
        tagsJson(eb),
        "c.name as communityName",
        "c.slug as communitySlug",
        sql<boolean>`EXISTS (SELECT 1 FROM "CommunityMembership" lm
          WHERE lm."communityId" = ${eb.ref("d.communityId")} AND lm."memberId" = ${viewerId}
            AND lm.role = 'LEAD' AND lm.status = 'ACTIVE')`.as("viewerLeadsCommunity"),
      ])
      .where("d.id", "=", id)
      .where(readableContentSql("d", viewer)),
  );
  return row;
}

type DiscussionRow = NonNullable<Awaited<ReturnType<typeof discussionRow>>>;

/** Each sort's columns, in order; the last ones make the order total (a keyset). */
const SORT_COLUMNS = {
  votes: [
    ["voteScore", "desc"],
    ["createdAt", "asc"],
    ["id", "asc"],
  ],
  oldest: [
    ["createdAt", "asc"],
    ["id", "asc"],
  ],
  newest: [
    ["createdAt", "desc"],
    ["id", "desc"],
  ],
} as const satisfies Record<ThreadSort, readonly (readonly [string, "asc" | "desc"])[]>;

/** `ORDER BY` text for a sort on the replies aliased `r`. */
function orderOf(sort: ThreadSort) {
  return sql.join(
    SORT_COLUMNS[sort].map(
      ([column, direction]) => sql`${sql.ref(`r.${column}`)} ${sql.raw(direction)}`,
    ),
  );
}

/** The first page before the discussion's kind is known: a question by votes, else oldest. */
const KIND_DEFAULT_ORDER = sql`CASE WHEN "d"."kind" = 'QUESTION' THEN "r"."voteScore" ELSE 0 END DESC, "r"."createdAt" ASC, "r"."id" ASC`;

const chronologicalKey = z.tuple([z.iso.datetime(), idSchema]);
const votesKey = z.tuple([z.number().int(), z.iso.datetime(), idSchema]);

interface SortKeyRow {
  id: string;
  createdAt: Date;
  voteScore: number;
}

/** A reply's place in a sort, as a cursor key: what the next page starts after. */
function sortKey(sort: ThreadSort, row: SortKeyRow): (string | number)[] {
  const time = row.createdAt.toISOString();
  return sort === "votes" ? [row.voteScore, time, row.id] : [time, row.id];
}

/** "After this cursor" in a sort, for the replies aliased `r`. */
function afterCursor(sort: ThreadSort, cursor: string) {
  if (sort === "votes") {
    const [score, time, id] = decodeCursorOrThrow(cursor, votesKey);
    return sql<boolean>`("r"."voteScore" < ${score} OR ("r"."voteScore" = ${score} AND ("r"."createdAt", "r"."id") > (${time}::timestamp(3), ${id})))`;
  }
  const [time, id] = decodeCursorOrThrow(cursor, chronologicalKey);
  const op = sort === "oldest" ? sql.raw(">") : sql.raw("<");
  return sql<boolean>`("r"."createdAt", "r"."id") ${op} (${time}::timestamp(3), ${id})`;
}

/**
 * One page of replies in `sort` ("kind default" on a first page whose kind is not known yet),
 * each with its author, the replied-to reply's author, and the viewer's own answer vote.
 */
function replyRows(
  viewerId: string,
  discussionId: string,
  sort: ThreadSort | "kind default",
  cursor: string | undefined,
  take: number,
) {
  const after = cursor && sort !== "kind default" ? afterCursor(sort, cursor) : null;
  return run(
    db,
    sqlb
      .selectFrom("Reply as r")
      .innerJoin("Discussion as d", "d.id", "r.discussionId")
      .innerJoin("User as u", "u.id", "r.authorId")
      .leftJoin("Reply as p", "p.id", "r.parentId")
      .leftJoin("User as pu", "pu.id", "p.authorId")
      .leftJoin("AnswerVote as av", (join) =>
        join.onRef("av.replyId", "=", "r.id").on("av.userId", "=", viewerId),
      )
      .select((eb) => [
        "r.id",
        "r.authorId",
        "u.name as authorName",
        "u.avatarId as authorAvatarId",
        "r.body",
        "r.createdAt",
        "r.editedAt",
        "r.deletedAt",
        "r.hiddenAt",
        "r.voteScore",
        "av.value as myVote",
        "r.parentId",
        "pu.name as parentAuthorName",
        sql<boolean | null>`(${eb.ref("p.hiddenAt")} IS NOT NULL)`.as("parentHidden"),
      ])
      .where("r.discussionId", "=", discussionId)
      .$if(after !== null, (q) => q.where(after!))
      .orderBy(sort === "kind default" ? KIND_DEFAULT_ORDER : orderOf(sort))
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
  viewer: { id: string; seesHidden: boolean; readUpTo: Date },
  reactions: Map<string, ReactionSummary>,
): ReplyItem {
  const { state, readable } = contentState(row, viewer.seesHidden);
  return {
    id: row.id,
    authorId: row.authorId,
    authorName: row.authorName,
    authorAvatarId: row.authorAvatarId,
    body: readable ? row.body : null,
    state,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    reactions: (readable && reactions.get(`reply:${row.id}`)) || NO_REACTIONS,
    votes: { score: row.voteScore, mine: row.myVote === 1 },
    unread: state === "visible" && row.authorId !== viewer.id && row.createdAt > viewer.readUpTo,
    parent: row.parentId
      ? {
          id: row.parentId,
          authorName: row.parentHidden && !viewer.seesHidden ? null : row.parentAuthorName,
        }
      : null,
  };
}

async function acceptedAnswer(
  row: DiscussionRow,
  sort: ThreadSort,
  replies: ReplyItem[],
): Promise<AcceptedAnswer | null> {
  if (!row.acceptedReplyId || !row.acceptedVisible || row.deletedAt) return null;
  const id = row.acceptedReplyId;
  const href = replies.some((reply) => reply.id === id)
    ? `#reply-${id}`
    : ((await locateReply(row.id, sort, { replyId: id })) ?? `#reply-${id}`);
  return {
    id,
    authorId: row.acceptedAuthorId,
    authorName: row.acceptedAuthorName ?? "",
    authorAvatarId: row.acceptedAuthorAvatarId,
    authorActive: row.acceptedAuthorDeactivatedAt === null,
    voteScore: row.acceptedVoteScore ?? 0,
    body: row.acceptedBody ?? "",
    createdAt: row.acceptedCreatedAt!,
    href,
  };
}

/** The replies' order: asked for, or (none) oldest with a cursor, else the kind's default. */
function requestedSort(options: { sort?: ThreadSort; cursor?: string }) {
  return options.sort ?? (options.cursor ? "oldest" : "kind default");
}

/**
 * A discussion and one page of its replies, in the order asked for, as the viewer may see
 * them; null when it does not exist or is hidden from the viewer. Three statements: the
 * discussion (author, tags, accepted answer, the viewer's last read time and unread count),
 * the replies (authors, the replied-to reply's author, the viewer's votes), and the reaction
 * counts of both; a fourth only when the accepted answer is on another page. A malformed
 * cursor throws InvalidCursor.
 */
export async function getThread(
  viewer: Actor,
  rawId: string,
  options: { cursor?: string; sort?: ThreadSort } = {},
  pageSize = REPLY_PAGE_SIZE,
): Promise<Thread | null> {
  const id = idSchema.safeParse(rawId);
  if (!id.success) return null;
  const viewerSeesHidden = seesHiddenContent(viewer);
  const asked = requestedSort(options);
  const [row, rows] = await Promise.all([
    discussionRow(viewer, id.data),
    replyRows(viewer.id, id.data, asked, options.cursor, pageSize + 1),
  ]);
  if (!row || (row.hiddenAt && !viewerSeesHidden)) return null;
  if (options.cursor && rows.length === 0) throw new InvalidCursor();
  const sort = asked === "kind default" ? defaultThreadSort(row.kind) : asked;
  const page = toPage(rows, pageSize, (reply) => sortKey(sort, reply));
  const reactions = await reactionSummaries(
    viewer.id,
    row.id,
    page.items.map((reply) => reply.id),
  );
  const readUpTo = row.readUpTo;
  const replies = page.items.map((reply) =>
    toReplyItem(reply, { id: viewer.id, seesHidden: viewerSeesHidden, readUpTo }, reactions),
  );
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
      authorAvatarId: row.authorAvatarId,
      tags: readable ? (row.tags ?? []) : [],
      createdAt: row.createdAt,
      editedAt: row.editedAt,
      pinned: Boolean(row.pinnedAt),
      locked: Boolean(row.lockedAt),
      replyCount: row.replyCount,
      reactions: (readable && reactions.get(`discussion:${row.id}`)) || NO_REACTIONS,
      acceptedAnswer: await acceptedAnswer(row, sort, replies),
      community:
        row.communityName && row.communitySlug
          ? { name: row.communityName, slug: row.communitySlug }
          : null,
      viewerLeadsCommunity: row.viewerLeadsCommunity,
    },
    replies: { items: replies, nextCursor: page.nextCursor },
    sort,
    unread: {
      count: row.unreadCount ?? 0,
      readUpTo,
      firstOnPage: replies.find((reply) => reply.unread)?.id ?? null,
    },
  };
}

/** A page of the thread in a sort, anchored on a reply. The sort is always written, so the
 * address is never a plain arrival (which may redirect to the first unread reply). */
export function threadHref(
  discussionId: string,
  sort: ThreadSort,
  cursor: string | null,
  replyId: string,
): string {
  const query = new URLSearchParams({ sort });
  if (cursor) query.set("cursor", cursor);
  return `/discussions/${discussionId}?${query.toString()}#reply-${replyId}`;
}

/** Which reply `locateReply` looks for: one by id, or the first unread one for a member. */
export type ReplyTarget = { replyId: string } | { unreadFor: string; after: Date };

/**
 * Where a reply is shown in a sort: the page that holds it and its anchor, or null when
 * there is no such reply. One statement: the thread's replies numbered in the sort, the
 * target's number, and the reply just before its page (the cursor), whatever the page.
 */
export async function locateReply(
  discussionId: string,
  sort: ThreadSort,
  target: ReplyTarget,
  pageSize = REPLY_PAGE_SIZE,
): Promise<string | null> {
  const [found] = await run(
    db,
    sqlb
      .with("ordered", (qb) =>
        qb
          .selectFrom("Reply as r")
          .select([
            "r.id",
            "r.createdAt",
            "r.voteScore",
            "r.authorId",
            "r.deletedAt",
            "r.hiddenAt",
            sql<number>`(row_number() OVER (ORDER BY ${orderOf(sort)}) - 1)::int`.as("pos"),
          ])
          .where("r.discussionId", "=", discussionId),
      )
      .with("target", (qb) =>
        qb
          .selectFrom("ordered as o")
          .select(["o.id", "o.pos"])
          .$if("replyId" in target, (q) =>
            q.where("o.id", "=", (target as { replyId: string }).replyId),
          )
          .$if("unreadFor" in target, (q) => {
            const { unreadFor, after } = target as { unreadFor: string; after: Date };
            return q
              .where("o.authorId", "<>", unreadFor)
              .where("o.deletedAt", "is", null)
              .where("o.hiddenAt", "is", null)
              .where(sql<boolean>`"o"."createdAt" > ${after.toISOString()}::timestamp(3)`);
          })
          .orderBy("o.pos")
          .limit(1),
      )
      .selectFrom("target as t")
      .leftJoin("ordered as b", (join) =>
        join.on(sql<boolean>`"b"."pos" = ("t"."pos" / ${pageSize}) * ${pageSize} - 1`),
      )
      .select([
        "t.id",
        "b.id as beforeId",
        "b.createdAt as beforeCreatedAt",
        "b.voteScore as beforeVoteScore",
      ]),
  );
  if (!found) return null;
  const cursor = found.beforeId
    ? encodeCursor(
        sortKey(sort, {
          id: found.beforeId,
          createdAt: found.beforeCreatedAt!,
          voteScore: found.beforeVoteScore!,
        }),
      )
    : null;
  return threadHref(discussionId, sort, cursor, found.id);
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

/**
 * Where a reply of this discussion is shown in the thread's default order (its page and
 * anchor); null if it isn't one.
 */
export async function findReplyLocation(
  viewer: Actor,
  discussionId: string,
  replyId: string,
): Promise<string | null> {
  if (!idSchema.safeParse(replyId).success || !idSchema.safeParse(discussionId).success)
    return null;
  const discussion = await db.discussion.findFirst({
    where: {
      id: discussionId,
      ...(seesHiddenContent(viewer) ? {} : { hiddenAt: null }),
      AND: [readableContentWhere(viewer)],
    },
    select: { kind: true },
  });
  if (!discussion) return null;
  return locateReply(discussionId, defaultThreadSort(discussion.kind), { replyId });
}

export interface EditableDiscussion {
  id: string;
  kind: DiscussionKind;
  title: string;
  body: string;
  tags: string[];
  communityId: string | null;
}

/** The viewer's own, not deleted, discussion as the edit form's values; else null. */
export async function getEditableDiscussion(
  viewer: Actor,
  rawId: string,
): Promise<EditableDiscussion | null> {
  const id = idSchema.safeParse(rawId);
  if (!id.success) return null;
  const row = await db.discussion.findFirst({
    where: {
      id: id.data,
      authorId: viewer.id,
      deletedAt: null,
      hiddenAt: null,
      AND: [readableContentWhere(viewer)],
    },
    select: {
      id: true,
      kind: true,
      communityId: true,
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
      discussion: { hiddenAt: null, AND: [readableContentWhere(viewer)] },
    },
    select: { id: true, discussionId: true, body: true, discussion: { select: { title: true } } },
  });
  return row
    ? { id: row.id, discussionId: row.discussionId, title: row.discussion.title, body: row.body }
    : null;
}
