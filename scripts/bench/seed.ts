// `npm run bench:seed`: a realistic volume of members and content for load tests, written in
// batches of thousands of rows (see ./writer.ts). The rows come from ./members.ts,
// ./discussions.ts, ./posts.ts, ./sessions.ts, ./recognition.ts, ./mentorship.ts and
// ./surveys.ts and ./communities.ts; this file checks the target, orders the phases, runs the content in parallel
// chunks (one transaction each) and checks the counters at the end.
import pg from "pg";
import { hashPassword } from "@/lib/core/auth/password";
import { skillSlug } from "@/lib/core/vocabulary";
import { tagSlug } from "@/lib/tags/schemas";
import { DEFAULT_VALUES, DEMO_PASSWORD } from "@/prisma/seed-data";
import {
  BENCH_ACCOUNT,
  BENCH_LEADER_ACCOUNT,
  BENCH_SEARCH_WORD,
  BENCH_THREAD_REPLIES,
  FULL_SCALE,
  SURVEY_ROUNDS,
} from "./constants";
import { describePeople, type PersonRow, type SeedContext } from "./context";
import { BENCH_COMMUNITIES, writeCommunities } from "./communities";
import { addDiscussion, planReplyCounts } from "./discussions";
import { checkBenchTarget } from "./guard";
import { addMembers, addTagFollows } from "./members";
import { addMentorship, type MentorshipCounts } from "./mentorship";
import { addPost } from "./posts";
import { createIdFactory, createRandom, type Random } from "./random";
import { addRecognition, teamsForRecognition } from "./recognition";
import { addSession, planSessions } from "./sessions";
import { addResponses, addSurveys } from "./surveys";
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
  benchLeaderEmail: string;
  searchWord: string;
  targets: BenchTargets;
  /** Rows this run wrote (the demo seed's own rows, if any, are not in here). */
  written: Record<string, number>;
  counts: Record<string, number>;
  mismatches: Record<string, number>;
  /** Seconds each phase took, by phase name. */
  phases: Record<string, number>;
  seconds: number;
}

export type BenchTargets = ReturnType<typeof benchTargets>;

const CHUNK = { discussions: 400, posts: 400, sessions: 100, recognitions: 1_000 };
const PINNED = { discussions: 6, posts: 4 };

