// The pages the benchmark loads, and how to tell that each one really rendered its content
// (not the sign-in page, an error page or an empty list) before putting load on it.
import { BENCH_THREAD_TITLE } from "./constants";

export interface BenchRoute {
  name: string;
  path: string;
  /** What is wrong with this page's HTML, or null when it shows what it should. */
  problem: (html: string) => string | null;
  /** Who loads it: the member account, or the leader account (pages only leaders see). */
  account: "member" | "leader";
  /**
   * Connection counts it is loaded with unless --connections says otherwise. The leaders'
   * pages are for a few people at once, so one connection (the issue's p95 target).
   */
  connections: readonly number[];
  /**
   * Whether the page is in its steady state, checked before it is measured: the insights
   * pages are measured once the activity roll-up their first view starts rebuilding is in.
   */
  settled?: (html: string) => boolean;
  /** The status it answers when it works (200 unless said otherwise). */
  status?: number;
}

/** The insights pages say "Counts activity up to now." while the roll-up is missing or stale. */
export const ROLLUP_SETTLED = (html: string) => !html.includes("Counts activity up to now.");

/** A link to a record (ids are cuids), so that "New discussion" links do not count. */
const linkTo = (prefix: string) => new RegExp(`href="${prefix}/c[a-z0-9]{20,}`);

const requires = (pattern: RegExp, what: string) => (html: string) =>
  pattern.test(html) ? null : `expected ${what}`;

export const ROUTE_NAMES = [
  "discussions",
  "discussion",
  "search",
  "posts",
  "home",
  "members",
  "insights",
  "insights-report",
  "floor-page",
  "floor-file",
] as const;
export type RouteName = (typeof ROUTE_NAMES)[number];
export const DEFAULT_ROUTES: RouteName[] = [
  "discussions",
  "discussion",
  "search",
  "posts",
  "home",
  "insights",
  "insights-report",
];

/** Connection counts for the member pages when --connections is not given. */
export const DEFAULT_CONNECTIONS = [1, 20] as const;
const LEADER_CONNECTIONS = [1] as const;

export function benchRoutes(input: {
  threadId: string;
  searchWord: string;
}): Record<RouteName, BenchRoute> {
  const escapedTitle = BENCH_THREAD_TITLE.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const member = { account: "member", connections: DEFAULT_CONNECTIONS } as const;
  const leader = {
    account: "leader",
    connections: LEADER_CONNECTIONS,
    settled: ROLLUP_SETTLED,
  } as const;
  return {
    discussions: {
      name: "discussions",
      path: "/discussions",
      problem: requires(linkTo("/discussions"), "links to discussions"),
      ...member,
    },
    discussion: {
      name: "discussion",
      path: `/discussions/${input.threadId}`,
      problem: requires(new RegExp(escapedTitle), `the title "${BENCH_THREAD_TITLE}"`),
      ...member,
    },
    search: {
      name: "search",
      path: `/search?q=${encodeURIComponent(input.searchWord)}`,
      problem: requires(
        new RegExp(`${linkTo("/discussions").source}|${linkTo("/posts").source}`),
        `search results for "${input.searchWord}"`,
      ),
      ...member,
    },
    posts: {
      name: "posts",
      path: "/posts",
      problem: requires(linkTo("/posts"), "links to posts"),
      ...member,
    },
    home: {
      name: "home",
      path: "/",
      problem: requires(/<h1[^>]*>Welcome/, 'the "Welcome" heading'),
      ...member,
    },
    members: {
      name: "members",
      path: "/members",
      problem: requires(linkTo("/members"), "links to member profiles"),
      ...member,
    },
    // The community health dashboard for the default period (the last 90 days).
    insights: {
      name: "insights",
      path: "/insights",
      problem: requires(
        /<h2[^>]*>(?:<[^>]+>)*\s*Participation[\s\S]*<h2[^>]*>(?:<[^>]+>)*\s*Mentoring/,
        'the "Participation" to "Mentoring" sections',
      ),
      ...leader,
    },
    // The printable review report for the default period.
    "insights-report": {
      name: "insights-report",
      path: "/insights/report",
      problem: requires(
        /<h1[^>]*>(?:<[^>]+>)*\s*Learning culture review/,
        'the "Learning culture review" heading',
      ),
      ...leader,
    },
    // The floors: what the server does with no data and no app code. An address no route
    // matches renders the root layout and the not-found page (about 10 kB); the icon is a
    // file. No page of the app can answer faster than these.
    "floor-page": {
      name: "floor-page",
      path: "/bench-floor-no-such-page",
      problem: requires(/<h1[^>]*>Page not found/, 'the "Page not found" heading'),
      status: 404,
      ...member,
    },
    "floor-file": {
      name: "floor-file",
      path: "/icon.svg",
      problem: requires(/<svg/, "an SVG image"),
      ...member,
    },
  };
}

/** One load run of the plan; floor-page's two runs are told apart by `run`. */
export interface PlannedRoute {
  name: RouteName;
  run?: "first" | "last";
}

/**
 * The order pages are loaded in. With any route but the floors selected, floor-page (which
 * the ratios and issue 18's targets are relative to) is loaded first and again last, so that
 * a machine whose speed drifts during the run shows as two different floors.
 */
export function planRoutes(names: readonly RouteName[]): PlannedRoute[] {
  const others = names.filter((name) => name !== "floor-page");
  if (others.every((name) => name === "floor-file")) return names.map((name) => ({ name }));
  return [
    { name: "floor-page", run: "first" },
    ...others.map((name) => ({ name })),
    { name: "floor-page", run: "last" },
  ];
}

export function parseRouteNames(list: string): RouteName[] {
  const names = list
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !(ROUTE_NAMES as readonly string[]).includes(name));
  if (unknown.length) {
    throw new Error(`Unknown route(s): ${unknown.join(", ")}. Known: ${ROUTE_NAMES.join(", ")}.`);
  }
  return names as RouteName[];
}

/**
 * Loads the page once as the signed-in member and fails loudly unless it answers its status
 * (200 for every page but the not-found floor) with the expected content (a 3xx to /signin
 * means the session cookie was not accepted).
 */
export async function checkRoute(baseUrl: string, cookie: string, route: BenchRoute) {
  const response = await fetch(new URL(route.path, baseUrl), {
    headers: { cookie },
    redirect: "manual",
  });
  const where = `${route.name} (${route.path})`;
  if (response.status !== (route.status ?? 200)) {
    const location = response.headers.get("location");
    const hint = location?.includes("/signin") ? " — signed out: authentication failed" : "";
    throw new Error(
      `${where} answered ${response.status}${location ? ` → ${location}` : ""}${hint}.`,
    );
  }
  const problem = route.problem(await response.text());
  if (problem)
    throw new Error(`${where} answered 200 but without ${problem.replace(/^expected /, "")}.`);
}
