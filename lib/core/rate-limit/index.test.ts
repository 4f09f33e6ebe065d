import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { unique } from "@/test/factories";
import {
  hitRateLimit,
  MAX_WINDOW_SECONDS,
  peekRateLimit,
  resetRateLimit,
  type RateLimitRule,
} from "./index";

const rule = (overrides: Partial<RateLimitRule> = {}): RateLimitRule => ({
  key: unique("test:rate-limit:"),
  limit: 3,
  windowSeconds: 60,
  ...overrides,
});

/** Moves a bucket's window into the past, as if `seconds` had gone by. */
async function age(key: string, seconds: number) {
  await testDb.$executeRaw`
    UPDATE "RateLimitBucket" SET "windowStart" = "windowStart" - make_interval(secs => ${seconds}) WHERE "key" = ${key}`;
}

describe("hitRateLimit", () => {
  it("counts each hit and reports limited once the limit is reached", async () => {
    const r = rule({ limit: 3 });

    const states = [];
    for (let i = 0; i < 4; i++) states.push(await hitRateLimit(testDb, r));

    expect(states.map((s) => [s.count, s.limited])).toEqual([
      [1, false],
      [2, false],
      [3, true],
      [4, true],
    ]);
    for (const state of states) {
      expect(state.retryAfterSeconds).toBeGreaterThan(0);
      expect(state.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
  });

  it("keeps buckets apart by key", async () => {
    const a = rule();
    const b = rule();
    await hitRateLimit(testDb, a);
    await hitRateLimit(testDb, a);

    expect((await hitRateLimit(testDb, b)).count).toBe(1);
    expect((await peekRateLimit(testDb, a)).count).toBe(2);
  });

  it("starts a new window once the old one has passed", async () => {
    const r = rule({ limit: 2, windowSeconds: 60 });
    await hitRateLimit(testDb, r);
    expect((await hitRateLimit(testDb, r)).limited).toBe(true);

    await age(r.key, 61);

    expect(await peekRateLimit(testDb, r)).toEqual({
      count: 0,
      limited: false,
      retryAfterSeconds: 0,
    });
    const next = await hitRateLimit(testDb, r);
    expect(next).toMatchObject({ count: 1, limited: false });
    expect(next.retryAfterSeconds).toBeGreaterThan(58);
  });

  it("resets by the database clock with a real one-second window", async () => {
    const r = rule({ limit: 1, windowSeconds: 1 });
    expect((await hitRateLimit(testDb, r)).limited).toBe(true);

    await new Promise((resolve) => setTimeout(resolve, 1_100));

    expect(await hitRateLimit(testDb, r)).toMatchObject({ count: 1 });
  });

  it("counts concurrent hits exactly", async () => {
    const r = rule({ limit: 100 });

    const states = await Promise.all(Array.from({ length: 20 }, () => hitRateLimit(testDb, r)));

    expect(states.map((s) => s.count).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect((await peekRateLimit(testDb, r)).count).toBe(20);
  });

  it("counts inside a transaction", async () => {
    const r = rule();
    await testDb.$transaction(async (tx) => {
      await hitRateLimit(tx, r);
      await hitRateLimit(tx, r);
    });
    expect((await peekRateLimit(testDb, r)).count).toBe(2);
  });
});

describe("peekRateLimit", () => {
  it("reads a bucket without counting", async () => {
    const r = rule({ limit: 2 });
    await hitRateLimit(testDb, r);

    for (let i = 0; i < 3; i++)
      expect(await peekRateLimit(testDb, r)).toMatchObject({ count: 1, limited: false });
    await hitRateLimit(testDb, r);
    expect(await peekRateLimit(testDb, r)).toMatchObject({ count: 2, limited: true });
  });

  it("reports an unknown key as unused", async () => {
    expect(await peekRateLimit(testDb, rule())).toEqual({
      count: 0,
      limited: false,
      retryAfterSeconds: 0,
    });
  });
});

describe("resetRateLimit", () => {
  it("deletes the bucket, so counting starts again", async () => {
    const r = rule({ limit: 2 });
    await hitRateLimit(testDb, r);
    await hitRateLimit(testDb, r);

    await resetRateLimit(testDb, r.key);

    expect(await testDb.rateLimitBucket.findUnique({ where: { key: r.key } })).toBeNull();
    expect((await peekRateLimit(testDb, r)).count).toBe(0);
    expect(await hitRateLimit(testDb, r)).toMatchObject({ count: 1, limited: false });
  });

  it("leaves other buckets alone", async () => {
    const kept = rule();
    await hitRateLimit(testDb, kept);

    await resetRateLimit(testDb, rule().key);

    expect((await peekRateLimit(testDb, kept)).count).toBe(1);
  });
});

describe("expired buckets", () => {
  /** As if nobody had hit the bucket for `seconds`. */
  async function leaveAlone(key: string, seconds: number) {
    await testDb.$executeRaw`
      UPDATE "RateLimitBucket"
      SET "windowStart" = "windowStart" - make_interval(secs => ${seconds}),
          "updatedAt" = "updatedAt" - make_interval(secs => ${seconds})
      WHERE "key" = ${key}`;
  }
  const exists = async (key: string) =>
    (await testDb.rateLimitBucket.count({ where: { key } })) === 1;

  it("are deleted by later hits on any bucket; live ones are kept", async () => {
    const stale = [rule(), rule(), rule()];
    const live = rule({ windowSeconds: MAX_WINDOW_SECONDS });
    for (const r of [...stale, live]) await hitRateLimit(testDb, r);
    for (const r of stale) await leaveAlone(r.key, MAX_WINDOW_SECONDS + 1);
    await leaveAlone(live.key, MAX_WINDOW_SECONDS - 60);

    await hitRateLimit(testDb, rule());

    for (const r of stale) expect(await exists(r.key)).toBe(false);
    expect(await exists(live.key)).toBe(true);
    expect((await peekRateLimit(testDb, live)).count).toBe(1);
  });

  it("refuses a rule whose window is longer than the sweep allows", async () => {
    await expect(
      hitRateLimit(testDb, rule({ windowSeconds: MAX_WINDOW_SECONDS + 1 })),
    ).rejects.toThrow(/at most/);
  });
});
