import "server-only";
import { db } from "@/lib/core/db/client";
import { rows as run, sql, sqlb, type DB } from "@/lib/core/db/typed-sql";
import type { Expression, ExpressionBuilder } from "kysely";
import type { ReportTarget } from "@/lib/generated/prisma/enums";
import {
  decodeCursorOrThrow,
  DEFAULT_PAGE_SIZE,
  toPage,
  type Page,
} from "@/lib/core/pagination/cursor";
import { plainExcerpt } from "@/lib/core/markdown/excerpt";
import { queueCursorSchema } from "./schemas";
import { moderatedItemPath } from "./targets";

/** How many of an item's reasons the queue shows (the newest). */
export const REASONS_SHOWN = 5;

export interface ModeratedItemSummary {
  targetType: ReportTarget;
  targetId: string;
  /** False when the item is gone (its author's account was removed). */
  exists: boolean;
  /** A title, "Reply to <discussion title>", "Comment on <post title>" or "Recognition by <giver>". */
  heading: string;
  excerpt: string;
  author: { id: string; name: string } | null;
  /** Where the item is shown, with its anchor for replies and comments. */
  path: string | null;
  hiddenAt: Date | null;
  deletedAt: Date | null;
}

export interface ReportGroup {
  item: ModeratedItemSummary;
  reportCount: number;
  latestReportAt: Date;
  /** The newest REASONS_SHOWN reasons, newest first. */
  reasons: { reporter: string; reason: string }[];
}

export interface HiddenItem {
  item: ModeratedItemSummary;
  hiddenAt: Date;
}

type ItemKey = { targetType: ReportTarget; targetId: string };

const keyOf = (type: ReportTarget, id: string) => `${type}:${id}`;

const AUTHOR = { select: { id: true, name: true } } as const;
const STATE = { id: true, body: true, hiddenAt: true, deletedAt: true, author: AUTHOR } as const;

function idsOf(keys: ItemKey[], type: ReportTarget): string[] {
  return keys.filter((k) => k.targetType === type).map((k) => k.targetId);
}

/** Only queries the tables the page needs: at most one query per kind, whatever the page size. */
async function rowsOf<T>(ids: string[], query: (ids: string[]) => Promise<T[]>): Promise<T[]> {
  return ids.length ? query(ids) : [];
}

type Found = Omit<ModeratedItemSummary, "targetType" | "targetId" | "exists" | "path"> & {
  parentId: string | null;
};

