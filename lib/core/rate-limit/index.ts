// Fixed-window counters kept in PostgreSQL, so a limit holds across every app instance.
// Window arithmetic happens in SQL against the database clock, never the app's.
import type { Database, TransactionClient } from "@/lib/core/db/create-client";

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
  const rows = await db.$queryRaw<BucketRow[]>`
    SELECT "count",
           EXTRACT(EPOCH FROM ("windowStart" + make_interval(secs => ${rule.windowSeconds}) - now()))::float8 AS "secondsLeft"
    FROM "RateLimitBucket" WHERE "key" = ${rule.key}`;
  return stateOf(rows[0], rule);
}

/**
 * Counts one hit in a single atomic statement (safe under concurrency); returns the new state.
 * Each hit also deletes a batch of expired buckets, so the table holds about as many rows as
 * there are live buckets, however many distinct keys callers invent.
 */
export async function hitRateLimit(db: Client, rule: RateLimitRule): Promise<RateLimitState> {
  checkRule(rule);
  const rows = await db.$queryRaw<BucketRow[]>`
    INSERT INTO "RateLimitBucket" AS b ("key", "count", "windowStart", "updatedAt")
    VALUES (${rule.key}, 1, now(), now())
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN b."windowStart" <= now() - make_interval(secs => ${rule.windowSeconds})
                     THEN 1 ELSE b."count" + 1 END,
      "windowStart" = CASE WHEN b."windowStart" <= now() - make_interval(secs => ${rule.windowSeconds})
                     THEN now() ELSE b."windowStart" END,
      "updatedAt" = now()
    RETURNING "count",
      EXTRACT(EPOCH FROM ("windowStart" + make_interval(secs => ${rule.windowSeconds}) - now()))::float8 AS "secondsLeft"`;
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