export function benchTargets(scale: number) {
  const scaled = (n: number, min: number) => Math.max(min, Math.round(n * scale));
  const discussions = scaled(FULL_SCALE.discussions, 10);
  return {
    members: scaled(FULL_SCALE.members, 20),
    discussions,
    replies: scaled(FULL_SCALE.replies, BENCH_THREAD_REPLIES + discussions),
    posts: scaled(FULL_SCALE.posts, 8),
    sessions: scaled(FULL_SCALE.sessions, 12),
    recognitions: scaled(FULL_SCALE.recognitions, 40),
    mentors: scaled(FULL_SCALE.mentors, 6),
    pairings: scaled(FULL_SCALE.pairings, 6),
    waitingRequests: scaled(FULL_SCALE.waitingRequests, 3),
    surveyRounds: SURVEY_ROUNDS,
    /** Per round; capped at 80 % of the active members. */
    surveyResponses: scaled(FULL_SCALE.surveyResponses, 10),
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
        `${TAGS.length} tags, ${TEAMS.length} teams, reactions, comments, votes, bookmarks and tag follows; ` +
        `${targets.sessions} sessions, ${targets.recognitions} recognitions, ${targets.mentors} mentors ` +
        `with ${targets.pairings} pairings, ${targets.surveyRounds} pulse survey rounds of ` +
        `${targets.surveyResponses} responses.`,
    );
    const random = createRandom(options.seed);
    const now = options.now ?? Date.now();
    const newId = createIdFactory(random, now);
    const phases: Record<string, number> = {};
    const phase = phaseTimer(log, phases);
    const content = { ...options, concurrency, targets, log };

    // Ids of rows added after the first version of the seed come from their own factory, so
    // that the members and content drawn from `random` stay what they were for a seed.
    const sideId = createIdFactory(createRandom(options.seed + 3), now);
    const vocabulary = await phase("teams, skills, tags and company values", () =>
      writeVocabulary(pool, newId, sideId),
    );
    const ctx = await phase(`${targets.members} members with skills and tag follows`, () =>
      writeMembers(pool, { now, newId, sideId, random, count: targets.members, ...vocabulary }),
    );
    const benchThreadId = await phase(
      `${targets.discussions} discussions, ${targets.replies} replies and their reactions`,
      () => writeDiscussions(pool, ctx, content),
    );
    await phase(`${targets.posts} knowledge posts with comments, votes and bookmarks`, () =>
      writePosts(pool, ctx, content),
    );
    const sessions = await phase(
      `${targets.sessions} sessions with hosts, RSVPs, ratings and action items`,
      () => writeSessions(pool, ctx, content),
    );
    const recognitions = await phase(
      `${targets.recognitions} recognitions with recipients and applause`,
      () => writeRecognitions(pool, ctx, content, vocabulary.valueIds),
    );
    const mentorship = await phase(
      `${targets.mentors} mentors, ${targets.pairings} pairings with goals and check-ins, requests`,
      () => writeMentorship(pool, ctx, content),
    );
    const surveyResponses = await phase(
      `${targets.surveyRounds} pulse survey rounds with responses and receipts`,
      () => writeSurveys(pool, ctx, content),
    );
    const communities = await phase(
      `${BENCH_COMMUNITIES} communities with members, a fifth of the content placed in them`,
      () =>
        withClient(pool, (client) =>
          writeCommunities(client, {
            ctx,
            random: createRandom(options.seed + 9),
            newId: createIdFactory(createRandom(options.seed + 10), now),
            benchThreadId,
          }),
        ),
    );
    log(
      `  ${communities.memberships} memberships; placed ${Object.entries(communities.placed)
        .map(([table, n]) => `${n} ${table}`)
        .join(", ")}`,
    );
    const mismatches = await phase("checking counters", () => withClient(pool, counterMismatches));
    await phase("VACUUM ANALYZE", () => pool.query(VACUUM).then(() => undefined));
    const counts = await withClient(pool, tableCounts);
    return {
      benchThreadId,
      benchAccountEmail: BENCH_ACCOUNT.email,
      benchLeaderEmail: BENCH_LEADER_ACCOUNT.email,
      searchWord: BENCH_SEARCH_WORD,
      targets,
      written: {
        members: targets.members,
        discussions: targets.discussions,
        replies: targets.replies,
        posts: targets.posts,
        ...sessions,
        ...recognitions,
        mentorProfiles: mentorship.profiles,
        pairings: mentorship.pairings,
        openPairings: mentorship.openPairings,
        pairingGoals: mentorship.goals,
        checkIns: mentorship.checkIns,
        mentorRequests: mentorship.requests,
        surveyResponses,
      },
      counts,
      mismatches,
      phases,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
  } finally {
    await pool.end();
  }
}

const VACUUM = `VACUUM (ANALYZE) "User", "MemberSkill", "Tag", "TagFollow", "Discussion",
  "DiscussionTag", "DiscussionReaction", "Reply", "ReplyReaction", "KnowledgePost",
  "KnowledgePostTag", "PostComment", "HelpfulVote", "Bookmark", "LearningSession",
  "SessionHost", "SessionRsvp", "SessionActionItem", "SessionFeedback", "SessionFeedbackReceipt",
  "CompanyValue", "Recognition", "RecognitionRecipient", "RecognitionApplause",
  "MentorshipProfile", "MentorPairing", "MentorRequest", "PairingGoal", "PairingCheckIn",
  "PulseSurvey", "PulseQuestion", "PulseResponse", "PulseAnswer", "PulseReceipt", "Community",
  "CommunityMembership"`;