async function summariesFor(keys: ItemKey[]): Promise<Map<string, ModeratedItemSummary>> {
  const [discussions, replies, posts, comments, recognitions] = await Promise.all([
    rowsOf(idsOf(keys, "DISCUSSION"), (ids) =>
      db.discussion.findMany({ where: { id: { in: ids } }, select: { ...STATE, title: true } }),
    ),
    rowsOf(idsOf(keys, "REPLY"), (ids) =>
      db.reply.findMany({
        where: { id: { in: ids } },
        select: { ...STATE, discussionId: true, discussion: { select: { title: true } } },
      }),
    ),
    rowsOf(idsOf(keys, "POST"), (ids) =>
      db.knowledgePost.findMany({ where: { id: { in: ids } }, select: { ...STATE, title: true } }),
    ),
    rowsOf(idsOf(keys, "COMMENT"), (ids) =>
      db.postComment.findMany({
        where: { id: { in: ids } },
        select: { ...STATE, postId: true, post: { select: { title: true } } },
      }),
    ),
    rowsOf(idsOf(keys, "RECOGNITION"), (ids) =>
      db.recognition.findMany({
        where: { id: { in: ids } },
        select: { id: true, message: true, hiddenAt: true, deletedAt: true, giver: AUTHOR },
      }),
    ),
  ]);
  const found = new Map<string, Found>();
  const add = (type: ReportTarget, id: string, row: Found) => found.set(keyOf(type, id), row);
  const common = (row: { body: string; hiddenAt: Date | null; deletedAt: Date | null }) => ({
    excerpt: plainExcerpt(row.body),
    hiddenAt: row.hiddenAt,
    deletedAt: row.deletedAt,
  });
  for (const d of discussions)
    add("DISCUSSION", d.id, { ...common(d), heading: d.title, author: d.author, parentId: null });
  for (const r of replies)
    add("REPLY", r.id, {
      ...common(r),
      heading: `Reply to “${r.discussion.title}”`,
      author: r.author,
      parentId: r.discussionId,
    });
  for (const p of posts)
    add("POST", p.id, { ...common(p), heading: p.title, author: p.author, parentId: null });
  for (const c of comments)
    add("COMMENT", c.id, {
      ...common(c),
      heading: `Comment on “${c.post.title}”`,
      author: c.author,
      parentId: c.postId,
    });
  for (const r of recognitions)
    add("RECOGNITION", r.id, {
      ...common({ ...r, body: r.message }),
      heading: `Recognition by ${r.giver.name}`,
      author: r.giver,
      parentId: null,
    });

  return new Map(
    keys.map(({ targetType, targetId }) => {
      const row = found.get(keyOf(targetType, targetId));
      const summary: ModeratedItemSummary = row
        ? {
            targetType,
            targetId,
            exists: true,
            heading: row.heading,
            excerpt: row.excerpt,
            author: row.author,
            path: moderatedItemPath(targetType, targetId, row.parentId),
            hiddenAt: row.hiddenAt,
            deletedAt: row.deletedAt,
          }
        : {
            targetType,
            targetId,
            exists: false,
            heading: "An item that no longer exists",
            excerpt: "",
            author: null,
            path: null,
            hiddenAt: null,
            deletedAt: null,
          };
      return [keyOf(targetType, targetId), summary];
    }),
  );
}

/**
 * Keyset condition "after this row" in (time desc, type desc, id desc) order, over the
 * columns "targetType" and "targetId" of the query it is used in.
 */
function afterCursor(cursor: string | undefined) {
  if (!cursor) return null;
  const [at, afterType, afterId] = decodeCursorOrThrow(cursor, queueCursorSchema);
  // Timestamps are stored as UTC without a zone; compare in the same terms. The type
  // compares as text (the ORDER BY's order), not in the enum's declaration order.
  return (time: Expression<Date | null>, type: Expression<string>, id: Expression<string>) =>
    sql<boolean>`(${time}, ${type}::text, ${id}) < (${at}::timestamptz AT TIME ZONE 'UTC', ${afterType}::text, ${afterId})`;
}

type GroupRow = Awaited<ReturnType<typeof reportGroups>>[number];

function reportGroups(cursor: string | undefined, take: number) {
  const open = sql<"OPEN">`'OPEN'`;
  const newest = (column: Expression<unknown>, eb: ExpressionBuilder<DB, "Report">) =>
    sql<
      string[]
    >`(array_agg(${column} ORDER BY ${eb.ref("createdAt")} DESC, ${eb.ref("id")} DESC))[1:${REASONS_SHOWN}]`;
  const after = afterCursor(cursor);
  return run(
    db,
    sqlb
      .selectFrom("Report")
      .select((eb) => [
        sql<ReportTarget>`${eb.ref("targetType")}::text`.as("targetType"),
        "targetId",
        sql<number>`COUNT(*)::int`.as("reportCount"),
        sql<Date>`MAX(${eb.ref("createdAt")})`.as("latestAt"),
        newest(eb.ref("reason"), eb).as("reasons"),
        newest(eb.ref("reporterId"), eb).as("reporterIds"),
      ])
      .where("status", "=", open)
      .groupBy(["targetType", "targetId"])
      .$if(after !== null, (q) =>
        q.having((eb) =>
          after!(sql`MAX(${eb.ref("createdAt")})`, eb.ref("targetType"), eb.ref("targetId")),
        ),
      )
      .orderBy("latestAt", "desc")
      .orderBy((eb) => sql`${eb.ref("targetType")}::text`, "desc")
      .orderBy("targetId", "desc")
      .limit(take + 1),
  );
}

