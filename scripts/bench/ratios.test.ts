import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoadResult } from "./load";
import {
  countRenderedReplies,
  measurePageWeight,
  rscPayloadBytes,
  scriptSources,
  type ChunkSizeCache,
  type PageWeight,
} from "./page-weight";
import {
  attachFloorRatios,
  evaluateTarget,
  ISSUE_18_TARGETS,
  meanFloor,
  ratiosToFloor,
  type RatioRow,
  type Target,
} from "./ratios";
import { formatMachineLoad, formatPageWeights, formatTable, formatTargets } from "./report";
import { planRoutes } from "./routes";

/** A page Next.js 16 rendered (the build's _global-error.html, kept as .txt so prettier skips it). */
const REAL_PAGE = readFileSync(
  path.join(import.meta.dirname, "fixtures/next16-global-error.html.txt"),
  "utf8",
);

// A thread page shaped like the app's: a CSP nonce on every script, the RSC payload in
// several pushes (with non-ASCII text, so that bytes and characters differ), the reply form.
const NONCE = "ZmY5ZDFmNjYtYjA1Ni00ZjA0LWI1ZjYtZjM2ZDY2ODQ3OTBk";
const RSC_PUSHES = [
  "(self.__next_f=self.__next_f||[]).push([0])",
  String.raw`self.__next_f.push([1,"1:\"$Sreact.fragment\"\n2:I[4242,[\"/_next/static/chunks/3reply0form.js\"],\"ReplyForm\"]\n"])`,
  String.raw`self.__next_f.push([1,"3:[\"$\",\"li\",null,{\"id\":\"reply-cabcdefghijklmnopqrstuvwx\",\"children\":\"Café — ✓\"}]\n"])`,
];
const CHUNKS = {
  "/_next/static/chunks/2jkbqqs06vjls.js": "(globalThis.TURBOPACK=[]).push(function(){});".repeat(
    300,
  ),
  "/_next/static/chunks/1w3dq4tis8u5q.js":
    "var react={createElement:function(a,b){return[a,b]}};".repeat(200),
  "/_next/static/chunks/3reply0form.js?v=2&x=1": "export function ReplyForm(){return null}".repeat(
    50,
  ),
  "/_next/static/chunks/0ak8bj6iico8u.js": "self.__next_f=self.__next_f||[];".repeat(80),
};
const POLYFILLS = "/_next/static/chunks/0cz1d0mv5g_q7.js";
const script = (contents: string) => `<script nonce="${NONCE}">${contents}</script>`;
const THREAD_PAGE =
  `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>` +
  `<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/0ak8bj6iico8u.js" nonce="${NONCE}"/>` +
  `<script src="/_next/static/chunks/2jkbqqs06vjls.js" async="" nonce="${NONCE}"></script>` +
  `<script src="/_next/static/chunks/1w3dq4tis8u5q.js" async="" nonce="${NONCE}"></script>` +
  `<script src="/_next/static/chunks/3reply0form.js?v=2&amp;x=1" async="" nonce="${NONCE}"></script>` +
  `<script src="${POLYFILLS}" noModule="" nonce="${NONCE}"></script>` +
  `<title>Bench: discussion with 100 replies</title></head><body><main>` +
  `<h1 class="text-2xl font-semibold">Bench: discussion with 100 replies</h1><ol>` +
  `<li id="reply-cabcdefghijklmnopqrstuvwx" class="scroll-mt-4"><p>Café — ✓</p></li>` +
  `<li id="reply-cbcdefghijklmnopqrstuvwxy" class="scroll-mt-4"><p>Thanks, this helped.</p></li>` +
  `<li id="reply-ccdefghijklmnopqrstuvwxyz" class="scroll-mt-4"><p>Same here.</p></li></ol>` +
  `<section id="reply-form" aria-labelledby="reply-form-heading"><h2 id="reply-form-heading">Reply</h2></section>` +
  `</main>${RSC_PUSHES.map(script).join("")}` +
  `<script src="/_next/static/chunks/0ak8bj6iico8u.js" async="" nonce="${NONCE}"></script></body></html>`;

