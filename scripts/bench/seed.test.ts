import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPasswordSignIn } from "@/lib/core/auth/sign-in";
import { createPrismaClient, type Database } from "@/lib/core/db/create-client";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/core/db/embedded";
import { migrate } from "@/lib/core/db/migrations";
import { DEMO_PASSWORD, seedDemoData } from "@/prisma/seed-data";
import {
  BENCH_ACCOUNT,
  BENCH_LEADER_ACCOUNT,
  BENCH_THREAD_REPLIES,
  BENCH_THREAD_TITLE,
  SURVEY_ROUNDS,
} from "./constants";
import { BENCH_COMMUNITIES } from "./communities";
import { benchTargets, runBenchSeed, type BenchSeedResult } from "./seed";

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
  let seeded: BenchSeedResult | undefined;
  /** Rows the demo seed made before the bench data. */
  let demo: Record<"sessions" | "recognitions" | "pairings" | "surveys", number>;

  async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
    const client = new pg.Client({ connectionString: embedded.url });
    await client.connect();
    try {
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end();
    }
  }

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
    demo = {
      sessions: await db.learningSession.count(),
      recognitions: await db.recognition.count(),
      pairings: await db.mentorPairing.count(),
      surveys: await db.pulseSurvey.count(),
    };
    const result = await seed();
    seeded = result;
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
    const leader = await db.user.findUniqueOrThrow({
      where: { email: BENCH_LEADER_ACCOUNT.email },
    });
    expect(leader.role).toBe("LEADER");
    const leaderSignIn = await verifyPasswordSignIn(db, {
      email: BENCH_LEADER_ACCOUNT.email,
      password: DEMO_PASSWORD,
      ip: "bench-seed-test",
    });
    expect(leaderSignIn.ok).toBe(true);
  });

  it("writes sessions, recognitions, mentoring and pulse surveys that keep the services' rules", async () => {
    const result = seeded!;
    const targets = benchTargets(scale);
    // Counters (goingCount, applauseCount, lastCheckInOn, responseCount) and the rules the
    // services keep (capacity, one open pairing per pair, one receipt per rating or response).
    for (const name of [
      "LearningSession.goingCount (GOING RSVPs)",
      "SessionFeedback (one receipt per rating, per session)",
      "Recognition.applauseCount",
      "MentorPairing.lastCheckInOn (latest check-in)",
      "MentorshipProfile.maxMentees (open pairings within it)",
      "MentorPairing (one open pairing per mentor and mentee)",
      "PulseSurvey.responseCount",
      "PulseReceipt (one per response, per survey)",
    ]) {
      expect(result.mismatches[name], name).toBe(0);
    }
    expect(result.counts.LearningSession! - demo.sessions).toBe(targets.sessions);
    expect(result.counts.Recognition! - demo.recognitions).toBe(targets.recognitions);
    expect(result.counts.MentorPairing! - demo.pairings).toBe(targets.pairings);
    expect(result.counts.PulseSurvey! - demo.surveys).toBe(SURVEY_ROUNDS);

    const statuses = await query<{ status: string; upcoming: boolean }>(
      `SELECT DISTINCT "status"::text AS status, "startsAt" > now() AS upcoming FROM "LearningSession"`,
    );
    expect(statuses).toEqual(
      expect.arrayContaining([
        { status: "COMPLETED", upcoming: false },
        { status: "SCHEDULED", upcoming: true },
        expect.objectContaining({ status: "CANCELLED" }),
      ]),
    );
    const [sessions] = await query<{ attended: number; rated: number; items: number }>(
      `SELECT (SELECT count(*) FROM "SessionRsvp" WHERE "attendedAt" IS NOT NULL)::int AS attended,
              (SELECT count(*) FROM "SessionFeedback")::int AS rated,
              (SELECT count(*) FROM "SessionActionItem")::int AS items`,
    );
    expect(sessions!.attended).toBeGreaterThan(0);
    expect(sessions!.rated).toBeGreaterThan(0);
    expect(sessions!.items).toBeGreaterThan(0);

    // Capacity, checked here too in so many words: open pairings never exceed a mentor's places.
    const [mentoring] = await query<{
      over: number;
      stale: number;
      waiting: number;
      kinds: number;
    }>(
      `SELECT (SELECT count(*) FROM (SELECT p."mentorId" FROM "MentorPairing" p
                 JOIN "MentorshipProfile" m ON m."userId" = p."mentorId"
                WHERE p."status" IN ('ACTIVE', 'PAUSED')
                GROUP BY p."mentorId", m."maxMentees" HAVING count(*) > m."maxMentees") o)::int AS over,
              (SELECT count(*) FROM "MentorPairing" p WHERE p."lastCheckInOn" IS DISTINCT FROM
                 (SELECT max("heldOn") FROM "PairingCheckIn" c WHERE c."pairingId" = p."id"))::int AS stale,
              (SELECT count(*) FROM "MentorRequest" WHERE "status" = 'WAITING')::int AS waiting,
              (SELECT count(DISTINCT "status") FROM "MentorPairing")::int AS kinds`,
    );
    expect(mentoring).toMatchObject({ over: 0, stale: 0, kinds: 4 });
    expect(mentoring!.waiting).toBeGreaterThanOrEqual(targets.waitingRequests);

    // Rounds chained oldest to newest; receipts = responses = responseCount in each; every
    // response answers all twelve statements.
    const rounds = await query<{
      previous: string | null;
      responseCount: number;
      responses: number;
      receipts: number;
      scale: number;
      text: number;
      short: number;
    }>(
      `SELECT s."previousRoundId" AS previous, s."responseCount" AS "responseCount",
              (SELECT count(*) FROM "PulseResponse" r WHERE r."surveyId" = s."id")::int AS responses,
              (SELECT count(*) FROM "PulseReceipt" r WHERE r."surveyId" = s."id")::int AS receipts,
              (SELECT count(*) FROM "PulseQuestion" q WHERE q."surveyId" = s."id" AND q."kind" = 'SCALE')::int AS scale,
              (SELECT count(*) FROM "PulseQuestion" q WHERE q."surveyId" = s."id" AND q."kind" = 'TEXT')::int AS text,
              (SELECT count(*) FROM "PulseResponse" r WHERE r."surveyId" = s."id" AND
                 (SELECT count(*) FROM "PulseAnswer" a JOIN "PulseQuestion" q ON q."id" = a."questionId"
                   WHERE a."responseId" = r."id" AND q."kind" = 'SCALE' AND a."score" BETWEEN 1 AND 5) <> 12)::int AS short
         FROM "PulseSurvey" s ORDER BY s."opensAt"`,
    );
    expect(rounds).toHaveLength(SURVEY_ROUNDS);
    expect(rounds.filter((round) => round.previous === null)).toHaveLength(1);
    for (const round of rounds) {
      expect(round.responses).toBe(round.responseCount);
      expect(round.receipts).toBe(round.responseCount);
      expect(round.responseCount).toBeGreaterThan(0);
      expect(round).toMatchObject({ scale: 12, text: 2, short: 0 });
    }
    expect(result.written.surveyResponses).toBe(
      rounds.reduce((sum, round) => sum + round.responses, 0),
    );
  });

  it("writes 50 communities with leads, the bench account in three (one private), and content placed in them", async () => {
    expect(seeded).toBeDefined();
    const communities = await db.community.findMany({
      where: { slug: { startsWith: "bench-community-" } },
      select: {
        id: true,
        access: true,
        memberCount: true,
        _count: { select: { memberships: true } },
        memberships: { where: { role: "LEAD" }, select: { memberId: true } },
      },
    });
    expect(communities).toHaveLength(BENCH_COMMUNITIES);
    expect(communities.filter((c) => c.access === "PRIVATE")).toHaveLength(BENCH_COMMUNITIES / 5);
    for (const community of communities) {
      expect(community.memberCount).toBe(community._count.memberships);
      expect(community.memberships).toHaveLength(2);
    }
    const benchIn = await db.communityMembership.findMany({
      where: { member: { email: BENCH_ACCOUNT.email } },
      select: { community: { select: { access: true } } },
    });
    expect(benchIn).toHaveLength(3);
    expect(benchIn.filter((m) => m.community.access === "PRIVATE")).toHaveLength(1);
    for (const count of [
      await db.discussion.count({ where: { communityId: { not: null } } }),
      await db.knowledgePost.count({ where: { communityId: { not: null } } }),
    ])
      expect(count).toBeGreaterThan(0);
    const thread = await db.discussion.findUniqueOrThrow({
      where: { id: seeded!.benchThreadId },
      select: { communityId: true },
    });
    expect(thread.communityId).toBeNull();
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
