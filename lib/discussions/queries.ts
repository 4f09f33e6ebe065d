import "server-only";
// What the discussion pages show. Each loader is a fixed number of SQL statements however
// many rows it returns (authors, tags and reactions are joined or grouped, never fetched
// per row), and pages by keyset on the indexes of schema.prisma.
import { z } from "zod";
import type { Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import { rows as run, sql, sqlb, type DB } from "@/lib/core/db/typed-sql";
import { readableContentSql } from "@/lib/communities/visibility";
import type { DiscussionKind } from "@/lib/generated/prisma/enums";
import type { ExpressionBuilder } from "kysely";
import {
  decodeCursorOrThrow,
  DEFAULT_PAGE_SIZE,
  toPage,
  type Page,
} from "@/lib/core/pagination/cursor";

import { PINNED_LIMIT } from "./limits";
import { idSchema, type ListParams, type ListSort } from "./schemas";

export interface TagChip {
  name: string;
  slug: string;
}

/** A member who replied to a discussion, as a list row shows them (a face and a name). */
export interface Participant {
  id: string;
  name: string;
  avatarId: string | null;
}

/**
 * Whether the viewer has seen a discussion (docs: CONTRACT of issue 19): "new" when they never
 * opened it and it started after they joined and after their "mark all read"; "updated" when
 * someone else replied since they last read it; null when there is nothing unread.
 */
export type UnreadState = "new" | "updated" | null;

export interface DiscussionSummary {
  id: string;
  kind: DiscussionKind;
  title: string;
  authorId: string;
  authorName: string;
  authorAvatarId: string | null;
  /** Up to PARTICIPANTS_SHOWN other members who replied, the most recent first. */
  participants: Participant[];
  unread: UnreadState;
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

const timeKey = z.tuple([z.iso.datetime(), idSchema]);
const countKey = z.tuple([z.number().int().min(0), idSchema]);

/** The list's query context: a discussion `d` and its author `a`. */
type ListEb = ExpressionBuilder<DB & { d: DB["Discussion"]; a: DB["User"] }, "d" | "a">;

const SORT_COLUMN = {
  activity: "d.lastActivityAt",
  newest: "d.createdAt",
  reactions: "d.reactionCount",
} as const satisfies Record<ListSort, string>;

function sortKeyOf(sort: ListSort, row: DiscussionSummary): (string | number)[] {
  if (sort === "reactions") return [row.reactionCount, row.id];
  const time = sort === "newest" ? row.createdAt : row.lastActivityAt;
  return [time.toISOString(), row.id];
}

/** Rows after the cursor, newest / most first; a malformed cursor is InvalidCursor (404). */
function afterCursor(eb: ListEb, sort: ListSort, raw: string | undefined) {
  if (!raw) return sql<boolean>`TRUE`;
  const column = eb.ref(SORT_COLUMN[sort]);
  if (sort === "reactions") {
    const [count, id] = decodeCursorOrThrow(raw, countKey);
    return sql<boolean>`(${column}, ${eb.ref("d.id")}) < (${count}::int, ${id})`;
  }
  const [time, id] = decodeCursorOrThrow(raw, timeKey);
  // Stored as UTC timestamp(3); casting the ISO text drops its "Z" and keeps UTC.
  return sql<boolean>`(${column}, ${eb.ref("d.id")}) < (${time}::timestamp(3), ${id})`;
}

function filters(eb: ListEb, viewer: Actor, params: ListParams) {
  const parts = [
    eb("d.deletedAt", "is", null),
    eb("d.hiddenAt", "is", null),
    readableContentSql("d", viewer),
  ];
  if (params.kind)
    parts.push(
      eb("d.kind", "=", sql<DiscussionKind>`${params.kind.toUpperCase()}::"DiscussionKind"`),
    );
  if (params.status) {
    parts.push(eb("d.kind", "=", sql<DiscussionKind>`'QUESTION'`));
    parts.push(eb("d.acceptedReplyId", params.status === "answered" ? "is not" : "is", null));
  }
  if (params.scope === "mine") parts.push(eb("d.authorId", "=", viewer.id));
  if (params.scope === "following")
    parts.push(
      eb.exists(
        eb
          .selectFrom("DiscussionTag as dt")
          .innerJoin("TagFollow as f", "f.tagId", "dt.tagId")
          .select(sql`1`.as("one"))
          .whereRef("dt.discussionId", "=", "d.id")
          .where("f.userId", "=", viewer.id),
      ),
    );
  if (params.tag)
    parts.push(
      eb.exists(
        eb
          .selectFrom("DiscussionTag as dt")
          .innerJoin("Tag as t", "t.id", "dt.tagId")
          .select(sql`1`.as("one"))
          .whereRef("dt.discussionId", "=", "d.id")
          .where("t.slug", "=", params.tag),
      ),
    );
  return eb.and(parts);
}

/** The discussion's tags by name, as JSON [{name, slug}], or null when it has none. */
export function tagsJson(eb: ExpressionBuilder<DB & { d: DB["Discussion"] }, "d">) {
  return eb
    .selectFrom("DiscussionTag as dt")
    .innerJoin("Tag as t", "t.id", "dt.tagId")
    .select((sub) =>
      sql<
        TagChip[] | null
      >`json_agg(json_build_object('name', ${sub.ref("t.name")}, 'slug', ${sub.ref("t.slug")}) ORDER BY ${sub.ref("t.name")})`.as(
        "tags",
      ),
    )
    .whereRef("dt.discussionId", "=", "d.id")
    .as("tags");
}

/** How many recent repliers other than the author a row shows (the migration's LIMIT 4). */
export const PARTICIPANTS_SHOWN = 4;

/**
 * The members in the discussion's `participantIds` (the latest repliers other than the
 * author, kept by triggers on Reply: see the migration 20261207225000_discussion_participants),
 * in that order, as JSON [{id, name, avatarId}]; null when there are none. A primary-key
 * lookup per face, so the list does not read any replies.
 */
function participantsJson(eb: ExpressionBuilder<DB & { d: DB["Discussion"] }, "d">) {
  return eb
    .selectFrom("User as u")
    .select((sub) =>
      sql<
        Participant[] | null
      >`json_agg(json_build_object('id', ${sub.ref("u.id")}, 'name', ${sub.ref("u.name")}, 'avatarId', ${sub.ref("u.avatarId")}) ORDER BY array_position(${sub.ref("d.participantIds")}, ${sub.ref("u.id")}))`.as(
        "participants",
      ),
    )
    .where((sub) => sql<boolean>`${sub.ref("u.id")} = ANY(${sub.ref("d.participantIds")})`)
    .as("participants");
}

/** The viewer `v` (with `since`: when their "mark all read" or joining was) and their read mark `r`. */
type UnreadEb = ExpressionBuilder<
  DB & {
    d: DB["Discussion"];
    r: DB["DiscussionRead"];
    v: { id: string; since: Date };
  },
  "d" | "r" | "v"
>;

/**
 * The rule of issue 19's contract, with the viewer's own writing never unread to them: a
 * discussion they started is never "new", and only someone else's reply makes it "updated".
 * The EXISTS runs only for the few rows whose last activity is after the viewer's mark.
 */
function unreadState(eb: UnreadEb) {
  const seen = sql<Date>`GREATEST(COALESCE(${eb.ref("r.lastReadAt")}, '-infinity'::timestamp), ${eb.ref("v.since")})`;
  const newReplyByOthers = eb.exists(
    eb
      .selectFrom("Reply as o")
      .select(sql`1`.as("one"))
      .whereRef("o.discussionId", "=", "d.id")
      .where("o.createdAt", ">", seen)
      .whereRef("o.authorId", "<>", "v.id")
      .where("o.deletedAt", "is", null)
      .where("o.hiddenAt", "is", null),
  );
  return sql<UnreadState>`CASE
    WHEN ${eb.ref("d.lastActivityAt")} <= ${seen} THEN NULL
    WHEN ${eb.ref("r.lastReadAt")} IS NULL AND ${eb.ref("d.createdAt")} > ${eb.ref("v.since")}
      AND ${eb.ref("d.authorId")} <> ${eb.ref("v.id")} THEN 'new'
    WHEN ${newReplyByOthers} THEN 'updated'
  END`;
}

function selectSummaries(
  viewer: Actor,
  where: (eb: ListEb) => ReturnType<ListEb["and"]>,
  order: "pinned" | ListSort,
  take: number,
) {
  return run(
    db,
    sqlb
      .selectFrom("Discussion as d")
      .innerJoin("User as a", "a.id", "d.authorId")
      .where(where)
      .innerJoin(
        (eb) =>
          eb
            .selectFrom("User as me")
            .select((me) => [
              "me.id",
              sql<Date>`GREATEST(COALESCE(${me.ref("me.discussionsReadAt")}, '-infinity'::timestamp), ${me.ref("me.createdAt")})`.as(
                "since",
              ),
            ])
            .where("me.id", "=", viewer.id)
            .as("v"),
        (join) => join.onTrue(),
      )
      .leftJoin("DiscussionRead as r", (join) =>
        join.onRef("r.discussionId", "=", "d.id").onRef("r.userId", "=", "v.id"),
      )
      .select((eb) => [
        "d.id",
        sql<DiscussionKind>`${eb.ref("d.kind")}::text`.as("kind"),
        "d.title",
        "d.authorId",
        "a.name as authorName",
        "a.avatarId as authorAvatarId",
        participantsJson(eb),
        unreadState(eb).as("unread"),
        "d.replyCount",
        "d.reactionCount",
        "d.createdAt",
        "d.lastActivityAt",
        sql<boolean>`(${eb.ref("d.acceptedReplyId")} IS NOT NULL)`.as("answered"),
        sql<boolean>`(${eb.ref("d.pinnedAt")} IS NOT NULL)`.as("pinned"),
        tagsJson(eb),
      ])
      .orderBy(order === "pinned" ? "d.pinnedAt" : SORT_COLUMN[order], "desc")
      .orderBy("d.id", "desc")
      .limit(take),
  );
}

type SummaryRow = Awaited<ReturnType<typeof selectSummaries>>[number];

const toSummary = (row: SummaryRow): DiscussionSummary => ({
  ...row,
  tags: row.tags ?? [],
  participants: row.participants ?? [],
});

/**
 * One page of visible discussions matching the filters, in the chosen order, and on the
 * first page the pinned ones, each with its participants' faces and the viewer's unread
 * state. Two statements.
 */
export async function listDiscussions(
  viewer: Actor,
  params: ListParams,
  pageSize = DEFAULT_PAGE_SIZE,
): Promise<DiscussionList> {
  const [rows, pinned] = await Promise.all([
    selectSummaries(
      viewer,
      (eb) =>
        eb.and([
          filters(eb, viewer, params),
          eb("d.pinnedAt", "is", null),
          afterCursor(eb, params.sort, params.cursor),
        ]),
      params.sort,
      pageSize + 1,
    ),
    params.cursor
      ? Promise.resolve([])
      : selectSummaries(
          viewer,
          (eb) => eb.and([filters(eb, viewer, params), eb("d.pinnedAt", "is not", null)]),
          "pinned",
          PINNED_LIMIT,
        ),
  ]);
  const page = toPage(rows.map(toSummary), pageSize, (row) => sortKeyOf(params.sort, row));
  return { pinned: pinned.map(toSummary), page };
}

/** Tags that label at least one discussion, for the list's filter. */
export function discussionTagOptions(): Promise<TagChip[]> {
  return run(
    db,
    sqlb
      .selectFrom("Tag as t")
      .select(["t.name", "t.slug"])
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom("DiscussionTag as dt")
            .select(sql`1`.as("one"))
            .whereRef("dt.tagId", "=", "t.id"),
        ),
      )
      .orderBy((eb) => eb.fn("lower", ["t.name"]))
      .orderBy("t.slug")
      .limit(300),
  );
}