describe("page weight from HTML", () => {
  it("counts the bytes of the self.__next_f scripts' contents, not their tags or other scripts", () => {
    const expected = RSC_PUSHES.reduce((sum, s) => sum + Buffer.byteLength(s, "utf8"), 0);
    expect(expected).toBeGreaterThan(RSC_PUSHES.join("").length); // "é—✓" are several bytes each
    expect(rscPayloadBytes(THREAD_PAGE)).toBe(expected);
    // The real page: a `push([0])` (43 bytes) and one payload script (5,211), 9,004 bytes in all.
    expect(rscPayloadBytes(REAL_PAGE)).toBe(5_254);
    expect(Buffer.byteLength(REAL_PAGE)).toBe(9_004);
    expect(rscPayloadBytes("<script>self.__other.push(1)</script><p>self.__next_f</p>")).toBe(0);
  });

  it("lists each script src once, in order, without nomodule polyfills or preload links", () => {
    expect(scriptSources(THREAD_PAGE)).toEqual([
      "/_next/static/chunks/2jkbqqs06vjls.js",
      "/_next/static/chunks/1w3dq4tis8u5q.js",
      "/_next/static/chunks/3reply0form.js?v=2&x=1",
      "/_next/static/chunks/0ak8bj6iico8u.js",
    ]);
    expect(scriptSources(REAL_PAGE)).toEqual([
      "/_next/static/chunks/2jkbqqs06vjls.js",
      "/_next/static/chunks/1w3dq4tis8u5q.js",
      "/_next/static/chunks/2oslkcuntksag.js",
      "/_next/static/chunks/turbopack-077hmtqrhcoji.js",
      "/_next/static/chunks/438pd1kkcmlyd.js",
      "/_next/static/chunks/0ak8bj6iico8u.js",
    ]);
  });

  it("counts the replies rendered, not the reply form's ids or the RSC copy of an id", () => {
    expect(countRenderedReplies(THREAD_PAGE)).toBe(3);
    expect(countRenderedReplies(REAL_PAGE)).toBe(0);
  });
});

describe("measuring a page over HTTP", () => {
  let server: http.Server;
  let baseUrl: string;
  const requests: string[] = [];
  let pageCookie: string | undefined;

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const url = request.url ?? "";
      requests.push(url);
      if (url === "/discussions/cthread") {
        pageCookie = request.headers.cookie;
        return response.writeHead(200, { "content-type": "text/html" }).end(THREAD_PAGE);
      }
      const chunk = CHUNKS[url as keyof typeof CHUNKS];
      if (chunk) return response.writeHead(200).end(chunk);
      response.writeHead(500).end("not a first-load chunk");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("sums the gzip sizes of the page's chunks, fetching each chunk once per run", async () => {
    const chunkSizes: ChunkSizeCache = new Map();
    const input = { baseUrl, route: "discussion", path: "/discussions/cthread", cookie: "s=1" };
    const first = await measurePageWeight({ ...input, chunkSizes });
    const again = await measurePageWeight({ ...input, chunkSizes });
    const gzipped = Object.values(CHUNKS).reduce((sum, js) => sum + gzipSync(js).length, 0);
    expect(first).toEqual({
      route: "discussion",
      path: "/discussions/cthread",
      htmlBytes: Buffer.byteLength(THREAD_PAGE),
      rscPayloadBytes: rscPayloadBytes(THREAD_PAGE),
      scripts: 4,
      firstLoadJsGzipBytes: gzipped,
      replies: 3,
    });
    expect(again).toEqual(first);
    expect(pageCookie).toBe("s=1");
    expect(requests.filter((url) => url.startsWith("/_next/"))).toHaveLength(4);
    expect(requests).not.toContain(POLYFILLS);
  });
});

function load(connections: number, requestsPerSecond: number, p95: number, p99: number) {
  return {
    connections,
    seconds: 10,
    requests: requestsPerSecond * 10,
    requestsPerSecond,
    latencyMs: { p50: p95 / 2, p95, p99, max: p99 + 10 },
    errors: 0,
    timeouts: 0,
    non2xx: 0,
    unexpectedStatus: 0,
  } satisfies LoadResult;
}

