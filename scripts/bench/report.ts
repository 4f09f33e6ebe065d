// The benchmark's outputs: a table on the terminal and a JSON file.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { BENCH_DATA_DIR, BENCH_THREAD_TITLE } from "./constants";
import type { LoadResult } from "./load";

export interface RouteResult extends LoadResult {
  route: string;
  path: string;
}

export function formatTable(results: readonly RouteResult[]): string {
  const header = [
    "route",
    "conns",
    "requests",
    "req/s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "max ms",
    "errors",
    "bad status",
  ];
  const rows = results.map((r) =>
    [
      r.route,
      r.connections,
      r.requests,
      r.requestsPerSecond,
      r.latencyMs.p50,
      r.latencyMs.p95,
      r.latencyMs.p99,
      r.latencyMs.max,
      r.errors,
      r.unexpectedStatus,
    ].map(String),
  );
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => row[i]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export async function writeReport(file: string, report: Record<string, unknown>) {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
}

export function machine() {
  return {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "",
  };
}

/** What `npm run bench:seed` recorded, if it ran from this folder. */
export async function readSeedRecord(): Promise<Record<string, unknown> | null> {
  try {
    return JSON.parse(await readFile(path.join(BENCH_DATA_DIR, "seed.json"), "utf8"));
  } catch {
    return null;
  }
}

/**
 * The id of the 100-reply discussion: given; else looked up by title in DATABASE_URL when it
 * is set (the database the server uses); else what bench:seed last recorded here.
 */
export async function findBenchThread(given: string | undefined): Promise<string> {
  if (given) return given;
  const url = process.env.DATABASE_URL;
  if (url) {
    const id = await lookUpBenchThread(url);
    if (id) return id;
    throw new Error(
      `"${BENCH_THREAD_TITLE}" is not in DATABASE_URL: run \`npm run bench:seed\` against it first, or pass --discussion <id>.`,
    );
  }
  const recorded = await readSeedRecord();
  if (typeof recorded?.benchThreadId === "string") return recorded.benchThreadId;
  throw new Error(
    `Cannot find "${BENCH_THREAD_TITLE}": run \`npm run bench:seed\` first, set DATABASE_URL to the ` +
      "seeded database, or pass --discussion <id>.",
  );
}

async function lookUpBenchThread(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT "id" FROM "Discussion" WHERE "title" = $1 ORDER BY "createdAt" LIMIT 1`,
      [BENCH_THREAD_TITLE],
    );
    return rows[0]?.id;
  } finally {
    await client.end();
  }
}
