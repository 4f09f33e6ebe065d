// `npm run bench [-- --duration 10 --routes discussions,search]`: load-tests a running
// production server (BASE_URL, default http://localhost:3000) as a signed-in member with
// autocannon, 1 connection then 20 per page; the leaders' pages (/insights) as a signed-in
// leader with 1 connection. floor-page is loaded first and again last, and each page is
// printed with its ratios to it, its weight (HTML, RSC payload, first-load JS) and issue 18's
// targets. `--digest` runs the digest benchmark instead (no server needed: it plans and sends
// every weekly digest in this process; scripts/bench/digest.ts). See docs/benchmarks.md.
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  BENCH_ACCOUNT,
  BENCH_DATA_DIR,
  BENCH_LEADER_ACCOUNT,
  BENCH_SEARCH_WORD,
} from "./bench/constants";
import { formatDigestResult, runDigestBench } from "./bench/digest";
import { signIn } from "./bench/http";
import { runLoad, waitUntilSettled, warmUp } from "./bench/load";
import { measurePageWeight, type ChunkSizeCache, type PageWeight } from "./bench/page-weight";
import {
  attachFloorRatios,
  evaluateTarget,
  ISSUE_18_TARGETS,
  meanFloor,
  type FloorRatios,
} from "./bench/ratios";
import {
  findBenchThread,
  formatFloorRuns,
  formatMachineLoad,
  formatPageWeights,
  formatTable,
  formatTargets,
  machine,
  readSeedRecord,
  writeReport,
  type RouteResult,
} from "./bench/report";
import {
  benchRoutes,
  checkRoute,
  DEFAULT_CONNECTIONS,
  DEFAULT_ROUTES,
  parseRouteNames,
  planRoutes,
  ROUTE_NAMES,
  type BenchRoute,
  type RouteName,
} from "./bench/routes";
import { DEMO_PASSWORD } from "../prisma/seed-data";

const USAGE = `Usage: [BASE_URL=http://localhost:3000] npm run bench -- [options]

  --duration N       seconds of load per page and connection count (default 10)
  --warm N           seconds of unmeasured load per page before the first measurement (default 3)
  --routes a,b       pages to load (default ${DEFAULT_ROUTES.join(",")}; known: ${ROUTE_NAMES.join(", ")});
                     with any page but the floors, floor-page is added and loaded first and last
  --connections 1,20 connection counts to run each page with (default ${DEFAULT_CONNECTIONS.join(",")}
                     for member pages, 1 for the leaders' insights pages)
  --email, --password  account to sign in as (default ${BENCH_ACCOUNT.email} / the demo password)
  --leader-email, --leader-password  account for the insights pages (default
                     ${BENCH_LEADER_ACCOUNT.email} / the demo password; must be a leader or admin)
  --discussion ID    the 100-reply discussion (default: looked up in DATABASE_URL or .data/bench/seed.json)
  --search WORD      the search query (default "${BENCH_SEARCH_WORD}")
  --out FILE         where to write the JSON (default ${BENCH_DATA_DIR}/latest.json, or digest.json)
  --digest           instead of the pages: plan and send every member's weekly digest on
                     DATABASE_URL (the bench seed) into a local counting SMTP server
  --digest-concurrency N  digest jobs (batches of members) each worker runs at once (default 4)
  --digest-workers N      worker processes sending digests (default 1: this process)`;

