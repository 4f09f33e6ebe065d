// The benchmark's outputs: a table on the terminal and a JSON file.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { BENCH_DATA_DIR, BENCH_THREAD_TITLE } from "./constants";
import type { LoadResult } from "./load";
import type { PageWeight } from "./page-weight";
import type { FloorRatios, Target, TargetResult } from "./ratios";

export interface RouteResult extends LoadResult {
  route: string;
  path: string;
  /** floor-page's runs: the first and the last of the run. */
  run?: "first" | "last";
  /** Against floor-page's mean at the same connection count (pages of the app only). */
  ratios?: FloorRatios;
}

/** Columns padded to their widest cell; the first `leftAligned` columns flush left. */
function alignedTable(header: string[], rows: string[][], leftAligned = 1): string {
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => row[i]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i < leftAligned ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

const fixed = (n: number | null | undefined, digits: number) =>
  n === null || n === undefined ? "–" : n.toFixed(digits);
const signed = (n: number) => `${n >= 0 ? "+" : ""}${n.toFixed(1)}`;
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

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
    "req/s ÷ floor",
    "p99 ÷ floor",
    "p95 − floor ms",
  ];
  const rows = results.map((r) => [
    r.run ? `${r.route} (${r.run})` : r.route,
    ...[
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
    r.ratios ? fixed(r.ratios.requestsPerSecond, 2) : "",
    r.ratios ? fixed(r.ratios.p99, 2) : "",
    r.ratios ? signed(r.ratios.p95OverFloorMs) : "",
  ]);
  return alignedTable(header, rows);
}

/** floor-page's first and last runs side by side, so that a drifting machine shows. */
export function formatFloorRuns(results: readonly RouteResult[]): string {
  const runs = results.filter((r) => r.route === "floor-page" && r.run);
  const counts = [...new Set(runs.map((r) => r.connections))];
  const parts = counts.map((connections) => {
    const [first, last] = (["first", "last"] as const).map((run) =>
      runs.find((r) => r.connections === connections && r.run === run),
    );
    if (!first || !last) return "";
    return (
      `${connections} conn${connections === 1 ? "" : "s"} ${first.requestsPerSecond} → ${last.requestsPerSecond} req/s ` +
      `(p95 ${first.latencyMs.p95} → ${last.latencyMs.p95} ms, p99 ${first.latencyMs.p99} → ${last.latencyMs.p99} ms)`
    );
  });
  return `floor-page, first → last run: ${parts.filter(Boolean).join("; ")}. The ratios use the mean of the two.`;
}

export function formatPageWeights(pages: readonly PageWeight[]): string {
  const header = [
    "page",
    "HTML",
    "RSC payload",
    "RSC share",
    "JS chunks",
    "first-load JS gzip",
    "replies",
  ];
  const rows = pages.map((p) => [
    p.route,
    kB(p.htmlBytes),
    kB(p.rscPayloadBytes),
    p.htmlBytes ? `${Math.round((100 * p.rscPayloadBytes) / p.htmlBytes)} %` : "–",
    String(p.scripts),
    kB(p.firstLoadJsGzipBytes),
    String(p.replies),
  ]);
  return alignedTable(header, rows);
}

const conns = (n: number | undefined) => `${n} conn${n === 1 ? "" : "s"}`;

function describeTarget(t: Target): string {
  const bound = t.atLeast !== undefined ? `≥ ${t.atLeast}` : `≤ ${t.atMost}`;
  switch (t.metric) {
    case "requestsPerSecondRatio":
      return `req/s at ${conns(t.connections)} ${bound} × floor`;
    case "p99Ratio":
      return `p99 at ${conns(t.connections)} ${bound} × floor`;
    case "p95OverFloorMs":
      return `p95 at ${conns(t.connections)} ≤ floor + ${t.atMost} ms`;
    case "htmlBytes":
      return `HTML ≤ ${kB(t.atMost!)}`;
    case "firstLoadJsGzipBytes":
      return `first-load JS ≤ ${kB(t.atMost!)} gzip`;
  }
}

function describeValue(t: TargetResult): string {
  if (t.value === null) return "–";
  if (t.metric === "p95OverFloorMs") return `${signed(t.value)} ms`;
  if (t.metric === "htmlBytes" || t.metric === "firstLoadJsGzipBytes") return kB(t.value);
  return `${t.value.toFixed(2)} ×`;
}

/** Issue 18's targets with the value measured and pass / miss. */
export function formatTargets(results: readonly TargetResult[]): string {
  const rows = results.map((t) => [t.route, describeTarget(t), describeValue(t), t.mark]);
  return alignedTable(["route", "target (issue 18)", "measured", "mark"], rows, 2);
}

/** os.loadavg() at the start and the end of the run. */
export function formatMachineLoad(load: { start: number[]; end: number[] }): string {
  const three = (values: number[]) => values.map((v) => v.toFixed(2)).join(" ");
  return `Machine load (1, 5, 15 min): ${three(load.start)} at start, ${three(load.end)} at end.`;
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
