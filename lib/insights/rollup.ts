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
import { rows, sql, sqlb, type DB } from "@/lib/core/db/typed-sql";
import type { Compilable, Expression, ExpressionBuilder } from "kysely";
import { utcTimestamp, type SqlClient } from "./sql";

const DAY_MS = 86_400_000;
/** How old the roll-up may be before a page rebuilds it (and counts live on top until then). */
export const ROLLUP_MAX_AGE_MS = 15 * 60_000;
const LOCK_NAME = "insights:activity-rollup";
const LOCK = Prisma.raw(`hashtext('${LOCK_NAME}')`);
/** Before every event (the roll-up covers all history, for "last heard from"). */
const EVER = sql<Date>`CAST('-infinity' AS timestamp)`;

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

/** Runs a statement built with `sqlb` that returns no rows, through `tx`. */
function execute(tx: TransactionClient, query: Compilable<unknown>) {
  const compiled = query.compile();
  return tx.$executeRawUnsafe(compiled.sql, ...compiled.parameters);
}

/**
 * Rebuilds the roll-up inside `tx` with every event before `now`, as the data stands. Takes
 * the roll-up's lock, so that two rebuilds never interleave.
 */
export async function rebuildRollup(tx: TransactionClient, now: Date): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(${LOCK})::text`;
  await tx.$executeRaw`DELETE FROM "MemberActivity"`;
  const rollup = sqlb
    .with("daily", (w) =>
      w
        .selectFrom(activityEvents({ lo: EVER, hi: utcTimestamp(now) }, now).as("e"))
        .select((eb) => [
          "e.uid",
          sql<Date>`CAST(${eb.ref("e.at")} AS date)`.as("day"),
          sql<number>`SUM(${eb.ref("e.c")})`.as("c"),
          sql<number>`SUM(${eb.ref("e.o")})`.as("o"),
          sql<number>`SUM(${eb.ref("e.r")})`.as("r"),
          sql<Date | null>`MAX(${eb.ref("e.at")}) FILTER (WHERE ${eb.ref("e.heard")})`.as("heard"),
        ])
        .groupBy((eb) => ["e.uid", sql`CAST(${eb.ref("e.at")} AS date)`]),
    )
    .with("running", (w) =>
      w
        .selectFrom("daily as d")
        .selectAll("d")
        .select((eb) => [
          sql<number>`SUM(${eb.ref("d.c")}) OVER (PARTITION BY ${eb.ref("d.uid")} ORDER BY ${eb.ref("d.day")})`.as(
            "runningC",
          ),
          sql<number>`SUM(${eb.ref("d.r")}) OVER (PARTITION BY ${eb.ref("d.uid")} ORDER BY ${eb.ref("d.day")})`.as(
            "runningR",
          ),
        ]),
    )
    .selectFrom("running as x")
    .select((eb) => {
      const days = (filter: Expression<boolean>) =>
        sql<
          Date[]
        >`COALESCE(array_agg(${eb.ref("x.day")} ORDER BY ${eb.ref("x.day")}) FILTER (WHERE ${filter}), '{}')`;
      const totals = (running: Expression<number>, filter: Expression<boolean>) =>
        sql<
          number[]
        >`COALESCE(array_agg(CAST(${running} AS int) ORDER BY ${eb.ref("x.day")}) FILTER (WHERE ${filter}), '{}')`;
      const contributed = sql<boolean>`${eb.ref("x.c")} > 0`;
      const received = sql<boolean>`${eb.ref("x.r")} > 0`;
      return [
        "x.uid",
        days(sql<boolean>`${eb.ref("x.c")} + ${eb.ref("x.o")} > 0`).as("activeDays"),
        days(contributed).as("contributionDays"),
        totals(eb.ref("x.runningC"), contributed).as("contributionTotals"),
        days(received).as("receivedDays"),
        totals(eb.ref("x.runningR"), received).as("receivedTotals"),
        sql<Date | null>`MAX(${eb.ref("x.heard")})`.as("lastHeardAt"),
      ];
    })
    .groupBy("x.uid");
  await execute(
    tx,
    sqlb
      .insertInto("MemberActivity")
      .columns([
        "userId",
        "activeDays",
        "contributionDays",
        "contributionTotals",
        "receivedDays",
        "receivedTotals",
        "lastHeardAt",
      ])
      .expression(rollup),
  );
  await execute(
    tx,
    sqlb
      .insertInto("ActivityRollup")
      .values({ id: 1, rolledUntil: utcTimestamp(now), refreshedAt: utcTimestamp(now) })
      .onConflict((oc) =>
        oc.column("id").doUpdateSet((eb) => ({
          rolledUntil: eb.ref("excluded.rolledUntil"),
          refreshedAt: eb.ref("excluded.refreshedAt"),
        })),
      ),
  );
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

type Rolled = ExpressionBuilder<
  DB & {
    x: DB["MemberActivity"];
    pm: { key: string; before: Date; last: Date };
  },
  "x" | "pm"
>;

/** The running total at the last of the days up to the piece's `day` (0 if none). */
function totalAt(
  eb: Rolled,
  days: "x.contributionDays" | "x.receivedDays",
  totals: "x.contributionTotals" | "x.receivedTotals",
  day: "pm.before" | "pm.last",
) {
  return sql<number>`COALESCE(${eb.ref(totals)}[width_bucket(${eb.ref(day)}, ${eb.ref(days)})], 0)`;
}

function countWithin(
  eb: Rolled,
  days: "x.contributionDays" | "x.receivedDays",
  totals: "x.contributionTotals" | "x.receivedTotals",
) {
  return sql<number>`${totalAt(eb, days, totals, "pm.last")} - ${totalAt(eb, days, totals, "pm.before")}`;
}

function rolledRows(pieces: RolledPiece[]) {
  const values = pieces.map(
    (p) => sql`(${p.key}, CAST(${p.before} AS date), CAST(${p.last} AS date))`,
  );
  return sqlb
    .selectFrom(
      sql<{ key: string; before: Date; last: Date }>`(VALUES ${sql.join(values)})`.as<"pm">(
        sql`pm("key", "before", "last")`,
      ),
    )
    .crossJoin("MemberActivity as x")
    .select((eb) => [
      "pm.key",
      "x.userId as uid",
      sql<boolean>`width_bucket(${eb.ref("pm.last")}, ${eb.ref("x.activeDays")}) > width_bucket(${eb.ref("pm.before")}, ${eb.ref("x.activeDays")})`.as(
        "active",
      ),
      countWithin(eb, "x.contributionDays", "x.contributionTotals").as("contributions"),
      countWithin(eb, "x.receivedDays", "x.receivedTotals").as("received"),
    ]);
}

function liveRows(ranges: { key: string; from: Date; to: Date }[], now: Date) {
  const lo = new Date(Math.min(...ranges.map((r) => r.from.getTime())));
  const hi = new Date(Math.max(...ranges.map((r) => r.to.getTime())));
  return sqlb
    .selectFrom(activityEvents({ lo: utcTimestamp(lo), hi: utcTimestamp(hi) }, now).as("e"))
    .crossJoinLateral((l) => {
      const at = l.ref("e.at");
      const cases = ranges.map(
        (r) =>
          sql`WHEN ${at} >= ${utcTimestamp(r.from)} AND ${at} < ${utcTimestamp(r.to)} THEN ${r.key}`,
      );
      return sqlb
        .selectNoFrom(sql<string | null>`CASE ${sql.join(cases, sql` `)} END`.as("key"))
        .as("k");
    })
    .select((eb) => [
      sql<string>`${eb.ref("k.key")}`.as("key"),
      "e.uid",
      sql<boolean>`${eb.ref("e.c")} + ${eb.ref("e.o")} > 0`.as("active"),
      "e.c as contributions",
      "e.r as received",
    ])
    .where("k.key", "is not", null);
}

/** memberPeriods' rows. */
export interface MemberPeriodRow {
  key: string;
  uid: string;
  active: boolean;
  contributions: number;
  received: number;
}

/**
 * Rows ("key", "uid", "active", "contributions", "received"): per period ("current",
 * "previous") and member with any activity there, whether they were active (see
 * activity.ts), how many contributions they made and how many recognitions they received.
 * Some rows have all three empty. Read from the roll-up where `source` allows, live after it.
 */
export function memberPeriods(
  periods: Periods,
  now: Date,
  source: ActivitySource,
): Expression<MemberPeriodRow> {
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
  const rows: Expression<MemberPeriodRow> =
    rolled && live
      ? rolled.unionAll(live)
      : (live ?? sql<MemberPeriodRow>`(SELECT NULL::text, NULL::text, FALSE, 0, 0 WHERE FALSE)`);
  return sqlb
    .selectFrom(
      sql<MemberPeriodRow>`${rows}`.as<"s">(
        sql`s ("key", "uid", "active", "contributions", "received")`,
      ),
    )
    .select((eb) => [
      "s.key",
      "s.uid",
      sql<boolean>`bool_or(${eb.ref("s.active")})`.as("active"),
      sql<number>`CAST(SUM(${eb.ref("s.contributions")}) AS int)`.as("contributions"),
      sql<number>`CAST(SUM(${eb.ref("s.received")}) AS int)`.as("received"),
    ])
    .groupBy(["s.key", "s.uid"]);
}

/**
 * Rows ("uid", "at"): members' latest "heard from" activity before `now`, one row or more per
 * member heard from at all. From the roll-up where `source` allows, live after it if it says.
 */
export function lastHeard(
  now: Date,
  source: ActivitySource,
): Expression<{ uid: string; at: Date }> {
  const until = source.rolledUntil && source.rolledUntil <= now ? source.rolledUntil : null;
  const live = sqlb
    .selectFrom(
      activityEvents({ lo: until ? utcTimestamp(until) : EVER, hi: utcTimestamp(now) }, now).as(
        "e",
      ),
    )
    .select((eb) => ["e.uid", sql<Date>`MAX(${eb.ref("e.at")})`.as("at")])
    .where((eb) => eb.ref("e.heard"))
    .groupBy("e.uid");
  if (!until) return live;
  const rolled = sqlb
    .selectFrom("MemberActivity as x")
    .select((eb) => ["x.userId as uid", sql<Date>`${eb.ref("x.lastHeardAt")}`.as("at")])
    .where("x.lastHeardAt", "is not", null);
  return source.live ? rolled.unionAll(live) : rolled;
}
