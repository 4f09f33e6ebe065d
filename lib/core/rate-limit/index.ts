// Fixed-window counters kept in PostgreSQL, so a limit holds across every app instance.
// Window arithmetic happens in SQL against the database clock, never the app's.
import type { Database, TransactionClient } from "@/lib/core/db/create-client";
import type { Expression } from "kysely";
import { rows as run, sql, sqlb } from "@/lib/core/db/typed-sql";

/**
 * The longest window a rule may have. A bucket nobody has hit for this long has expired
 * whatever its rule, so it can be deleted without knowing which rule made it.
 */
export const MAX_WINDOW_SECONDS = 60 * 60;
/** At most this many expired buckets are deleted per hit, so a hit stays cheap. */
const SWEEP_BATCH = 100;

export interface RateLimitRule {
  /** Bucket name, e.g. `signin:ip:10.0.0.1`. */
  key: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitState {
  /** Hits counted in the current window. */
  count: number;
  /** True when the limit is used up: the next attempt must be refused. */
  limited: boolean;
  retryAfterSeconds: number;
}

type Client = Database | TransactionClient;

interface BucketRow {
  count: number;
  secondsLeft: number;
}

/** Seconds until a window that started at `windowStart` ends, by the database clock. */
function secondsLeft(windowStart: Expression<Date>, windowSeconds: number) {
  return sql<number>`EXTRACT(EPOCH FROM (${windowStart} + make_interval(secs => ${windowSeconds}) - now()))::float8`;
}

/** The start of a window of this length that would end now. */
function windowCutoff(windowSeconds: number) {
  return sql<Date>`now() - make_interval(secs => ${windowSeconds})`;
}

function stateOf(row: BucketRow | undefined, rule: RateLimitRule): RateLimitState {
  if (!row || row.secondsLeft <= 0) return { count: 0, limited: false, retryAfterSeconds: 0 };
  return {
    count: row.count,
    limited: row.count >= rule.limit,
    // "windowStart" is stored to the millisecond, so it can round up past now().
    retryAfterSeconds: Math.min(Math.ceil(row.secondsLeft), rule.windowSeconds),
  };
}

function checkRule(rule: RateLimitRule) {
  if (rule.windowSeconds > MAX_WINDOW_SECONDS)
    throw new Error(`Rate-limit windows are at most ${MAX_WINDOW_SECONDS} s (${rule.key})`);
}

/** Reads a bucket without counting. */
export async function peekRateLimit(db: Client, rule: RateLimitRule): Promise<RateLimitState> {
  checkRule(rule);
  const rows = await run(
    db,
    sqlb
      .selectFrom("RateLimitBucket")
      .select((eb) => [
        "count",
        secondsLeft(eb.ref("windowStart"), rule.windowSeconds).as("secondsLeft"),
      ])
      .where("key", "=", rule.key),
  );
  return stateOf(rows[0], rule);
}

/**
 * Counts one hit in a single atomic statement (safe under concurrency); returns the new state.
 * Each hit also deletes a batch of expired buckets, so the table holds about as many rows as
 * there are live buckets, however many distinct keys callers invent.
 */
export async function hitRateLimit(db: Client, rule: RateLimitRule): Promise<RateLimitState> {
  checkRule(rule);
  const now = sql<Date>`now()`;
  const rows = await run(
    db,
    sqlb
      .insertInto("RateLimitBucket")
      .values({ key: rule.key, count: 1, windowStart: now, updatedAt: now })
      .onConflict((conflict) =>
        conflict.column("key").doUpdateSet((eb) => {
          const ended = eb("RateLimitBucket.windowStart", "<=", windowCutoff(rule.windowSeconds));
          return {
            count: eb
              .case()
              .when(ended)
              .then(1)
              .else(eb("RateLimitBucket.count", "+", 1))
              .end(),
            windowStart: eb
              .case()
              .when(ended)
              .then(now)
              .else(eb.ref("RateLimitBucket.windowStart"))
              .end()
              .$castTo<Date>(),
            updatedAt: now,
          };
        }),
      )
      .returning((eb) => [
        "count",
        secondsLeft(eb.ref("windowStart"), rule.windowSeconds).as("secondsLeft"),
      ]),
  );
  await sweepExpiredBuckets(db);
  return stateOf(rows[0], rule);
}

/** Deletes up to SWEEP_BATCH buckets untouched for longer than any window; returns how many. */
export async function sweepExpiredBuckets(db: Client): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "RateLimitBucket" WHERE "key" IN (
      SELECT "key" FROM "RateLimitBucket"
      WHERE "updatedAt" < now() - make_interval(secs => ${MAX_WINDOW_SECONDS})
      ORDER BY "updatedAt" LIMIT ${SWEEP_BATCH}
      FOR UPDATE SKIP LOCKED)`;
}

export async function resetRateLimit(db: Client, key: string): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key } });
}
