// `DATABASE_URL=… npm run bench:asks [-- --limit N]`: how fairly and how fast "ask the right
// colleague" (lib/asks) routes, on a database filled by `npm run bench:seed`. Routes every open
// question (no accepted answer, not deleted or hidden) once with the fair-spread rules OFF
// (plain best score, no weekly cap) and once ON, deleting the asks in between and at the end,
// and prints: the share of asks that went to the top 1 % of answerers (by accepted answers),
// p50/p95 of the routing time per question (the statement, the ranking, the inserts and the
// notifications with their mail jobs), p50/p95 of the computation alone (no writes), and
// the EXPLAIN (ANALYZE) of the routing statement for one question. Writes Ask rows and their
// "ask.received" notifications (and queues their mail jobs), and removes the asks and the
// notifications after each run: run it on a bench database, never on a real one.
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { BENCH_MEMBER_DOMAIN } from "@/scripts/bench/constants";

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

function readLimit(): number | undefined {
  const { values } = parseArgs({ options: { limit: { type: "string" } } });
  return values.limit ? Number(values.limit) : undefined;
}

async function topAnswerers(client: PrismaClient): Promise<Set<string>> {
  const answerers = await client.$queryRawUnsafe<{ id: string }[]>(
    `SELECT r."authorId" AS id FROM "Discussion" d JOIN "Reply" r ON r.id = d."acceptedReplyId"
      GROUP BY r."authorId" ORDER BY count(*) DESC, r."authorId"`,
  );
  const top = Math.max(1, Math.ceil(answerers.length / 100));
  return new Set(answerers.slice(0, top).map((row) => row.id));
}

async function openQuestions(client: PrismaClient, limit?: number): Promise<string[]> {
  const rows = await client.discussion.findMany({
    where: { kind: "QUESTION", acceptedReplyId: null, deletedAt: null, hiddenAt: null },
    select: { id: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit,
  });
  return rows.map((row) => row.id);
}

async function clearAsks(client: PrismaClient) {
  await client.ask.deleteMany({});
  await client.notification.deleteMany({ where: { kind: "ask.received" } });
}

interface RunResult {
  asks: number;
  toTop: number;
  routed: number;
  p50: number;
  p95: number;
  max: number;
}

async function run(
  client: PrismaClient,
  questions: string[],
  top: Set<string>,
  fair: boolean,
): Promise<RunResult> {
  const { routeTopic } = await import("@/lib/asks/route");
  await clearAsks(client);
  const now = new Date();
  const timings: number[] = [];
  let asks = 0;
  let toTop = 0;
  let routed = 0;
  for (const id of questions) {
    const started = performance.now();
    const outcome = await routeTopic({ kind: "question", id }, { askedById: null, fair, now });
    timings.push(performance.now() - started);
    asks += outcome.asked.length;
    if (outcome.asked.length) routed++;
    toTop += outcome.asked.filter((member) => top.has(member.memberId)).length;
  }
  await clearAsks(client);
  timings.sort((a, b) => a - b);
  return {
    asks,
    toTop,
    routed,
    p50: percentile(timings, 50),
    p95: percentile(timings, 95),
    max: timings[timings.length - 1] ?? 0,
  };
}

/** The routing computation alone (the statement and the ranking, no writes), per question. */
async function computeTimes(client: PrismaClient, questions: string[]) {
  const { loadCandidates } = await import("@/lib/asks/candidates");
  const { rankHelpers } = await import("@/lib/asks/ranking");
  const now = new Date();
  const timings: number[] = [];
  for (const id of questions) {
    const started = performance.now();
    await client.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL jit = off");
      const loaded = await loadCandidates(tx, {
        target: { kind: "question", id },
        weeklyCap: 3,
        now,
      });
      if (loaded) rankHelpers(loaded.candidates, { fair: true, now });
    });
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  return { p50: percentile(timings, 50), p95: percentile(timings, 95) };
}

async function explain(client: PrismaClient, questionId: string): Promise<string> {
  const { compiledCandidatesQuery } = await import("@/lib/asks/candidates");
  const compiled = compiledCandidatesQuery({
    target: { kind: "question", id: questionId },
    weeklyCap: 3,
    now: new Date(),
  });
  // As lib/asks/route.ts runs it: in a transaction without JIT.
  const plan = await client.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL jit = off");
    return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
      `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${compiled.sql}`,
      ...compiled.parameters,
    );
  });
  return plan.map((row) => row["QUERY PLAN"]).join("\n");
}

function line(label: string, result: RunResult) {
  const share = result.asks ? ((100 * result.toTop) / result.asks).toFixed(1) : "0.0";
  return `${label}: ${result.asks} asks for ${result.routed} questions; to the top 1 % of answerers ${result.toTop} (${share} %); per question p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, max ${result.max.toFixed(1)} ms`;
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to a database filled by `npm run bench:seed`.");
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
  // lib/core/db/client's `db` uses the process-wide client when one is set.
  (globalThis as unknown as { prisma: PrismaClient }).prisma = client;
  const members = await client.user.count({
    where: { email: { endsWith: `@${BENCH_MEMBER_DOMAIN}` } },
  });
  if (members < 100) throw new Error("This does not look like a bench database: run bench:seed.");
  const [top, questions] = await Promise.all([
    topAnswerers(client),
    openQuestions(client, readLimit()),
  ]);
  console.log(`${questions.length} open questions; top 1 % of answerers: ${top.size} members`);
  const off = await run(client, questions, top, false);
  console.log(line("Fair spread OFF (plain best score)", off));
  const on = await run(client, questions, top, true);
  console.log(line("Fair spread ON (cap, penalties, fresh voice)", on));
  const compute = await computeTimes(client, questions);
  console.log(
    `The computation alone (statement + ranking, no writes): per question p50 ${compute.p50.toFixed(1)} ms, p95 ${compute.p95.toFixed(1)} ms`,
  );
  const sample = questions[Math.floor(questions.length / 2)];
  if (sample)
    console.log(
      `\nEXPLAIN ANALYZE of the routing statement (${sample}):\n${await explain(client, sample)}`,
    );
  await client.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
