import "server-only";
import { z } from "zod";
import { db } from "@/lib/core/db/client";
import { rows, sql, sqlb, type DB } from "@/lib/core/db/typed-sql";
import type { ExpressionBuilder } from "kysely";
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

type WithMember = ExpressionBuilder<DB & { u: DB["User"] }, "u">;

/** Active members, with the skill and team filters. */
function filterOf(query: DirectoryQuery, eb: WithMember) {
  const skill = (kind: "OFFERED" | "WANTED", slug: string) =>
    eb.exists(
      eb
        .selectFrom("MemberSkill as ms")
        .innerJoin("Skill as s", "s.id", "ms.skillId")
        .select(sql<number>`1`.as("one"))
        .where((w) =>
          w.and([
            w("ms.userId", "=", w.ref("u.id")),
            w("ms.kind", "=", sql<typeof kind>`${kind}::"SkillKind"`),
            w("s.slug", "=", slug),
          ]),
        ),
    );
  return eb.and([
    eb("u.status", "=", sql<"ACTIVE">`'ACTIVE'`),
    ...(query.offered ? [skill("OFFERED", query.offered)] : []),
    ...(query.wanted ? [skill("WANTED", query.wanted)] : []),
    ...(query.team
      ? [
          eb.exists(
            eb
              .selectFrom("Team as t")
              .select(sql<number>`1`.as("one"))
              .where((w) =>
                w.and([w("t.id", "=", w.ref("u.teamId")), w("t.slug", "=", query.team!)]),
              ),
          ),
        ]
      : []),
  ]);
}

function browseIds(query: Extract<DirectoryQuery, { mode: "browse" }>, take: number) {
  const after = query.after;
  return rows(
    db,
    sqlb
      .selectFrom("User as u")
      .select(["u.id", "u.name", sql<string>`'0'`.as("rank")])
      .where((eb) =>
        after
          ? eb.and([
              filterOf(query, eb),
              sql<boolean>`(${eb.ref("u.name")}, ${eb.ref("u.id")}) > (${after[0]}, ${after[1]})`,
            ])
          : filterOf(query, eb),
      )
      .orderBy("u.name")
      .orderBy("u.id")
      .limit(take),
  );
}

function searchIds(query: Extract<DirectoryQuery, { mode: "search" }>, take: number) {
  // "searchVector" is Unsupported("tsvector") in the schema: not typed (decision 015).
  const searchVector = sql.ref("u.searchVector");
  const ranked = sqlb
    .selectFrom([
      "User as u",
      sql<{ query: unknown }>`to_tsquery('simple', ${query.tsquery})`.as<"q">(sql`q(query)`),
    ])
    .select((eb) => [
      "u.id",
      "u.name",
      sql<string>`round(ts_rank(${searchVector}, ${eb.ref("q.query")})::numeric, 6)`.as("rank"),
    ])
    .where((eb) =>
      eb.and([filterOf(query, eb), sql<boolean>`${searchVector} @@ ${eb.ref("q.query")}`]),
    );
  const after = query.after;
  return rows(
    db,
    sqlb
      .selectFrom(ranked.as("ranked"))
      .select((eb) => ["id", "name", sql<string>`${eb.ref("rank")}::text`.as("rank")])
      .$if(after !== null, (q) =>
        q.where((eb) =>
          eb.or([
            sql<boolean>`${eb.ref("rank")} < ${after![0]}::numeric`,
            sql<boolean>`(${eb.ref("rank")} = ${after![0]}::numeric AND (${eb.ref("name")}, ${eb.ref("id")}) > (${after![1]}, ${after![2]}))`,
          ]),
        ),
      )
      .orderBy("rank", "desc")
      .orderBy("name")
      .orderBy("id")
      .limit(take),
  );
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