async function reporterNames(groups: GroupRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(groups.flatMap((g) => g.reporterIds))];
  if (!ids.length) return new Map();
  const rows = await db.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true },
  });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Open reports, one row per reported item with its count and newest reasons, the item with
 * the newest report first. Keyset-paginated; a bounded number of queries per page.
 */
export async function listReportQueue(
  query: { cursor?: string },
  take = DEFAULT_PAGE_SIZE,
): Promise<Page<ReportGroup>> {
  const groups = await reportGroups(query.cursor, take);
  const page = toPage(groups, take, (g) => [g.latestAt.toISOString(), g.targetType, g.targetId]);
  const [summaries, names] = await Promise.all([
    summariesFor(page.items),
    reporterNames(page.items),
  ]);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((g) => ({
      item: summaries.get(keyOf(g.targetType, g.targetId))!,
      reportCount: g.reportCount,
      latestReportAt: g.latestAt,
      reasons: g.reasons.map((reason, i) => ({
        reason,
        reporter: names.get(g.reporterIds[i]!) ?? "A former member",
      })),
    })),
  };
}

/** Everything currently hidden, most recently hidden first. Keyset-paginated. */
export async function listHiddenContent(
  query: { cursor?: string },
  take = DEFAULT_PAGE_SIZE,
): Promise<Page<HiddenItem>> {
  const notNull = (at: Expression<Date | null>) => sql<Date>`${at}`.as("hiddenAt"); // where not null
  const kind = (type: ReportTarget) => sql<ReportTarget>`${sql.lit(type)}`.as("targetType");
  const after = afterCursor(query.cursor);
  const hidden = sqlb
    .selectFrom("Discussion")
    .select((eb) => [kind("DISCUSSION"), "id as targetId", notNull(eb.ref("hiddenAt"))])
    .where("hiddenAt", "is not", null)
    .unionAll(
      sqlb
        .selectFrom("Reply")
        .select((eb) => [kind("REPLY"), "id as targetId", notNull(eb.ref("hiddenAt"))])
        .where("hiddenAt", "is not", null),
    )
    .unionAll(
      sqlb
        .selectFrom("KnowledgePost")
        .select((eb) => [kind("POST"), "id as targetId", notNull(eb.ref("hiddenAt"))])
        .where("hiddenAt", "is not", null),
    )
    .unionAll(
      sqlb
        .selectFrom("PostComment")
        .select((eb) => [kind("COMMENT"), "id as targetId", notNull(eb.ref("hiddenAt"))])
        .where("hiddenAt", "is not", null),
    )
    .unionAll(
      sqlb
        .selectFrom("Recognition")
        .select((eb) => [kind("RECOGNITION"), "id as targetId", notNull(eb.ref("hiddenAt"))])
        .where("hiddenAt", "is not", null),
    );
  const rows = await run(
    db,
    sqlb
      .selectFrom(hidden.as("hidden"))
      .selectAll()
      .$if(after !== null, (q) =>
        q.where((eb) => after!(eb.ref("hiddenAt"), eb.ref("targetType"), eb.ref("targetId"))),
      )
      .orderBy("hiddenAt", "desc")
      .orderBy("targetType", "desc")
      .orderBy("targetId", "desc")
      .limit(take + 1),
  );
  const page = toPage(rows, take, (r) => [r.hiddenAt.toISOString(), r.targetType, r.targetId]);
  const summaries = await summariesFor(page.items);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => ({
      item: summaries.get(keyOf(r.targetType, r.targetId))!,
      hiddenAt: r.hiddenAt,
    })),
  };
}

/** How many items have open reports: for the admin overview's "Reports" card. */
export async function openReportedItemCount(): Promise<number> {
  const [row] = await run(
    db,
    sqlb
      .selectFrom("Report")
      .select((eb) =>
        sql<number>`COUNT(DISTINCT (${eb.ref("targetType")}, ${eb.ref("targetId")}))::int`.as(
          "count",
        ),
      )
      .where("status", "=", sql<"OPEN">`'OPEN'`),
  );
  return row?.count ?? 0;
}
