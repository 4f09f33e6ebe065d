import "server-only";
import { z } from "zod";
import { db } from "@/lib/core/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, DEFAULT_PAGE_SIZE, toPage, type Page } from "@/lib/core/pagination/cursor";
import { directoryParamsSchema, type DirectoryParams } from "./schemas";
import { prefixTsQuery } from "@/lib/core/search-query";
import { memberCardSelect, toMemberCard, type MemberCard } from "./member-card";

type SearchParams = Record<string, string | string[] | undefined>;

/** The directory's URL as filters; null when something in it is malformed (→ 404). */
export function parseDirectoryParams(searchParams: SearchParams): DirectoryParams | null {
  const firstNonEmpty: Record<string, string> = {};
  for (const [key, value] of Object.entries(searchParams)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first) firstNonEmpty[key] = first;
  }
  const parsed = directoryParamsSchema.safeParse(firstNonEmpty);
  return parsed.success ? parsed.data : null;
}

// Browsing sorts by (name, id); searching by (rank desc, name, id). The cursor is the last
// row's key. Ranks are rounded numerics (as text) so they compare exactly across requests.
const browseKey = z.tuple([z.string(), z.string()]);
const searchKey = z.tuple([z.string().regex(/^\d+(\.\d+)?$/), z.string(), z.string()]);

export type DirectoryQuery = Omit<DirectoryParams, "q" | "cursor"> &
  (
    | { mode: "browse"; after: z.infer<typeof browseKey> | null }
    | { mode: "search"; tsquery: string; after: z.infer<typeof searchKey> | null }
  );

/** Null when the cursor is malformed or belongs to the other mode. */
export function toDirectoryQuery({
  q,
  cursor,
  ...filters
}: DirectoryParams): DirectoryQuery | null {
  const tsquery = prefixTsQuery(q);
  if (tsquery) {
    const after = cursor ? decodeCursor(cursor, searchKey) : null;
    return cursor && !after ? null : { ...filters, mode: "search", tsquery, after };
  }
  const after = cursor ? decodeCursor(cursor, browseKey) : null;
  return cursor && !after ? null : { ...filters, mode: "browse", after };
}

function filterSql(query: DirectoryQuery): Prisma.Sql {
  const skill = (kind: "OFFERED" | "WANTED", slug: string) => Prisma.sql`
    AND EXISTS (SELECT 1 FROM "MemberSkill" ms JOIN "Skill" s ON s."id" = ms."skillId"
                WHERE ms."userId" = u."id" AND ms."kind" = ${kind}::"SkillKind" AND s."slug" = ${slug})`;
  return Prisma.join(
    [
      Prisma.sql`u."status" = 'ACTIVE'`,
      query.offered ? skill("OFFERED", query.offered) : Prisma.empty,
      query.wanted ? skill("WANTED", query.wanted) : Prisma.empty,
      query.team
        ? Prisma.sql`AND EXISTS (SELECT 1 FROM "Team" t WHERE t."id" = u."teamId" AND t."slug" = ${query.team})`
        : Prisma.empty,
    ],
    " ",
  );
}

interface Row {
  id: string;
  name: string;
  rank: string;
}

function browseIds(
  query: Extract<DirectoryQuery, { mode: "browse" }>,
  take: number,
): Promise<Row[]> {
  const after = query.after
    ? Prisma.sql`AND (u."name", u."id") > (${query.after[0]}, ${query.after[1]})`
    : Prisma.empty;
  return db.$queryRaw<Row[]>`
    SELECT u."id", u."name", '0' AS "rank" FROM "User" u
    WHERE ${filterSql(query)} ${after}
    ORDER BY u."name", u."id"
    LIMIT ${take}`;
}

function searchIds(
  query: Extract<DirectoryQuery, { mode: "search" }>,
  take: number,
): Promise<Row[]> {
  const after = query.after
    ? Prisma.sql`WHERE "rank" < ${query.after[0]}::numeric
        OR ("rank" = ${query.after[0]}::numeric AND ("name", "id") > (${query.after[1]}, ${query.after[2]}))`
    : Prisma.empty;
  return db.$queryRaw<Row[]>`
    SELECT "id", "name", "rank"::text AS "rank" FROM (
      SELECT u."id", u."name", round(ts_rank(u."searchVector", q.query)::numeric, 6) AS "rank"
      FROM "User" u, to_tsquery('simple', ${query.tsquery}) AS q(query)
      WHERE ${filterSql(query)} AND u."searchVector" @@ q.query
    ) ranked
    ${after}
    ORDER BY "rank" DESC, "name", "id"
    LIMIT ${take}`;
}

/** One page of active members matching the directory's search and filters. */
export async function findMembers(
  query: DirectoryQuery,
  pageSize = DEFAULT_PAGE_SIZE,
): Promise<Page<MemberCard>> {
  const rows =
    query.mode === "search"
      ? await searchIds(query, pageSize + 1)
      : await browseIds(query, pageSize + 1);
  const page = toPage(rows, pageSize, (row) =>
    query.mode === "search" ? [row.rank, row.name, row.id] : [row.name, row.id],
  );
  const members = await db.user.findMany({
    where: { id: { in: page.items.map((row) => row.id) } },
    select: memberCardSelect,
  });
  const byId = new Map(members.map((member) => [member.id, toMemberCard(member)]));
  return {
    nextCursor: page.nextCursor,
    items: page.items.flatMap((row) => byId.get(row.id) ?? []),
  };
}
