// Fixed-window counters kept in PostgreSQL, so a limit holds across every app instance.
// Window arithmetic happens in SQL against the database clock, never the app's.
import type { Database, TransactionClient } from "@/lib/db/create-client";

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

/** Reads a bucket without counting. */
export async function peekRateLimit(db: Client, rule: RateLimitRule): Promise<RateLimitState> {
  const rows = await db.$queryRaw<BucketRow[]>`
    SELECT "count",
           EXTRACT(EPOCH FROM ("windowStart" + make_interval(secs => ${rule.windowSeconds}) - now()))::float8 AS "secondsLeft"
    FROM "RateLimitBucket" WHERE "key" = ${rule.key}`;
  return stateOf(rows[0], rule);
}

/** Counts one hit in a single atomic statement (safe under concurrency); returns the new state. */
export async function hitRateLimit(db: Client, rule: RateLimitRule): Promise<RateLimitState> {
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
  return stateOf(rows[0], rule);
}

export async function resetRateLimit(db: Client, key: string): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key } });
}
