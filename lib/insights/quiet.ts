// Members not heard from in 90 days, so that leaders can invite them in. One statement: the
// page and the total.
//
// Heard from = any of: a discussion or question started, a reply (in a visible discussion), a
// knowledge post published, a session hosted or attended (RSVP GOING, or marked attended) that
// was held (not cancelled, started before now), a public recognition given or received, all on
// content neither deleted nor hidden. Reactions, votes, comments and survey answers are not
// "heard from" (and survey receipts are never read: they must not reveal who answered).
import "server-only";
import { idSchema } from "@/lib/core/ids";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursorOrThrow, encodeCursor } from "@/lib/core/pagination/cursor";
import { lastHeardSql, LIVE, type ActivitySource } from "./rollup";
import { ts, type SqlClient } from "./sql";

const DAY_MS = 86_400_000;
export const NOT_HEARD_DAYS = 90;
export const NOT_HEARD_PAGE_SIZE = 20;

export interface QuietMember {
  id: string;
  name: string;
  teamName: string | null;
  /** Their latest activity of the kinds above, ever (before now); null if none. */
  lastHeardAt: Date | null;
}

export interface QuietPage {
  items: QuietMember[];
  /** All members not heard from, whatever the page. */
  total: number;
  nextCursor: string | null;
}

const cursorKey = z.tuple([z.iso.datetime().nullable(), z.string().max(200), idSchema]);

/**
 * ACTIVE members who joined more than 90 days before `now` and have not been heard from in
 * the 90 days before it, ordered by lastHeardAt (never first), then name and id; keyset
 * paginated on that order. `limit: null` gives them all (the CSV). A malformed cursor throws
 * InvalidCursor.
 */
export async function notHeardFrom(
  client: SqlClient,
  options: {
    now?: Date;
    limit?: number | null;
    cursor?: string | null;
    source?: ActivitySource;
  } = {},
): Promise<QuietPage> {
  const now = options.now ?? new Date();
  const limit =
    options.limit === null
      ? null
      : Math.min(Math.max(Math.trunc(options.limit ?? NOT_HEARD_PAGE_SIZE) || 1, 1), 500);
  const since = ts(new Date(now.getTime() - NOT_HEARD_DAYS * DAY_MS));
  const after = options.cursor ? decodeCursorOrThrow(options.cursor, cursorKey) : null;
  let afterSql = Prisma.empty;
  if (after) {
    const [heard, name, id] = after;
    afterSql =
      heard === null
        ? Prisma.sql`WHERE (q."lastHeardAt" IS NOT NULL OR (q."name", q."id") > (${name}, ${id}))`
        : Prisma.sql`WHERE q."lastHeardAt" IS NOT NULL
            AND (q."lastHeardAt", q."name", q."id") > (${ts(new Date(heard))}, ${name}, ${id})`;
  }
  const rows = await client.$queryRaw<
    {
      total: number;
      id: string | null;
      name: string | null;
      teamName: string | null;
      lastHeardAt: Date | null;
    }[]
  >`
    WITH activity AS (${lastHeardSql(now, options.source ?? LIVE)}),
    heard AS (
      SELECT u."id", u."name", t."name" AS "teamName", MAX(a."at") AS "lastHeardAt"
      FROM "User" u
      LEFT JOIN "Team" t ON t."id" = u."teamId"
      LEFT JOIN activity a ON a."uid" = u."id"
      WHERE u."status" = 'ACTIVE' AND u."createdAt" < ${since}
      GROUP BY u."id", u."name", t."name"
    ),
    quiet AS (
      SELECT * FROM heard WHERE "lastHeardAt" IS NULL OR "lastHeardAt" < ${since}
    )
    SELECT c."total", q."id", q."name", q."teamName", q."lastHeardAt"
    FROM (SELECT COUNT(*)::int AS "total" FROM quiet) c
    LEFT JOIN LATERAL (
      SELECT * FROM quiet q ${afterSql}
      ORDER BY q."lastHeardAt" ASC NULLS FIRST, q."name" ASC, q."id" ASC
      ${limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit + 1}`}
    ) q ON TRUE`;
  const total = rows[0]?.total ?? 0;
  const members = rows
    .filter((row) => row.id !== null)
    .map((row) => ({
      id: row.id!,
      name: row.name!,
      teamName: row.teamName,
      lastHeardAt: row.lastHeardAt,
    }));
  const items = limit === null ? members : members.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor =
    limit !== null && members.length > limit && last
      ? encodeCursor([last.lastHeardAt?.toISOString() ?? null, last.name, last.id])
      : null;
  return { items, total, nextCursor };
}
