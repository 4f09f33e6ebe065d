// `DATABASE_URL=… tsx --conditions=react-server scripts/bench-similar.ts`: how fast the
// new-question form's "similar questions" lookup (lib/search/similar-questions.ts) answers on
// a database filled by `npm run bench:seed`. Runs the loader itself, one call at a time, for
// 200 titles made from the bench seed's word lists (full question and discussion titles, and
// the first few words of some, as sent while a title is being typed) and prints p50, p95 and
// max. Only reads.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createRandom } from "@/scripts/bench/random";
import { discussionTitle, questionTitle } from "@/scripts/bench/text";

const TITLES = 200;
const WARM_UP = 10;
// Not the seed's own seed, so the titles are new combinations of its words.
const TITLE_SEED = 19;

function benchTitles(): string[] {
  const random = createRandom(TITLE_SEED);
  return Array.from({ length: TITLES }, (_, i) => {
    const title = i % 4 === 3 ? discussionTitle(random) : questionTitle(random);
    // Every third title is half typed: its first three to five words.
    return i % 3 === 2 ? title.split(" ").slice(0, random.int(3, 5)).join(" ") : title;
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to a database filled by `npm run bench:seed`.");
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 1 }) });
  // lib/core/db/client's `db` uses the process-wide client when one is set.
  (globalThis as unknown as { prisma: PrismaClient }).prisma = client;
  const { similarQuestions } = await import("@/lib/search/similar-questions");

  const titles = benchTitles();
  // A member of no community: the community rule is in every query, as for most members.
  const viewer = { id: "bench-similar", role: "MEMBER" as const };
  for (const title of titles.slice(0, WARM_UP)) await similarQuestions(viewer, title);
  const timings: number[] = [];
  let found = 0;
  for (const title of titles) {
    const start = performance.now();
    const questions = await similarQuestions(viewer, title);
    timings.push(performance.now() - start);
    if (questions.length > 0) found += 1;
  }
  await client.$disconnect();

  const sorted = timings.toSorted((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(`similarQuestions over ${titles.length} titles (${found} with suggestions)`);
  console.log(
    `p50 ${ms(percentile(sorted, 50))}  p95 ${ms(percentile(sorted, 95))}  max ${ms(sorted.at(-1)!)}`,
  );
  console.log(`examples: ${titles.slice(0, 3).join(" | ")}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
