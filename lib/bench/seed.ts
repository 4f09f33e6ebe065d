// `npm run bench:seed`: a realistic volume of members and content for load tests, written in
// batches of thousands of rows (see ./writer.ts). The rows come from ./members.ts,
// ./discussions.ts and ./posts.ts; this file checks the target, orders the phases, runs the
// content in parallel chunks (one transaction each) and checks the counters at the end.
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { skillSlug } from "@/lib/skills/normalise";
import { tagSlug } from "@/lib/tags/normalise";
import { DEMO_PASSWORD } from "@/prisma/seed-data";
import { BENCH_ACCOUNT, BENCH_SEARCH_WORD, BENCH_THREAD_REPLIES, FULL_SCALE } from "./constants";
import type { SeedContext } from "./context";
import { addDiscussion, planReplyCounts } from "./discussions";
import { checkBenchTarget } from "./guard";
import { addMembers, addTagFollows } from "./members";
import { addPost } from "./posts";
import { createIdFactory, createRandom, type Random } from "./random";
import { createWriters, type Writers } from "./tables";
import { counterMismatches, tableCounts } from "./verify";
import { SKILLS, TAGS, TEAMS } from "./vocabulary";

export interface BenchSeedOptions {
  /** 1 = FULL_SCALE; 0.02 for a quick trial. */
  scale: number;
  /** The same seed gives the same data. */
  seed: number;
  /** Seed even when the database has more members than the demo seed makes. */
  force: boolean;
  /** Content chunks written at once (each on its own connection). */
  concurrency?: number;
  log?: (line: string) => void;
  now?: number;
}

export interface BenchSeedResult {
  benchThreadId: string;
  benchAccountEmail: string;
  searchWord: string;
  targets: BenchTargets;
  counts: Record<string, number>;
  mismatches: Record<string, number>;
  seconds: number;
}

export type BenchTargets = ReturnType<typeof benchTargets>;

const CHUNK = { discussions: 400, posts: 400 };
const PINNED = { discussions: 6, posts: 4 };

export function benchTargets(scale: number) {
  const scaled = (n: number, min: number) => Math.max(min, Math.round(n * scale));
  const discussions = scaled(FULL_SCALE.discussions, 10);
  return {
    members: scaled(FULL_SCALE.members, 20),
    discussions,
    replies: scaled(FULL_SCALE.replies, BENCH_THREAD_REPLIES + discussions),
    posts: scaled(FULL_SCALE.posts, 8),
  };
}

export async function runBenchSeed(
  url: string,
  options: BenchSeedOptions,
): Promise<BenchSeedResult> {
  const log = options.log ?? (() => {});
  const concurrency = options.concurrency ?? 2;
  const pool = new pg.Pool({ connectionString: url, max: concurrency + 1 });
  const started = Date.now();
  try {
    await withClient(pool, (client) => checkBenchTarget(client, options));
    const targets = benchTargets(options.scale);
    log(
      `Writing bench data (scale ${options.scale}, seed ${options.seed}): ${targets.members} members, ` +
        `${targets.discussions} discussions with ${targets.replies} replies, ${targets.posts} knowledge posts, ` +
        `${TAGS.length} tags, ${TEAMS.length} teams, reactions, comments, votes, bookmarks and tag follows.`,
    );
    const random = createRandom(options.seed);
    const now = options.now ?? Date.now();
    const newId = createIdFactory(random, now);
    const phase = phaseTimer(log);

    const vocabulary = await phase("teams, skills and tags", () => writeVocabulary(pool, newId));
    const ctx = await phase(`${targets.members} members with skills and tag follows`, () =>
      writeMembers(pool, { now, newId, random, count: targets.members, ...vocabulary }),
    );
    const benchThreadId = await phase(
      `${targets.discussions} discussions, ${targets.replies} replies and their reactions`,
      () => writeDiscussions(pool, ctx, { ...options, concurrency, targets, log }),
    );
    await phase(`${targets.posts} knowledge posts with comments, votes and bookmarks`, () =>
      writePosts(pool, ctx, { ...options, concurrency, targets, log }),
    );
    const mismatches = await phase("checking counters", () => withClient(pool, counterMismatches));
    await phase("VACUUM ANALYZE", () => pool.query(VACUUM).then(() => undefined));
    const counts = await withClient(pool, tableCounts);
    return {
      benchThreadId,
      benchAccountEmail: BENCH_ACCOUNT.email,
      searchWord: BENCH_SEARCH_WORD,
      targets,
      counts,
      mismatches,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
  } finally {
    await pool.end();
  }
}

const VACUUM = `VACUUM (ANALYZE) "User", "MemberSkill", "Tag", "TagFollow", "Discussion",
  "DiscussionTag", "DiscussionReaction", "Reply", "ReplyReaction", "KnowledgePost",
  "KnowledgePostTag", "PostComment", "HelpfulVote", "Bookmark"`;

function phaseTimer(log: (line: string) => void) {
  return async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    log(`- ${name}…`);
    const result = await work();
    log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return result;
  };
}

