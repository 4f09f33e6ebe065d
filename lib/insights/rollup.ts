// The roll-up of members' activity. Counting every event for a period means
// scanning hundreds of thousands of rows; the roll-up keeps one row per member with the days
// they were active, contributed or were recognised, and running counts, so that a period's
// figures read one row per member. The app rebuilds it (refreshRollupIfStale) after a page has
// found it ROLLUP_MAX_AGE_MS old. While it is younger, figures count activity up to when it was
// built (the page says when); once older, what happened since is read live on top of it until
// the rebuild lands, so figures are never more than ROLLUP_MAX_AGE_MS behind.
//
// A member's count over the days [first, last] is the running total at the last listed day up
// to `last` minus the one at the last listed day before `first`; width_bucket finds both by
// binary search, so nothing is unnested or expanded per day.
import "server-only";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { Prisma } from "@/lib/generated/prisma/client";
import { activityEvents } from "./activity";
import type { Period, Periods } from "./period";
import { rows, sql, sqlb } from "@/lib/core/db/typed-sql";
import { ts, type SqlClient } from "./sql";

const DAY_MS = 86_400_000;
/** How old the roll-up may be before a page rebuilds it (and counts live on top until then). */
export const ROLLUP_MAX_AGE_MS = 15 * 60_000;
const LOCK_NAME = "insights:activity-rollup";
const LOCK = Prisma.raw(`hashtext('${LOCK_NAME}')`);
/** Before every event (the roll-up covers all history, for "last heard from"). */
const EVER = Prisma.sql`CAST('-infinity' AS timestamp)`;

/** Where the insights read members' activity from. */
export interface ActivitySource {
  /** The roll-up holds the events before this instant; null: every event is read live. */
  rolledUntil: Date | null;
  /** Whether events after rolledUntil are read live (false: figures stop at rolledUntil). */
  live: boolean;
}

export const LIVE: ActivitySource = { rolledUntil: null, live: true };

export type RollupState = Awaited<ReturnType<typeof readRollup>>;

export async function readRollup(client: SqlClient) {
  const [state] = await rows(
    client,
    sqlb.selectFrom("ActivityRollup").select(["rolledUntil", "refreshedAt"]).where("id", "=", 1),
  );
  return state ?? null;
}

/** Missing, or built ROLLUP_MAX_AGE_MS or longer ago. */
export function rollupIsStale(state: RollupState | null, now: Date): boolean {
  return !state || now.getTime() - state.refreshedAt.getTime() >= ROLLUP_MAX_AGE_MS;
}

/**
 * The source for figures as of `now`: the roll-up if it has one that ends by then, alone while
 * it is fresh, with the events since read live once it is stale.
 */
export function sourceOf(state: RollupState | null, now: Date): ActivitySource {
  return state && state.rolledUntil.getTime() <= now.getTime()
    ? { rolledUntil: state.rolledUntil, live: rollupIsStale(state, now) }
    : LIVE;
}

export interface RollupStatus {
  /** What the figures should read now. */
  source: ActivitySource;
  /** When the roll-up was last rebuilt; null if never. */
  refreshedAt: Date | null;
  /** Whether it should be rebuilt (after the response: see refreshRollupIfStale). */
  stale: boolean;
}

/** Every event read live, nothing to rebuild (for callers that pass no status). */
export const LIVE_STATUS: RollupStatus = { source: LIVE, refreshedAt: null, stale: false };

export async function rollupStatus(client: SqlClient, now: Date): Promise<RollupStatus> {
  const state = await readRollup(client);
  return {
    source: sourceOf(state, now),
    refreshedAt: state?.refreshedAt ?? null,
    stale: rollupIsStale(state, now),
  };
}

/**
 * Rebuilds the roll-up inside `tx` with every event before `now`, as the data stands. Takes
 * the roll-up's lock, so that two rebuilds never interleave.
 */