describe("ratios to floor-page", () => {
  const floorFirst = { route: "floor-page", path: "/f", run: "first" as const };
  const floorLast = { route: "floor-page", path: "/f", run: "last" as const };
  const results = [
    { ...floorFirst, ...load(1, 300, 6, 9) },
    { ...floorFirst, ...load(20, 320, 110, 120) },
    { route: "discussions", path: "/discussions", ...load(1, 60, 25, 30) },
    { route: "discussions", path: "/discussions", ...load(20, 150, 500, 330) },
    { route: "floor-file", path: "/icon.svg", ...load(20, 900, 40, 50) },
    { route: "insights", path: "/insights", ...load(5, 10, 100, 120) },
    { ...floorLast, ...load(1, 200, 8, 11) },
    { ...floorLast, ...load(20, 280, 130, 140) },
  ];

  it("takes the mean of floor-page's first and last runs at each connection count", () => {
    const floor = meanFloor(results.filter((r) => r.route === "floor-page"));
    expect(floor.get(1)).toEqual({
      connections: 1,
      runs: 2,
      requestsPerSecond: 250,
      p95: 7,
      p99: 10,
    });
    expect(floor.get(20)).toEqual({
      connections: 20,
      runs: 2,
      requestsPerSecond: 300,
      p95: 120,
      p99: 130,
    });
  });

  it("divides req/s and p99 by the floor's and subtracts its p95", () => {
    const floor = { connections: 20, runs: 2, requestsPerSecond: 300, p95: 120, p99: 130 };
    expect(ratiosToFloor(load(20, 150, 500, 325), floor)).toEqual({
      requestsPerSecond: 0.5,
      p99: 2.5,
      p95OverFloorMs: 380,
    });
    const silentFloor = { ...floor, requestsPerSecond: 0, p99: 0 };
    expect(ratiosToFloor(load(20, 150, 500, 325), silentFloor)).toMatchObject({
      requestsPerSecond: null,
      p99: null,
    });
  });

  it("gives each page its ratios at its connection count, and none to the floors", () => {
    const withRatios = attachFloorRatios(results);
    const ratiosOf = (route: string, connections: number) =>
      withRatios.find((r) => r.route === route && r.connections === connections)?.ratios;
    expect(ratiosOf("discussions", 20)).toEqual({
      requestsPerSecond: 0.5,
      p99: 330 / 130,
      p95OverFloorMs: 380,
    });
    expect(ratiosOf("discussions", 1)).toEqual({
      requestsPerSecond: 60 / 250,
      p99: 3,
      p95OverFloorMs: 18,
    });
    expect(ratiosOf("floor-page", 20)).toBeUndefined();
    expect(ratiosOf("floor-file", 20)).toBeUndefined();
    expect(ratiosOf("insights", 5)).toBeUndefined(); // no floor at 5 connections
  });
});

describe("issue 18's targets", () => {
  const row = (route: string, connections: number, r: Partial<RatioRow["ratios"]>): RatioRow => ({
    route,
    connections,
    ratios: { requestsPerSecond: 1, p99: 1, p95OverFloorMs: 0, ...r },
  });
  const page = (route: string, htmlBytes: number, firstLoadJsGzipBytes: number): PageWeight => ({
    route,
    path: "/",
    htmlBytes,
    rscPayloadBytes: 0,
    scripts: 1,
    firstLoadJsGzipBytes,
    replies: 0,
  });
  const target = (route: string, metric: Target["metric"], connections?: number) => {
    const found = ISSUE_18_TARGETS.find(
      (t) => t.route === route && t.metric === metric && t.connections === connections,
    );
    if (!found) throw new Error(`no target ${route} ${metric} ${connections}`);
    return found;
  };
  const mark = (t: Target, rows: RatioRow[], pages: PageWeight[] = []) =>
    evaluateTarget(t, rows, pages).mark;

  it("are the issue's: list ≥ 0.5× req/s, thread ≥ 0.4×, both p99 ≤ 3× at 20 connections", () => {
    const list = target("discussions", "requestsPerSecondRatio", 20);
    expect(mark(list, [row("discussions", 20, { requestsPerSecond: 0.5 })])).toBe("pass");
    expect(mark(list, [row("discussions", 20, { requestsPerSecond: 0.49 })])).toBe("miss");
    expect(mark(list, [row("discussions", 1, { requestsPerSecond: 0.9 })])).toBe("not measured");
    const thread = target("discussion", "requestsPerSecondRatio", 20);
    expect(mark(thread, [row("discussion", 20, { requestsPerSecond: 0.4 })])).toBe("pass");
    expect(mark(thread, [row("discussion", 20, { requestsPerSecond: 0.39 })])).toBe("miss");
    for (const route of ["discussions", "discussion"]) {
      const p99 = target(route, "p99Ratio", 20);
      expect(mark(p99, [row(route, 20, { p99: 3 })])).toBe("pass");
      expect(mark(p99, [row(route, 20, { p99: 3.01 })])).toBe("miss");
      expect(mark(p99, [row(route, 20, { p99: null })])).toBe("not measured");
    }
  });

  it("allow floor + 15 ms p95 at 1 connection, home floor + 30 ms", () => {
    for (const route of ["discussions", "discussion", "posts", "search"]) {
      const p95 = target(route, "p95OverFloorMs", 1);
      expect(mark(p95, [row(route, 1, { p95OverFloorMs: 15 })])).toBe("pass");
      expect(mark(p95, [row(route, 1, { p95OverFloorMs: 15.1 })])).toBe("miss");
    }
    const home = target("home", "p95OverFloorMs", 1);
    expect(mark(home, [row("home", 1, { p95OverFloorMs: 30 })])).toBe("pass");
    expect(mark(home, [row("home", 1, { p95OverFloorMs: 30.1 })])).toBe("miss");
  });

  it("hold the list to 60 kB of HTML, the thread to 100 kB, both to 150 kB of gzipped JS", () => {
    const html = (route: string) => target(route, "htmlBytes");
    const js = (route: string) => target(route, "firstLoadJsGzipBytes");
    expect(mark(html("discussions"), [], [page("discussions", 60_000, 0)])).toBe("pass");
    expect(mark(html("discussions"), [], [page("discussions", 60_001, 0)])).toBe("miss");
    expect(mark(html("discussion"), [], [page("discussion", 100_000, 0)])).toBe("pass");
    expect(mark(html("discussion"), [], [page("discussion", 100_001, 0)])).toBe("miss");
    for (const route of ["discussions", "discussion"]) {
      expect(mark(js(route), [], [page(route, 0, 150_000)])).toBe("pass");
      expect(mark(js(route), [], [page(route, 0, 150_001)])).toBe("miss");
      expect(mark(js(route), [], [page("posts", 0, 1)])).toBe("not measured");
    }
    expect(ISSUE_18_TARGETS).toHaveLength(13);
  });

  it("print beside the value measured, with its mark", () => {
    const rows = [row("discussions", 20, { requestsPerSecond: 0.234, p99: 4.1 })];
    const pages = [page("discussions", 130_200, 140_300)];
    const printed = formatTargets(
      ISSUE_18_TARGETS.filter((t) => t.route === "discussions").map((t) =>
        evaluateTarget(t, rows, pages),
      ),
    ).split("\n");
    expect(printed[0]).toMatch(/^route\s+target \(issue 18\)\s+measured\s+mark$/);
    expect(printed).toContainEqual(
      expect.stringMatching(/req\/s at 20 conns ≥ 0.5 × floor\s+0.23 ×\s+miss$/),
    );
    expect(printed).toContainEqual(
      expect.stringMatching(/p99 at 20 conns ≤ 3 × floor\s+4.10 ×\s+miss$/),
    );
    expect(printed).toContainEqual(
      expect.stringMatching(/p95 at 1 conn ≤ floor \+ 15 ms\s+–\s+not measured$/),
    );
    expect(printed).toContainEqual(expect.stringMatching(/HTML ≤ 60.0 kB\s+130.2 kB\s+miss$/));
    expect(printed).toContainEqual(
      expect.stringMatching(/first-load JS ≤ 150.0 kB gzip\s+140.3 kB\s+pass$/),
    );
  });
});