async function withClient<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>) {
  const client = await pool.connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}

/** One transaction, committed without waiting for the disk (a crash only loses bench rows). */
function inTransaction(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<void>) {
  return withClient(pool, async (client) => {
    await client.query("BEGIN");
    try {
      await client.query("SET LOCAL synchronous_commit = off");
      await work(client);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  });
}

/** Writes the queued rows of these tables, in this (foreign-key) order. */
async function flushAll(client: pg.PoolClient, writers: Writers, order: (keyof Writers)[]) {
  for (const table of order) await writers[table].flush(client);
}

/** Adds names that are missing (by slug) and returns the ids of all of them, in list order. */
async function upsertBySlug(
  pool: pg.Pool,
  table: "Team" | "Skill" | "Tag",
  names: readonly string[],
  slugOf: (name: string) => string,
  newId: () => string,
): Promise<string[]> {
  const slugs = names.map(slugOf);
  await pool.query(
    `INSERT INTO "${table}" ("id", "name", "slug")
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT ("slug") DO NOTHING`,
    [names.map(() => newId()), names, slugs],
  );
  const { rows } = await pool.query<{ id: string; slug: string }>(
    `SELECT "id", "slug" FROM "${table}" WHERE "slug" = ANY($1::text[])`,
    [slugs],
  );
  const idOf = new Map(rows.map((row) => [row.slug, row.id]));
  return slugs.map((slug) => idOf.get(slug)!);
}

async function writeVocabulary(pool: pg.Pool, newId: () => string) {
  return {
    teamIds: await upsertBySlug(pool, "Team", TEAMS, skillSlug, newId),
    skillIds: await upsertBySlug(pool, "Skill", SKILLS, skillSlug, newId),
    tagIds: await upsertBySlug(pool, "Tag", TAGS, tagSlug, newId),
  };
}

async function writeMembers(
  pool: pg.Pool,
  input: {
    now: number;
    newId: () => string;
    random: Random;
    count: number;
    teamIds: string[];
    skillIds: string[];
    tagIds: string[];
  },
): Promise<SeedContext> {
  const { random } = input;
  const writers = createWriters();
  const memberIds = addMembers(writers, input, random, input);
  const benchAccountId = await ensureBenchAccount(pool, input.newId, input.teamIds[0]!);
  const existing = await pool.query<{ id: string }>(
    `SELECT "id" FROM "User" WHERE "status" = 'ACTIVE' AND "email" LIKE '%@example.com' AND "id" <> $1`,
    [benchAccountId],
  );
  const ctx: SeedContext = {
    now: input.now,
    newId: input.newId,
    members: random.shuffle([...memberIds, ...existing.rows.map((row) => row.id)]),
    tagIds: input.tagIds,
  };
  addTagFollows(writers, ctx, random, memberIds);
  for (const tagId of input.tagIds.slice(0, 5)) {
    writers.tagFollow.add({
      userId: benchAccountId,
      tagId,
      createdAt: new Date(input.now).toISOString(),
    });
  }
  await inTransaction(pool, (client) =>
    flushAll(client, writers, ["user", "memberSkill", "tagFollow"]),
  );
  return ctx;
}

/** The account the benchmark signs in as (kept if it already exists). */
async function ensureBenchAccount(pool: pg.Pool, newId: () => string, teamId: string) {
  await pool.query(
    `INSERT INTO "User" ("id", "email", "emailVerified", "name", "passwordHash", "title", "teamId", "updatedAt")
     VALUES ($1, $2, now(), $3, $4, 'Load tester', $5, now()) ON CONFLICT ("email") DO NOTHING`,
    [newId(), BENCH_ACCOUNT.email, BENCH_ACCOUNT.name, await hashPassword(DEMO_PASSWORD), teamId],
  );
  const { rows } = await pool.query<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = $1`, [
    BENCH_ACCOUNT.email,
  ]);
  return rows[0]!.id;
}

interface ContentOptions {
  seed: number;
  concurrency: number;
  targets: BenchTargets;
  log: (line: string) => void;
}

async function writeDiscussions(pool: pg.Pool, ctx: SeedContext, options: ContentOptions) {
  const { targets } = options;
  const counts = planReplyCounts(
    createRandom(options.seed + 1),
    targets.discussions,
    targets.replies,
    BENCH_THREAD_REPLIES,
  );
  let benchThreadId = "";
  const advance = progress("discussions", targets.discussions, options.log);
  await inChunks(
    targets.discussions,
    CHUNK.discussions,
    options.concurrency,
    (start, end, chunk) => {
      const random = createRandom(options.seed + 1_000 + chunk);
      const writers = createWriters();
      const accepted: [string, string][] = [];
      for (let index = start; index < end; index++) {
        const plan = {
          replies: counts[index]!,
          isBenchThread: index === 0,
          pinned: index > 0 && index <= PINNED.discussions,
        };
        const { id, acceptedReplyId } = addDiscussion(writers, ctx, random, plan);
        if (index === 0) benchThreadId = id;
        if (acceptedReplyId) accepted.push([id, acceptedReplyId]);
      }
      return inTransaction(pool, async (client) => {
        await flushAll(client, writers, [
          "discussion",
          "discussionTag",
          "discussionReaction",
          "reply",
          "replyReaction",
        ]);
        await client.query(
          `UPDATE "Discussion" d SET "acceptedReplyId" = a.reply
           FROM unnest($1::text[], $2::text[]) AS a(id, reply) WHERE d."id" = a.id`,
          [accepted.map(([id]) => id), accepted.map(([, reply]) => reply)],
        );
        advance(end - start);
      });
    },
  );
  return benchThreadId;
}

async function writePosts(pool: pg.Pool, ctx: SeedContext, options: ContentOptions) {
  const { targets } = options;
  const advance = progress("posts", targets.posts, options.log);
  await inChunks(targets.posts, CHUNK.posts, options.concurrency, (start, end, chunk) => {
    const random = createRandom(options.seed + 500_000 + chunk);
    const writers = createWriters();
    for (let index = start; index < end; index++) {
      addPost(writers, ctx, random, { pinned: index < PINNED.posts });
    }
    return inTransaction(pool, async (client) => {
      await flushAll(client, writers, ["post", "postTag", "comment", "helpfulVote", "bookmark"]);
      advance(end - start);
    });
  });
}

/** Logs "n/total label" about every tenth of the way. */
function progress(label: string, total: number, log: (line: string) => void) {
  let done = 0;
  return (count: number) => {
    const before = Math.floor((done * 10) / total);
    done += count;
    if (Math.floor((done * 10) / total) > before) log(`  ${done}/${total} ${label}`);
  };
}

/**
 * Runs `work` over [0, total) in chunks, `concurrency` at a time. Each chunk's rows are
 * generated synchronously when it starts, so chunks start (and draw ids) in order.
 */
async function inChunks(
  total: number,
  size: number,
  concurrency: number,
  work: (start: number, end: number, chunk: number) => Promise<void>,
) {
  let next = 0;
  const worker = async () => {
    while (next * size < total) {
      const chunk = next++;
      await work(chunk * size, Math.min(total, (chunk + 1) * size), chunk);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
