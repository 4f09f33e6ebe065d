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
import { rows as run, sql, sqlb } from "@/lib/core/db/typed-sql";
import { decodeCursorOrThrow, encodeCursor } from "@/lib/core/pagination/cursor";
import { lastHeard, LIVE, type ActivitySource } from "./rollup";
import { utcTimestamp, type SqlClient } from "./sql";

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
  const since = utcTimestamp(new Date(now.getTime() - NOT_HEARD_DAYS * DAY_MS));
  const after = options.cursor ? decodeCursorOrThrow(options.cursor, cursorKey) : null;
  const query = sqlb
    .with("activity", () => lastHeard(now, options.source ?? LIVE))
    .with("heard", (w) =>
      w
        .selectFrom("User as u")
        .leftJoin("Team as t", "t.id", "u.teamId")
        .leftJoin("activity as a", "a.uid", "u.id")
        .select((eb) => [
          "u.id",
          "u.name",
          "t.name as teamName",
          sql<Date | null>`MAX(${eb.ref("a.at")})`.as("lastHeardAt"),
        ])
        .where((eb) =>
          eb.and([eb("u.status", "=", sql<"ACTIVE">`'ACTIVE'`), eb("u.createdAt", "<", since)]),
        )
        .groupBy(["u.id", "u.name", "t.name"]),
    )
    .with("quiet", (w) =>
      w
        .selectFrom("heard")
        .selectAll()
        .where((eb) => eb.or([eb("lastHeardAt", "is", null), eb("lastHeardAt", "<", since)])),
    )
    .selectFrom((eb) =>
      eb
        .selectFrom("quiet")
        .select(sql<number>`COUNT(*)::int`.as("total"))
        .as("c"),
    )
    .leftJoinLateral(
      (eb) => {
        let page = eb.selectFrom("quiet as q").selectAll("q");
        if (after) {
          const [heard, name, id] = after;
          page = page.where((w) =>
            heard === null
              ? w.or([
                  w("q.lastHeardAt", "is not", null),
                  sql<boolean>`(${w.ref("q.name")}, ${w.ref("q.id")}) > (${name}, ${id})`,
                ])
              : w.and([
                  w("q.lastHeardAt", "is not", null),
                  sql<boolean>`(${w.ref("q.lastHeardAt")}, ${w.ref("q.name")}, ${w.ref("q.id")}) > (${utcTimestamp(new Date(heard))}, ${name}, ${id})`,
                ]),
          );
        }
        page = page
          .orderBy("q.lastHeardAt", (ob) => ob.asc().nullsFirst())
          .orderBy("q.name", "asc")
          .orderBy("q.id", "asc");
        return (limit === null ? page : page.limit(limit + 1)).as("q");
      },
      (join) => join.onTrue(),
    )
    .select(["c.total", "q.id", "q.name", "q.teamName", "q.lastHeardAt"]);
  const rows = await run(client, query);
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