export async function rebuildRollup(tx: TransactionClient, now: Date): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(${LOCK})::text`;
  await tx.$executeRaw`DELETE FROM "MemberActivity"`;
  await tx.$executeRaw`
    INSERT INTO "MemberActivity" ("userId", "activeDays", "contributionDays",
      "contributionTotals", "receivedDays", "receivedTotals", "lastHeardAt")
    WITH daily AS (
      SELECT e."uid", CAST(e."at" AS date) AS "day", SUM(e."c") AS "c", SUM(e."o") AS "o",
             SUM(e."r") AS "r", MAX(e."at") FILTER (WHERE e."heard") AS "heard"
      FROM (${activityEvents({ lo: EVER, hi: ts(now) }, now)}) e
      GROUP BY e."uid", CAST(e."at" AS date)
    ),
    running AS (
      SELECT d.*, SUM(d."c") OVER w AS "runningC", SUM(d."r") OVER w AS "runningR"
      FROM daily d
      WINDOW w AS (PARTITION BY d."uid" ORDER BY d."day")
    )
    SELECT "uid",
      COALESCE(array_agg("day" ORDER BY "day") FILTER (WHERE "c" + "o" > 0), '{}'),
      COALESCE(array_agg("day" ORDER BY "day") FILTER (WHERE "c" > 0), '{}'),
      COALESCE(array_agg(CAST("runningC" AS int) ORDER BY "day") FILTER (WHERE "c" > 0), '{}'),
      COALESCE(array_agg("day" ORDER BY "day") FILTER (WHERE "r" > 0), '{}'),
      COALESCE(array_agg(CAST("runningR" AS int) ORDER BY "day") FILTER (WHERE "r" > 0), '{}'),
      MAX("heard")
    FROM running
    GROUP BY "uid"`;
  await tx.$executeRaw`
    INSERT INTO "ActivityRollup" ("id", "rolledUntil", "refreshedAt")
    VALUES (1, ${ts(now)}, ${ts(now)})
    ON CONFLICT ("id") DO UPDATE
      SET "rolledUntil" = EXCLUDED."rolledUntil", "refreshedAt" = EXCLUDED."refreshedAt"`;
}

/**
 * Rebuilds the roll-up if it is stale and no one else is rebuilding it; true if it did. Meant
 * to run after a response (next/server's after()), never while a reader waits.
 */
export async function refreshRollupIfStale(now = new Date()): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      const [lock] = await rows(
        tx,
        sqlb.selectNoFrom(
          sql<boolean>`pg_try_advisory_xact_lock(hashtext(${sql.lit(LOCK_NAME)}))`.as("locked"),
        ),
      );
      if (!lock?.locked || !rollupIsStale(await readRollup(tx), now)) return false;
      await rebuildRollup(tx, now);
      return true;
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
}

const isMidnight = (instant: Date) => instant.getTime() % DAY_MS === 0;

/**
 * Where the roll-up ends for these periods, or null if it cannot be used for them: it counts
 * whole days, so the periods must start and end at midnight (UTC), as the period form's do.
 */
function rolledBoundary(periods: Periods, source: ActivitySource): Date | null {
  const until = source.rolledUntil;
  if (!until) return null;
  const bounds = [periods.current, periods.previous].flatMap((p) => [p.from, p.to]);
  return bounds.every(isMidnight) ? until : null;
}

/** The part of a period the roll-up holds, as days: after `before`, up to `last`. */
interface RolledPiece {
  key: string;
  /** The day before the first day ("YYYY-MM-DD"). */
  before: string;
  last: string;
}

const dayOf = (instant: Date) => instant.toISOString().slice(0, 10);

/** [from, min(to, until)) as days; null if empty. The last day may be until's own, in part. */
function rolledPiece(key: string, period: Period, until: Date): RolledPiece | null {
  const end = Math.min(period.to.getTime(), until.getTime());
  if (end <= period.from.getTime()) return null;
  return {
    key,
    before: dayOf(new Date(period.from.getTime() - DAY_MS)),
    last: dayOf(new Date(end - 1)),
  };
}

/** The running total in `totals` at the last of `days` up to `day` (0 if none). */
function totalAt(days: string, totals: string, day: "before" | "last"): string {
  return `COALESCE(x."${totals}"[width_bucket(pm."${day}", x."${days}")], 0)`;
}

function countWithin(days: string, totals: string): Prisma.Sql {
  return Prisma.raw(`${totalAt(days, totals, "last")} - ${totalAt(days, totals, "before")}`);
}

function rolledRows(pieces: RolledPiece[]): Prisma.Sql {
  const values = pieces.map(
    (p) => Prisma.sql`(${p.key}, CAST(${p.before} AS date), CAST(${p.last} AS date))`,
  );
  return Prisma.sql`
    SELECT pm."key", x."userId" AS "uid",
           width_bucket(pm."last", x."activeDays") > width_bucket(pm."before", x."activeDays")
             AS "active",
           ${countWithin("contributionDays", "contributionTotals")} AS "contributions",
           ${countWithin("receivedDays", "receivedTotals")} AS "received"
    FROM (VALUES ${Prisma.join(values)}) pm("key", "before", "last")
    CROSS JOIN "MemberActivity" x`;
}

function liveRows(ranges: { key: string; from: Date; to: Date }[], now: Date): Prisma.Sql {
  const lo = new Date(Math.min(...ranges.map((r) => r.from.getTime())));
  const hi = new Date(Math.max(...ranges.map((r) => r.to.getTime())));
  const cases = ranges.map(
    (r) => Prisma.sql`WHEN e."at" >= ${ts(r.from)} AND e."at" < ${ts(r.to)} THEN ${r.key}`,
  );
  return Prisma.sql`
    SELECT k."key", e."uid", e."c" + e."o" > 0 AS "active", e."c" AS "contributions",
           e."r" AS "received"
    FROM (${activityEvents({ lo: ts(lo), hi: ts(hi) }, now)}) e
    CROSS JOIN LATERAL (SELECT CASE ${Prisma.join(cases, " ")} END AS "key") k
    WHERE k."key" IS NOT NULL`;
}

/**
 * Rows ("key", "uid", "active", "contributions", "received"): per period ("current",
 * "previous") and member with any activity there, whether they were active (see
 * activity.ts), how many contributions they made and how many recognitions they received.
 * Some rows have all three empty. Read from the roll-up where `source` allows, live after it.
 */
export function memberPeriodsSql(periods: Periods, now: Date, source: ActivitySource): Prisma.Sql {
  const until = rolledBoundary(periods, source);
  const named = [
    { key: "current", period: periods.current },
    { key: "previous", period: periods.previous },
  ];
  const pieces = until
    ? named.flatMap(({ key, period }) => rolledPiece(key, period, until) ?? [])
    : [];
  const ranges = named
    .map(({ key, period }) => ({
      key,
      from: until && until > period.from ? until : period.from,
      to: period.to,
    }))
    .filter((range) => range.from < range.to && (!until || source.live));
  const rolled = pieces.length > 0 ? rolledRows(pieces) : null;
  const live = ranges.length > 0 ? liveRows(ranges, now) : null;
  // The roll-up alone has one row per period and member already.
  if (rolled && !live) return rolled;
  const rows =
    rolled && live
      ? Prisma.sql`${rolled} UNION ALL ${live}`
      : (live ?? Prisma.sql`SELECT NULL::text, NULL::text, FALSE, 0, 0 WHERE FALSE`);
  return Prisma.sql`
    SELECT s."key", s."uid", bool_or(s."active") AS "active",
           CAST(SUM(s."contributions") AS int) AS "contributions",
           CAST(SUM(s."received") AS int) AS "received"
    FROM (${rows}) s ("key", "uid", "active", "contributions", "received")
    GROUP BY s."key", s."uid"`;
}

/**
 * Rows ("uid", "at"): members' latest "heard from" activity before `now`, one row or more per
 * member heard from at all. From the roll-up where `source` allows, live after it if it says.
 */
export function lastHeardSql(now: Date, source: ActivitySource): Prisma.Sql {
  const until = source.rolledUntil && source.rolledUntil <= now ? source.rolledUntil : null;
  const live = Prisma.sql`
    SELECT e."uid", MAX(e."at") AS "at"
    FROM (${activityEvents({ lo: until ? ts(until) : EVER, hi: ts(now) }, now)}) e
    WHERE e."heard"
    GROUP BY e."uid"`;
  if (!until) return live;
  const rolled = Prisma.sql`
    SELECT x."userId" AS "uid", x."lastHeardAt" AS "at"
    FROM "MemberActivity" x WHERE x."lastHeardAt" IS NOT NULL`;
  return source.live ? Prisma.sql`${rolled} UNION ALL ${live}` : rolled;
}