function phaseTimer(log: (line: string) => void, seconds: Record<string, number>) {
  return async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    log(`- ${name}…`);
    const result = await work();
    seconds[name] = Math.round((Date.now() - started) / 100) / 10;
    log(`  done in ${seconds[name].toFixed(1)} s`);
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

async function writeVocabulary(pool: pg.Pool, newId: () => string, sideId: () => string) {
  return {
    teamIds: await upsertBySlug(pool, "Team", TEAMS, skillSlug, newId),
    skillIds: await upsertBySlug(pool, "Skill", SKILLS, skillSlug, newId),
    tagIds: await upsertBySlug(pool, "Tag", TAGS, tagSlug, newId),
    valueIds: await companyValues(pool, sideId),
  };
}

/**
 * The active company values in their display order, after adding the default ones that are
 * missing (by slug; an admin's changes to existing values are kept, as in the demo seed).
 */
async function companyValues(pool: pg.Pool, newId: () => string): Promise<string[]> {
  await pool.query(
    `INSERT INTO "CompanyValue" ("id", "slug", "name", "emoji", "colour", "description", "position")
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[])
     ON CONFLICT ("slug") DO NOTHING`,
    [
      DEFAULT_VALUES.map(() => newId()),
      DEFAULT_VALUES.map((v) => v.slug),
      DEFAULT_VALUES.map((v) => v.name),
      DEFAULT_VALUES.map((v) => v.emoji),
      DEFAULT_VALUES.map((v) => v.colour),
      DEFAULT_VALUES.map((v) => v.description),
      DEFAULT_VALUES.map((_, position) => position),
    ],
  );
  const { rows } = await pool.query<{ id: string }>(
    `SELECT "id" FROM "CompanyValue" WHERE "archivedAt" IS NULL ORDER BY "position", "name", "id"`,
  );
  return rows.map((row) => row.id);
}

async function writeMembers(
  pool: pg.Pool,
  input: {
    now: number;
    newId: () => string;
    sideId: () => string;
    random: Random;
    count: number;
    teamIds: string[];
    skillIds: string[];
    tagIds: string[];
  },
): Promise<SeedContext> {
  const { random } = input;
  const writers = createWriters();
  const generated = addMembers(writers, input, random, input);
  const benchAccountId = await ensureBenchAccounts(pool, {
    newId: input.newId,
    newLeaderId: input.sideId,
    teamId: input.teamIds[0]!,
  });
  const existing = await pool.query<PersonRow>(
    `SELECT "id", "teamId", true AS "active", "role"::text AS "role" FROM "User"
      WHERE "status" = 'ACTIVE' AND "email" LIKE '%@example.com' AND "email" <> ALL($1::text[])`,
    [[BENCH_ACCOUNT.email, BENCH_LEADER_ACCOUNT.email]],
  );
  const memberIds = generated.map((person) => person.id);
  const members = random.shuffle([...memberIds, ...existing.rows.map((row) => row.id)]);
  const ctx: SeedContext = {
    now: input.now,
    newId: input.newId,
    members,
    tagIds: input.tagIds,
    people: describePeople([...generated, ...existing.rows], members),
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

/**
 * The accounts the benchmark signs in as (kept if they already exist): a member, and a
 * leader for the pages only leaders see. Returns the member account's id.
 */
async function ensureBenchAccounts(
  pool: pg.Pool,
  input: { newId: () => string; newLeaderId: () => string; teamId: string },
) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts = [
    { ...BENCH_ACCOUNT, id: input.newId(), role: "MEMBER", title: "Load tester" },
    {
      ...BENCH_LEADER_ACCOUNT,
      id: input.newLeaderId(),
      role: "LEADER",
      title: "Load-testing lead",
    },
  ];
  for (const account of accounts) {
    await pool.query(
      `INSERT INTO "User" ("id", "email", "emailVerified", "name", "passwordHash", "role", "title", "teamId", "updatedAt")
       VALUES ($1, $2, now(), $3, $4, $5::"Role", $6, $7, now()) ON CONFLICT ("email") DO NOTHING`,
      [
        account.id,
        account.email,
        account.name,
        passwordHash,
        account.role,
        account.title,
        input.teamId,
      ],
    );
  }
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

async function writeSessions(pool: pg.Pool, ctx: SeedContext, options: ContentOptions) {
  const { targets } = options;
  const plans = planSessions(createRandom(options.seed + 2), targets.sessions);
  const advance = progress("sessions", targets.sessions, options.log);
  const written = { sessions: 0, rsvps: 0, ratings: 0 };
  await inChunks(targets.sessions, CHUNK.sessions, options.concurrency, (start, end, chunk) => {
    const random = createRandom(options.seed + 700_000 + chunk);
    const writers = createWriters();
    for (let index = start; index < end; index++) {
      const counts = addSession(writers, ctx, random, plans[index]!);
      written.sessions += 1;
      written.rsvps += counts.rsvps;
      written.ratings += counts.ratings;
    }
    return inTransaction(pool, async (client) => {
      await flushAll(client, writers, [
        "session",
        "sessionHost",
        "rsvp",
        "actionItem",
        "feedback",
        "feedbackReceipt",
      ]);
      advance(end - start);
    });
  });
  return written;
}

async function writeRecognitions(
  pool: pg.Pool,
  ctx: SeedContext,
  options: ContentOptions,
  valueIds: readonly string[],
) {
  const { targets } = options;
  const input = { valueIds, teamIds: teamsForRecognition(ctx.people) };
  const advance = progress("recognitions", targets.recognitions, options.log);
  const written = { recognitions: 0, recognitionRecipients: 0 };
  await inChunks(
    targets.recognitions,
    CHUNK.recognitions,
    options.concurrency,
    (start, end, chunk) => {
      const random = createRandom(options.seed + 800_000 + chunk);
      const writers = createWriters();
      for (let index = start; index < end; index++) {
        written.recognitionRecipients += addRecognition(writers, ctx, random, input);
        written.recognitions += 1;
      }
      return inTransaction(pool, async (client) => {
        await flushAll(client, writers, ["recognition", "recipient", "applause"]);
        advance(end - start);
      });
    },
  );
  return written;
}

async function writeMentorship(
  pool: pg.Pool,
  ctx: SeedContext,
  options: ContentOptions,
): Promise<MentorshipCounts> {
  // Members the demo seed already enrolled keep their own profile, pairings and requests.
  const { rows } = await pool.query<{ id: string }>(
    `SELECT "userId" AS "id" FROM "MentorshipProfile"
     UNION SELECT "mentorId" FROM "MentorPairing" UNION SELECT "menteeId" FROM "MentorPairing"
     UNION SELECT "menteeId" FROM "MentorRequest"`,
  );
  const writers = createWriters();
  const counts = addMentorship(
    writers,
    ctx,
    createRandom(options.seed + 900_000),
    options.targets,
    { exclude: new Set(rows.map((row) => row.id)) },
  );
  await inTransaction(pool, (client) =>
    flushAll(client, writers, [
      "mentorProfile",
      "pairing",
      "mentorRequest",
      "pairingGoal",
      "checkIn",
    ]),
  );
  return counts;
}

/** The surveys and their questions first (rounds refer to each other), then each round's answers. */
async function writeSurveys(pool: pg.Pool, ctx: SeedContext, options: ContentOptions) {
  const { targets } = options;
  const writers = createWriters();
  const rounds = addSurveys(writers, ctx, createRandom(options.seed + 950_000), {
    rounds: targets.surveyRounds,
    responses: targets.surveyResponses,
  });
  await inTransaction(pool, (client) => flushAll(client, writers, ["survey", "question"]));
  let responses = 0;
  await inChunks(rounds.length, 1, options.concurrency, (start, _end, chunk) => {
    const random = createRandom(options.seed + 960_000 + chunk);
    const roundWriters = createWriters();
    responses += addResponses(roundWriters, ctx, random, rounds[start]!);
    return inTransaction(pool, (client) =>
      flushAll(client, roundWriters, ["response", "answer", "receipt"]),
    );
  });
  return responses;
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