describe("the run's plan and printout", () => {
  it("loads floor-page first and again last whenever a page of the app is selected", () => {
    expect(planRoutes(["discussions", "floor-page", "home"])).toEqual([
      { name: "floor-page", run: "first" },
      { name: "discussions" },
      { name: "home" },
      { name: "floor-page", run: "last" },
    ]);
    expect(planRoutes(["insights"]).map((p) => p.run ?? p.name)).toEqual([
      "first",
      "insights",
      "last",
    ]);
    expect(planRoutes(["floor-file", "floor-page"])).toEqual([
      { name: "floor-file" },
      { name: "floor-page" },
    ]);
  });

  it("prints the ratios beside each page's figures, blank for the floor", () => {
    const table = formatTable(
      attachFloorRatios([
        { route: "floor-page", path: "/f", run: "first", ...load(20, 300, 120, 130) },
        { route: "discussions", path: "/discussions", ...load(20, 150, 500, 325) },
      ]),
    ).split("\n");
    expect(table[0]).toMatch(/bad status  req\/s ÷ floor  p99 ÷ floor  p95 − floor ms$/);
    expect(table[2]).toMatch(/^floor-page \(first\)\s+20\s.*\s0$/);
    expect(table[3]).toMatch(/^discussions\s+20\s.*\s0\s+0.50\s+2.50\s+\+380.0$/);
  });

  it("prints the pages' weight with the reply count, and the machine load", () => {
    const printed = formatPageWeights([
      {
        ...{ route: "discussion", path: "/d", htmlBytes: 214_000, rscPayloadBytes: 89_880 },
        scripts: 14,
        firstLoadJsGzipBytes: 161_234,
        replies: 25,
      },
    ]).split("\n");
    expect(printed[2]).toMatch(/^discussion\s+214.0 kB\s+89.9 kB\s+42 %\s+14\s+161.2 kB\s+25$/);
    expect(formatMachineLoad({ start: [0.5, 0.61, 0.7], end: [1.9, 1.2, 0.85] })).toBe(
      "Machine load (1, 5, 15 min): 0.50 0.61 0.70 at start, 1.90 1.20 0.85 at end.",
    );
  });
});