function readArgs() {
  const { values } = parseArgs({
    options: {
      duration: { type: "string", default: "10" },
      warm: { type: "string", default: "3" },
      routes: { type: "string", default: DEFAULT_ROUTES.join(",") },
      connections: { type: "string" },
      email: { type: "string", default: BENCH_ACCOUNT.email },
      password: { type: "string", default: DEMO_PASSWORD },
      "leader-email": { type: "string", default: BENCH_LEADER_ACCOUNT.email },
      "leader-password": { type: "string", default: DEMO_PASSWORD },
      discussion: { type: "string" },
      search: { type: "string", default: BENCH_SEARCH_WORD },
      out: { type: "string" },
      digest: { type: "boolean", default: false },
      "digest-concurrency": { type: "string", default: "4" },
      "digest-workers": { type: "string", default: "1" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const duration = Number(values.duration);
  const warm = Number(values.warm);
  const connections = values.connections?.split(",").map(Number);
  const digestConcurrency = Number(values["digest-concurrency"]);
  const digestWorkers = Number(values["digest-workers"]);
  if (
    !(duration > 0) ||
    !(warm >= 0) ||
    connections?.some((n) => !Number.isInteger(n) || n < 1) ||
    !(Number.isInteger(digestConcurrency) && digestConcurrency >= 1) ||
    !(Number.isInteger(digestWorkers) && digestWorkers >= 1)
  ) {
    console.error(USAGE);
    process.exit(1);
  }
  const out =
    values.out ?? path.join(BENCH_DATA_DIR, values.digest ? "digest.json" : "latest.json");
  return {
    ...values,
    out,
    duration,
    warm,
    connections,
    digestConcurrency,
    digestWorkers,
    routes: parseRouteNames(values.routes),
  };
}

/** Signs in once per account the selected pages need. */
async function signInFor(
  baseUrl: string,
  routes: readonly BenchRoute[],
  args: ReturnType<typeof readArgs>,
) {
  const accounts = {
    member: { email: args.email, password: args.password },
    leader: { email: args["leader-email"], password: args["leader-password"] },
  };
  const cookies: Partial<Record<BenchRoute["account"], string>> = {};
  for (const account of new Set(routes.map((route) => route.account))) {
    const { email, password } = accounts[account];
    console.log(`Signing in to ${baseUrl} as ${email}…`);
    cookies[account] = await signIn(baseUrl, email, password);
  }
  return (route: BenchRoute) => cookies[route.account]!;
}

async function digestMain(args: ReturnType<typeof readArgs>) {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set: point it at the bench seed.");
  const result = await runDigestBench({
    databaseUrl,
    concurrency: args.digestConcurrency,
    workers: args.digestWorkers,
    log: console.log,
  });
  console.log(`\n${formatDigestResult(result)}\n`);
  await writeReport(args.out, {
    finishedAt: new Date().toISOString(),
    benchmark: "digest",
    concurrency: args.digestConcurrency,
    workers: args.digestWorkers,
    machine: machine(),
    seed: await readSeedRecord().then((seed) => seed && { seededAt: seed.seededAt }),
    result,
  });
  console.log(`Written to ${args.out}`);
  if (result.failedJobs > 0 || result.received !== result.sent) process.exit(1);
}

/** Loads one page at each of its connection counts. */
async function loadRoute(
  baseUrl: string,
  route: BenchRoute,
  cookie: string,
  args: ReturnType<typeof readArgs>,
  run?: RouteResult["run"],
): Promise<RouteResult[]> {
  const url = new URL(route.path, baseUrl).href;
  await warmUp(url, cookie);
  if (route.settled) await waitUntilSettled(url, cookie, route.settled);
  const results: RouteResult[] = [];
  for (const connections of args.connections ?? route.connections) {
    const label = run ? `${route.name} (${run})` : route.name;
    process.stdout.write(`  ${label}, ${connections} connection(s), ${args.duration} s… `);
    const result = await runLoad({
      url,
      cookie,
      connections,
      seconds: args.duration,
      status: route.status,
    });
    console.log(`${result.requestsPerSecond} req/s, p95 ${result.latencyMs.p95} ms`);
    results.push({ route: route.name, path: route.path, ...(run && { run }), ...result });
  }
  return results;
}

/**
 * Every selected page under load for a few seconds, results dropped, before anything is
 * measured: a fresh server compiles and optimises its render code during its first
 * thousands of requests, and the first page measured (floor-page) would otherwise pay for it.
 */
async function warmServer(
  baseUrl: string,
  routes: readonly BenchRoute[],
  cookieFor: (route: BenchRoute) => string,
  seconds: number,
) {
  if (seconds <= 0) return;
  process.stdout.write(`Warming the server up: ${seconds} s per page… `);
  for (const route of routes) {
    const url = new URL(route.path, baseUrl).href;
    await runLoad({
      url,
      cookie: cookieFor(route),
      connections: 10,
      seconds,
      status: route.status,
    });
  }
  console.log("done.");
}

/** HTML, RSC payload and first-load JS of every selected page (not floor-file: a file). */
async function measurePages(
  baseUrl: string,
  routes: readonly BenchRoute[],
  cookieFor: (route: BenchRoute) => string,
): Promise<PageWeight[]> {
  const chunkSizes: ChunkSizeCache = new Map();
  const pages: PageWeight[] = [];
  for (const route of routes.filter((r) => r.name !== "floor-file")) {
    const cookie = cookieFor(route);
    pages.push(
      await measurePageWeight({ baseUrl, route: route.name, path: route.path, cookie, chunkSizes }),
    );
  }
  return pages;
}

/** Issue 18's thread targets are for a first page of 25 replies; say so when it was not that. */
function threadCaseNote(pages: readonly PageWeight[]): string {
  const thread = pages.find((page) => page.route === "discussion");
  if (!thread || thread.replies === 25) return "";
  return `\nNote: the thread page (discussion) rendered ${thread.replies} replies; issue 18's thread targets are for a first page of 25.`;
}

async function main() {
  const args = readArgs();
  if (args.digest) return digestMain(args);
  const loadAtStart = os.loadavg();
  const baseUrl = process.env.BASE_URL ?? "http://localhost:3000";
  const threadId = args.routes.includes("discussion") ? await findBenchThread(args.discussion) : "";
  const routes = benchRoutes({ threadId, searchWord: args.search });
  const plan = planRoutes(args.routes);
  const selected = [...new Set(plan.map(({ name }) => name))].map((name) => routes[name]);
  const cookieFor = await signInFor(baseUrl, selected, args);

  for (const route of selected) await checkRoute(baseUrl, cookieFor(route), route);
  console.log(`Checked: ${selected.map((r) => r.path).join(", ")} (200, expected content).`);
  const pages = await measurePages(baseUrl, selected, cookieFor);
  await warmServer(baseUrl, selected, cookieFor, args.warm);

  const loadResults: RouteResult[] = [];
  for (const { name, run } of plan) {
    const route = routes[name];
    loadResults.push(...(await loadRoute(baseUrl, route, cookieFor(route), args, run)));
  }
  const results = attachFloorRatios(loadResults);
  const targets = ISSUE_18_TARGETS.filter((t) => args.routes.includes(t.route as RouteName)).map(
    (target) => evaluateTarget(target, results.filter(hasRatios), pages),
  );
  const load = { start: loadAtStart, end: os.loadavg() };

  console.log(`\n${formatTable(results)}\n`);
  if (results.some((r) => r.run)) console.log(`${formatFloorRuns(results)}\n`);
  console.log(`${formatPageWeights(pages)}\n`);
  if (targets.length) console.log(`${formatTargets(targets)}${threadCaseNote(pages)}\n`);
  console.log(`${formatMachineLoad(load)}\n`);
  const seed = await readSeedRecord();
  await writeReport(args.out, {
    finishedAt: new Date().toISOString(),
    baseUrl,
    account: args.email,
    leaderAccount: selected.some((route) => route.account === "leader")
      ? args["leader-email"]
      : undefined,
    durationSeconds: args.duration,
    machine: machine(),
    load,
    seed: seed ? { database: seed.database, seededAt: seed.seededAt, counts: seed.counts } : null,
    results,
    floor: [...meanFloor(results.filter((r) => r.route === "floor-page")).values()],
    pages,
    targets,
  });
  console.log(`Written to ${args.out}`);
  const failed = results.filter((r) => r.errors > 0 || r.unexpectedStatus > 0);
  if (failed.length) {
    console.error(
      `Errors or unexpected statuses under load: ${failed.map((r) => `${r.route}×${r.connections}`).join(", ")}`,
    );
    process.exit(1);
  }
}

const hasRatios = (r: RouteResult): r is RouteResult & { ratios: FloorRatios } => !!r.ratios;

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
