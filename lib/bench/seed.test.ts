import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPasswordSignIn } from "@/lib/auth/sign-in";
import { createPrismaClient, type Database } from "@/lib/db/create-client";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrations";
import { DEMO_PASSWORD, seedDemoData } from "@/prisma/seed-data";
import { BENCH_ACCOUNT, BENCH_THREAD_REPLIES, BENCH_THREAD_TITLE } from "./constants";
import { benchTargets, runBenchSeed } from "./seed";

// A private database: bench data must never land in the shared test database.
describe("bench seed (at a small scale)", () => {
  let embedded: EmbeddedDatabase;
  let db: Database;
  const scale = 0.005;

  beforeAll(async () => {
    embedded = await startEmbeddedDatabase();
    await migrate(embedded.url);
    db = createPrismaClient(embedded.url);
    await seedDemoData(db);
  });

  afterAll(async () => {
    await db.$disconnect();
    await embedded.stop();
  });

  const seed = () => runBenchSeed(embedded.url, { scale, seed: 11, force: false });

  it("refuses NODE_ENV=production", async () => {
    const previous = process.env.NODE_ENV;
    Object.assign(process.env, { NODE_ENV: "production" });
    try {
      await expect(seed()).rejects.toThrow(/NODE_ENV=production/);
    } finally {
      Object.assign(process.env, { NODE_ENV: previous });
    }
  });

  it("refuses a database with members from elsewhere unless forced", async () => {
    const outsider = await db.user.create({
      data: { email: "someone@real-company.test", name: "Someone Real" },
    });
    const discussionsBefore = await db.discussion.count();
    try {
      await expect(seed()).rejects.toThrow(/may be a real community.*--force/);
      expect(await db.discussion.count()).toBe(discussionsBefore);
    } finally {
      await db.user.delete({ where: { id: outsider.id } });
    }
  });

  it("writes the planned volume with counters that agree, and a 100-reply thread", async () => {
    // The demo seed's own content is there before the bench data.
    const before = {
      discussions: await db.discussion.count(),
      replies: await db.reply.count(),
      posts: await db.knowledgePost.count(),
    };
    const result = await seed();
    const targets = benchTargets(scale);
    expect(result.mismatches).toEqual(
      Object.fromEntries(Object.keys(result.mismatches).map((name) => [name, 0])),
    );
    expect(result.counts.Discussion! - before.discussions).toBe(targets.discussions);
    expect(result.counts.Reply! - before.replies).toBe(targets.replies);
    expect(result.counts.KnowledgePost! - before.posts).toBe(targets.posts);
    expect(await db.user.count({ where: { email: { endsWith: "@bench.example.com" } } })).toBe(
      targets.members,
    );

    const thread = await db.discussion.findUniqueOrThrow({
      where: { id: result.benchThreadId },
      select: {
        title: true,
        replyCount: true,
        hiddenAt: true,
        _count: { select: { replies: true } },
      },
    });
    expect(thread).toMatchObject({ title: BENCH_THREAD_TITLE, replyCount: BENCH_THREAD_REPLIES });
    expect(thread._count.replies).toBe(BENCH_THREAD_REPLIES);

    const kinds = await db.discussion.groupBy({ by: ["kind"], _count: true });
    expect(kinds.map((k) => k.kind).sort()).toEqual(["DISCUSSION", "QUESTION"]);
    const types = await db.knowledgePost.groupBy({ by: ["type"], _count: true });
    expect(types).toHaveLength(4);
    expect(
      await db.discussion.count({ where: { acceptedReplyId: { not: null } } }),
    ).toBeGreaterThan(0);

    const signIn = await verifyPasswordSignIn(db, {
      email: BENCH_ACCOUNT.email,
      password: DEMO_PASSWORD,
      ip: "bench-seed-test",
    });
    expect(signIn.ok).toBe(true);
  });

  it("keeps search vectors filled by the database triggers", async () => {
    const client = new pg.Client({ connectionString: embedded.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ missing: number; matches: number }>(
        `SELECT count(*) FILTER (WHERE "searchVector" IS NULL)::int AS missing,
                count(*) FILTER (WHERE "searchVector" @@ plainto_tsquery('english', 'onboarding'))::int AS matches
           FROM "Discussion"`,
      );
      expect(rows[0]).toMatchObject({ missing: 0 });
      expect(rows[0]!.matches).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  });

  it("refuses to run twice on the same database, writing nothing", async () => {
    const before = await db.discussion.count();
    await expect(seed()).rejects.toThrow(/Bench data already exists/);
    expect(await db.discussion.count()).toBe(before);
  });
});
