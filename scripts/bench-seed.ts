// `npm run bench:seed [-- --scale 0.02] [--seed 2026] [--force]`: fills DATABASE_URL with a
// benchmark-sized community (see docs/benchmarks.md). Refuses production, databases that
// already look real (unless --force) and databases that already have bench data.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { BENCH_DATA_DIR, BENCH_THREAD_TITLE } from "./bench/constants";
import { describeDatabase } from "./bench/guard";
import { runBenchSeed, type BenchSeedResult } from "./bench/seed";
import { DEMO_PASSWORD } from "../prisma/seed-data";

const USAGE = `Usage: DATABASE_URL=… npm run bench:seed -- [--scale 1] [--seed 2026] [--force] [--concurrency 2]

  --scale        fraction of the full volume (5,000 members, 20,000 discussions,
                 200,000 replies, 5,000 knowledge posts, 2,000 sessions, 20,000
                 recognitions, 1,000 mentors with 600 pairings, 4 pulse survey rounds of
                 3,000 responses); e.g. 0.02 for a quick trial
  --seed         random seed: the same seed gives the same data
  --force        seed even if the database has more members than the demo seed makes
  --concurrency  content chunks written in parallel (default 2)`;

function readArgs() {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "1" },
      seed: { type: "string", default: "2026" },
      force: { type: "boolean", default: false },
      concurrency: { type: "string", default: "2" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const scale = Number(values.scale);
  const seed = Number(values.seed);
  const concurrency = Number(values.concurrency);
  if (!(scale > 0 && scale <= 10) || !Number.isInteger(seed) || !(concurrency >= 1)) {
    console.error(USAGE);
    process.exit(1);
  }
  return { scale, seed, force: values.force, concurrency };
}

async function record(result: BenchSeedResult, url: string) {
  await mkdir(BENCH_DATA_DIR, { recursive: true });
  const file = path.join(BENCH_DATA_DIR, "seed.json");
  const recorded = {
    database: describeDatabase(url),
    seededAt: new Date().toISOString(),
    ...result,
  };
  await writeFile(file, `${JSON.stringify(recorded, null, 2)}\n`);
  return file;
}

async function main() {
  const args = readArgs();
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set: point it at a scratch PostgreSQL database.");
    process.exit(1);
  }
  console.log(`bench:seed → ${describeDatabase(url)}`);
  const result = await runBenchSeed(url, { ...args, log: console.log });
  const file = await record(result, url);
  console.log(`\nDone in ${result.seconds} s. Rows now in the database:`);
  console.table(result.counts);
  console.log(`"${BENCH_THREAD_TITLE}": /discussions/${result.benchThreadId}`);
  console.log(
    `Sign in as ${result.benchAccountEmail} (member) or ${result.benchLeaderEmail} (leader: /insights) ` +
      `with ${DEMO_PASSWORD}; search word "${result.searchWord}".`,
  );
  console.log(
    `Seconds per phase: ${Object.entries(result.phases)
      .map(([name, seconds]) => `${name} ${seconds}`)
      .join("; ")}.`,
  );
  console.log(`Recorded in ${file} (read by \`npm run bench\`).`);
  const wrong = Object.entries(result.mismatches).filter(([, n]) => n > 0);
  if (wrong.length) {
    console.error("Counters that disagree with their rows:");
    for (const [name, n] of wrong) console.error(`  ${name}: ${n} rows`);
    process.exit(1);
  }
  console.log("Counters agree with the rows.");
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
