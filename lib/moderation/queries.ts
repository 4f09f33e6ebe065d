import "server-only";
import { db } from "@/lib/core/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
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

/** Keyset condition "after this row" in (time desc, type desc, id desc) order. */
function afterCursor(cursor: string | undefined, time: Prisma.Sql): Prisma.Sql | null {
  if (!cursor) return null;
  const [at, type, id] = decodeCursorOrThrow(cursor, queueCursorSchema);
  // Timestamps are stored as UTC without a zone; compare in the same terms. The type
  // compares as text (the ORDER BY's order), not in the enum's declaration order.
  return Prisma.sql`(${time}, "targetType"::text, "targetId") < (${at}::timestamptz AT TIME ZONE 'UTC', ${type}::text, ${id})`;
}

interface GroupRow {
  targetType: ReportTarget;
  targetId: string;
  reportCount: number;
  latestAt: Date;
  reasons: string[];
  reporterIds: string[];
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
  const after = afterCursor(query.cursor, Prisma.sql`MAX("createdAt")`);
  const groups = await db.$queryRaw<GroupRow[]>`
    SELECT "targetType"::text AS "targetType", "targetId",
           COUNT(*)::int AS "reportCount", MAX("createdAt") AS "latestAt",
           (array_agg("reason" ORDER BY "createdAt" DESC, "id" DESC))[1:${REASONS_SHOWN}] AS "reasons",
           (array_agg("reporterId" ORDER BY "createdAt" DESC, "id" DESC))[1:${REASONS_SHOWN}] AS "reporterIds"
    FROM "Report"
    WHERE "status" = 'OPEN'
    GROUP BY "targetType", "targetId"
    ${after ? Prisma.sql`HAVING ${after}` : Prisma.empty}
    ORDER BY "latestAt" DESC, "targetType"::text DESC, "targetId" DESC
    LIMIT ${take + 1}`;
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

interface HiddenRow {
  targetType: ReportTarget;
  targetId: string;
  hiddenAt: Date;
}

/** Everything currently hidden, most recently hidden first. Keyset-paginated. */
export async function listHiddenContent(
  query: { cursor?: string },
  take = DEFAULT_PAGE_SIZE,
): Promise<Page<HiddenItem>> {
  const after = afterCursor(query.cursor, Prisma.sql`"hiddenAt"`);
  const rows = await db.$queryRaw<HiddenRow[]>`
    SELECT * FROM (
      SELECT 'DISCUSSION' AS "targetType", "id" AS "targetId", "hiddenAt" FROM "Discussion" WHERE "hiddenAt" IS NOT NULL
      UNION ALL
      SELECT 'REPLY', "id", "hiddenAt" FROM "Reply" WHERE "hiddenAt" IS NOT NULL
      UNION ALL
      SELECT 'POST', "id", "hiddenAt" FROM "KnowledgePost" WHERE "hiddenAt" IS NOT NULL
      UNION ALL
      SELECT 'COMMENT', "id", "hiddenAt" FROM "PostComment" WHERE "hiddenAt" IS NOT NULL
      UNION ALL
      SELECT 'RECOGNITION', "id", "hiddenAt" FROM "Recognition" WHERE "hiddenAt" IS NOT NULL
    ) AS hidden
    ${after ? Prisma.sql`WHERE ${after}` : Prisma.empty}
    ORDER BY "hiddenAt" DESC, "targetType" DESC, "targetId" DESC
    LIMIT ${take + 1}`;
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
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT COUNT(DISTINCT ("targetType", "targetId"))::int AS "count"
    FROM "Report" WHERE "status" = 'OPEN'`;
  return row?.count ?? 0;
}
