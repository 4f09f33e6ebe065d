// Each page against floor-page measured in the same run, and issue 18's targets, which are
// ratios to that floor (absolute figures vary too much from day to day on a shared machine).
import type { LoadResult } from "./load";
import type { PageWeight } from "./page-weight";

/** floor-page's figures at one connection count: the mean of its runs (first and last). */
export interface FloorFigures {
  connections: number;
  runs: number;
  requestsPerSecond: number;
  p95: number;
  p99: number;
}

export interface FloorRatios {
  /** The page's req/s ÷ the floor's (null when the floor answered nothing). */
  requestsPerSecond: number | null;
  /** The page's p99 ÷ the floor's. */
  p99: number | null;
  /** The page's p95 − the floor's, in ms. */
  p95OverFloorMs: number;
}

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/** The floor's mean figures at each connection count it was measured with. */
export function meanFloor(runs: readonly LoadResult[]): Map<number, FloorFigures> {
  const floor = new Map<number, FloorFigures>();
  for (const connections of new Set(runs.map((run) => run.connections))) {
    const same = runs.filter((run) => run.connections === connections);
    floor.set(connections, {
      connections,
      runs: same.length,
      requestsPerSecond: mean(same.map((run) => run.requestsPerSecond)),
      p95: mean(same.map((run) => run.latencyMs.p95)),
      p99: mean(same.map((run) => run.latencyMs.p99)),
    });
  }
  return floor;
}

const divide = (a: number, b: number) => (b > 0 ? a / b : null);

export function ratiosToFloor(result: LoadResult, floor: FloorFigures): FloorRatios {
  return {
    requestsPerSecond: divide(result.requestsPerSecond, floor.requestsPerSecond),
    p99: divide(result.latencyMs.p99, floor.p99),
    p95OverFloorMs: result.latencyMs.p95 - floor.p95,
  };
}

export type Metric =
  "requestsPerSecondRatio" | "p99Ratio" | "p95OverFloorMs" | "htmlBytes" | "firstLoadJsGzipBytes";

export interface Target {
  route: string;
  metric: Metric;
  /** For the load metrics: the connection count it is measured at. */
  connections?: number;
  atLeast?: number;
  atMost?: number;
}

const KB = 1000;

/** Issue 18's targets ("Targets"): ratios to floor-page at 20 connections, p95 over it at 1. */
export const ISSUE_18_TARGETS: readonly Target[] = [
  { route: "discussions", metric: "requestsPerSecondRatio", connections: 20, atLeast: 0.5 },
  { route: "discussions", metric: "p99Ratio", connections: 20, atMost: 3 },
  { route: "discussion", metric: "requestsPerSecondRatio", connections: 20, atLeast: 0.4 },
  { route: "discussion", metric: "p99Ratio", connections: 20, atMost: 3 },
  ...["discussions", "discussion", "posts", "search"].map((route) => ({
    route,
    metric: "p95OverFloorMs" as const,
    connections: 1,
    atMost: 15,
  })),
  { route: "home", metric: "p95OverFloorMs", connections: 1, atMost: 30 },
  { route: "discussions", metric: "htmlBytes", atMost: 60 * KB },
  { route: "discussion", metric: "htmlBytes", atMost: 100 * KB },
  { route: "discussions", metric: "firstLoadJsGzipBytes", atMost: 150 * KB },
  { route: "discussion", metric: "firstLoadJsGzipBytes", atMost: 150 * KB },
];

/** One page at one connection count, with its ratios to the floor at that count. */
export interface RatioRow {
  route: string;
  connections: number;
  ratios: FloorRatios;
}

export interface TargetResult extends Target {
  value: number | null;
  mark: "pass" | "miss" | "not measured";
}

function metricValue(
  target: Target,
  rows: readonly RatioRow[],
  pages: readonly PageWeight[],
): number | null {
  if (target.metric === "htmlBytes" || target.metric === "firstLoadJsGzipBytes") {
    return pages.find((page) => page.route === target.route)?.[target.metric] ?? null;
  }
  const row = rows.find((r) => r.route === target.route && r.connections === target.connections);
  if (!row) return null;
  if (target.metric === "requestsPerSecondRatio") return row.ratios.requestsPerSecond;
  if (target.metric === "p99Ratio") return row.ratios.p99;
  return row.ratios.p95OverFloorMs;
}

export function evaluateTarget(
  target: Target,
  rows: readonly RatioRow[],
  pages: readonly PageWeight[],
): TargetResult {
  const value = metricValue(target, rows, pages);
  if (value === null) return { ...target, value, mark: "not measured" };
  const pass =
    (target.atLeast === undefined || value >= target.atLeast) &&
    (target.atMost === undefined || value <= target.atMost);
  return { ...target, value, mark: pass ? "pass" : "miss" };
}

/**
 * Each result of a page of the app with its ratios to floor-page's mean at the same
 * connection count (none for the floors themselves, or where the floor was not measured).
 */
export function attachFloorRatios<T extends LoadResult & { route: string }>(
  results: readonly T[],
): (T & { ratios?: FloorRatios })[] {
  const floor = meanFloor(results.filter((r) => r.route === "floor-page"));
  return results.map((result) => {
    const figures = floor.get(result.connections);
    if (result.route === "floor-page" || result.route === "floor-file" || !figures) return result;
    return { ...result, ratios: ratiosToFloor(result, figures) };
  });
}
