import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BENCH_THREAD_TITLE } from "./constants";
import { planReplyCounts } from "./discussions";
import { CookieJar } from "./http";
import { percentile } from "./load";
import { createIdFactory, createRandom } from "./random";
import { formatTable } from "./report";
import { benchRoutes, checkRoute, parseRouteNames } from "./routes";
import { discussionBody, discussionTitle, postBody, questionTitle } from "./text";

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe("bench text", () => {
  const random = createRandom(7);

  it("writes titles of 4–12 words and discussion bodies of 30–300 words", () => {
    for (let i = 0; i < 500; i++) {
      for (const title of [questionTitle(random), discussionTitle(random)]) {
        expect(words(title)).toBeGreaterThanOrEqual(4);
        expect(words(title)).toBeLessThanOrEqual(12);
      }
      const body = discussionBody(random);
      expect(words(body)).toBeGreaterThanOrEqual(30);
      expect(words(body)).toBeLessThanOrEqual(300);
    }
  });

  it("gives lessons learned the three reflection prompts", () => {
    const body = postBody("LESSON_LEARNED", random);
    expect(body).toMatch(
      /## What happened[\s\S]*## What we learned[\s\S]*## What we'd do differently/,
    );
  });

  it("is the same text for the same seed", () => {
    expect(discussionBody(createRandom(3))).toBe(discussionBody(createRandom(3)));
  });
});

describe("bench ids and reply counts", () => {
  it("makes distinct cuid-shaped ids", () => {
    const newId = createIdFactory(createRandom(1));
    const ids = Array.from({ length: 10_000 }, newId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 50)) expect(id).toMatch(/^c[a-z0-9]{24}$/);
  });

  it("plans exactly the total, the first thread exactly 100, most threads short", () => {
    const counts = planReplyCounts(createRandom(2), 20_000, 200_000, 100);
    expect(counts[0]).toBe(100);
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(200_000);
    expect(counts.filter((n) => n <= 20).length / counts.length).toBeGreaterThan(0.8);
    expect(Math.max(...counts)).toBeGreaterThan(100);
    expect(Math.min(...counts)).toBe(0);
  });
});

describe("bench measurement helpers", () => {
  it("computes nearest-rank percentiles", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 0.95)).toBe(95);
    expect(percentile(sorted, 0.99)).toBe(99);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBe(0);
  });

  it("keeps cookies from Set-Cookie and drops expired ones", () => {
    const jar = new CookieJar();
    const headers = new Headers();
    headers.append("set-cookie", "authjs.csrf-token=abc%7Cdef; Path=/; HttpOnly");
    headers.append("set-cookie", "authjs.session-token=jwt; Path=/; HttpOnly; SameSite=Lax");
    jar.absorb(new Response(null, { headers }));
    expect(jar.has(/session-token/)).toBe(true);
    expect(jar.header()).toBe("authjs.csrf-token=abc%7Cdef; authjs.session-token=jwt");
    const expiry = new Headers({ "set-cookie": "authjs.session-token=; Max-Age=0; Path=/" });
    jar.absorb(new Response(null, { headers: expiry }));
    expect(jar.has(/session-token/)).toBe(false);
  });

  it("prints one aligned row per route and connection count", () => {
    const table = formatTable([
      {
        route: "discussions",
        path: "/discussions",
        connections: 20,
        seconds: 10,
        requests: 1234,
        requestsPerSecond: 123.4,
        latencyMs: { p50: 150, p95: 300.5, p99: 410, max: 500 },
        errors: 0,
        timeouts: 0,
        non2xx: 0,
      },
    ]);
    expect(table.split("\n")).toHaveLength(3);
    expect(table).toContain("req/s");
    expect(table).toContain("300.5");
  });

  it("rejects unknown route names", () => {
    expect(parseRouteNames("home, search")).toEqual(["home", "search"]);
    expect(() => parseRouteNames("home,nope")).toThrow(/Unknown route\(s\): nope/);
  });
});

describe("checking a page before loading it", () => {
  let server: http.Server;
  let baseUrl: string;
  const pages: Record<string, [number, string, Record<string, string>?]> = {
    "/discussions": [200, '<a href="/discussions/new">New</a>'],
    "/posts": [200, '<a href="/posts/cabcdefghijklmnopqrstuvwx">A post</a>'],
    "/": [307, "", { location: "/signin?callbackUrl=%2F" }],
    "/discussions/cthread00000000000000000001": [200, `<h1>${BENCH_THREAD_TITLE}</h1>`],
  };

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const [status, body, headers] = pages[request.url ?? ""] ?? [404, "Not found"];
      response.writeHead(status, headers).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const routes = benchRoutes({ threadId: "cthread00000000000000000001", searchWord: "onboarding" });

  it("accepts a 200 with the expected content", async () => {
    await expect(checkRoute(baseUrl, "", routes.posts)).resolves.toBeUndefined();
    await expect(checkRoute(baseUrl, "", routes.discussion)).resolves.toBeUndefined();
  });

  it("fails loudly on a redirect to sign-in, a 404, or a page without its content", async () => {
    await expect(checkRoute(baseUrl, "", routes.home)).rejects.toThrow(
      /answered 307 → \/signin.*authentication failed/,
    );
    await expect(checkRoute(baseUrl, "", routes.search)).rejects.toThrow(/answered 404/);
    await expect(checkRoute(baseUrl, "", routes.discussions)).rejects.toThrow(
      /200 but without links to discussions/,
    );
  });
});
