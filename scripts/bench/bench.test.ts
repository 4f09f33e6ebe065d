import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BENCH_THREAD_TITLE } from "./constants";
import { describePeople, type SeedContext } from "./context";
import { addMentorship } from "./mentorship";
import { addRecognition, teamsForRecognition } from "./recognition";
import { addSession, planSessions } from "./sessions";
import { addResponses, addSurveys } from "./surveys";
import { createWriters } from "./tables";
import { planReplyCounts } from "./discussions";
import { CookieJar } from "./http";
import { percentile, runLoad } from "./load";
import { createIdFactory, createRandom } from "./random";
import { formatTable } from "./report";
import { benchRoutes, checkRoute, DEFAULT_ROUTES, parseRouteNames } from "./routes";
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

describe("bench generators for sessions, recognition, mentoring and surveys", () => {
  const NOW = Date.UTC(2026, 11, 5, 12);
  /** 2,000 active members in 10 teams (team i has ~ i+1 shares), 2 % leaders. */
  function context(seed: number): SeedContext {
    const rows = Array.from({ length: 2_000 }, (_, i) => ({
      id: `m${i}`,
      teamId: `t${Math.floor(Math.sqrt(i / 20))}`,
      active: true,
      role: i % 50 === 0 ? "LEADER" : "MEMBER",
    }));
    const members = createRandom(seed).shuffle(rows.map((row) => row.id));
    return {
      now: NOW,
      newId: createIdFactory(createRandom(seed + 1), NOW),
      members,
      tagIds: [],
      people: describePeople(rows, members),
    };
  }

  function generate(seed: number) {
    const ctx = context(seed);
    const writers = createWriters();
    const random = createRandom(seed + 2);
    for (const plan of planSessions(random, 100)) addSession(writers, ctx, random, plan);
    const input = { valueIds: ["v1", "v2", "v3"], teamIds: teamsForRecognition(ctx.people) };
    for (let i = 0; i < 500; i++) addRecognition(writers, ctx, random, input);
    const mentorship = addMentorship(writers, ctx, random, {
      mentors: 400,
      pairings: 240,
      waitingRequests: 60,
    });
    for (const round of addSurveys(writers, ctx, random, { rounds: 2, responses: 300 })) {
      addResponses(writers, ctx, random, round);
    }
    return { writers, mentorship };
  }

  it("writes the same rows for the same seed", () => {
    const rows = (seed: number) => {
      const { writers } = generate(seed);
      return Object.values(writers).map((writer) => writer.queued());
    };
    expect(JSON.stringify(rows(5))).toBe(JSON.stringify(rows(5)));
    expect(JSON.stringify(rows(5))).not.toBe(JSON.stringify(rows(6)));
  });

  it("keeps mentors within their places, one open pairing per mentee, lastCheckInOn the latest", () => {
    const { writers, mentorship } = generate(9);
    const pairings = writers.pairing.queued();
    expect(pairings).toHaveLength(240);
    expect(mentorship.checkIns).toBeGreaterThan(240 * 5);
    const places = new Map(writers.mentorProfile.queued().map((p) => [p.userId, p]));
    const open = pairings.filter((p) => p.status === "ACTIVE" || p.status === "PAUSED");
    const perMentor = new Map<unknown, number>();
    for (const p of open) perMentor.set(p.mentorId, (perMentor.get(p.mentorId) ?? 0) + 1);
    for (const [mentorId, count] of perMentor) {
      expect(places.get(mentorId)?.openToMentor).toBe(true);
      expect(count).toBeLessThanOrEqual(places.get(mentorId)!.maxMentees as number);
    }
    expect(new Set(open.map((p) => p.menteeId)).size).toBe(open.length);
    expect(pairings.every((p) => p.mentorId !== p.menteeId)).toBe(true);
    const latest = new Map<unknown, string>();
    for (const c of writers.checkIn.queued()) {
      const held = c.heldOn as string;
      if (held > (latest.get(c.pairingId) ?? "")) latest.set(c.pairingId, held);
    }
    for (const p of pairings) expect(p.lastCheckInOn).toBe(latest.get(p.id) ?? null);
    const waiting = writers.mentorRequest.queued().filter((r) => r.status === "WAITING");
    expect(waiting).toHaveLength(60);
    expect(waiting.some((r) => open.some((p) => p.menteeId === r.menteeId))).toBe(false);
  });

  it("counts going RSVPs and applause, and never thanks or applauds the giver", () => {
    const { writers } = generate(3);
    const going = new Map<unknown, number>();
    for (const r of writers.rsvp.queued()) {
      if (r.status === "GOING") going.set(r.sessionId, (going.get(r.sessionId) ?? 0) + 1);
    }
    for (const s of writers.session.queued()) {
      expect(s.goingCount).toBe(going.get(s.id) ?? 0);
      if (s.capacity !== null) expect(s.goingCount).toBeLessThanOrEqual(s.capacity as number);
    }
    expect(writers.feedback.size).toBe(writers.feedbackReceipt.size);
    const givers = new Map(writers.recognition.queued().map((g) => [g.id, g.giverId]));
    const applause = new Map<unknown, number>();
    for (const a of writers.applause.queued()) {
      expect(a.userId).not.toBe(givers.get(a.recognitionId));
      applause.set(a.recognitionId, (applause.get(a.recognitionId) ?? 0) + 1);
    }
    for (const r of writers.recipient.queued())
      expect(r.userId).not.toBe(givers.get(r.recognitionId));
    for (const g of writers.recognition.queued())
      expect(g.applauseCount).toBe(applause.get(g.id) ?? 0);
    const teamShare =
      writers.recognition.queued().filter((g) => g.teamId !== null).length / givers.size;
    expect(teamShare).toBeGreaterThan(0.05);
    expect(teamShare).toBeLessThan(0.15);
  });

  it("gives each survey round its responseCount of responses and receipts, UUID ids", () => {
    const { writers } = generate(4);
    const surveys = writers.survey.queued();
    expect(surveys.map((s) => s.previousRoundId)).toEqual([null, surveys[0]!.id]);
    for (const survey of surveys) {
      const responses = writers.response.queued().filter((r) => r.surveyId === survey.id);
      const receipts = writers.receipt.queued().filter((r) => r.surveyId === survey.id);
      expect(responses).toHaveLength(survey.responseCount as number);
      expect(receipts).toHaveLength(survey.responseCount as number);
      expect(new Set(receipts.map((r) => r.userId)).size).toBe(receipts.length);
    }
    for (const r of writers.response.queued().slice(0, 50)) {
      expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    const scores = writers.answer.queued().filter((a) => a.score !== null);
    expect(scores).toHaveLength(600 * 12);
    expect(scores.every((a) => (a.score as number) >= 1 && (a.score as number) <= 5)).toBe(true);
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
        unexpectedStatus: 3,
      },
    ]);
    expect(table.split("\n")).toHaveLength(3);
    expect(table).toContain("req/s");
    expect(table).toContain("300.5");
    expect(table.split("\n")[0]).toMatch(
      /bad status  req\/s ÷ floor  p99 ÷ floor  p95 − floor ms$/,
    );
    expect(table.split("\n")[2]).toMatch(/ 3$/);
  });

  it("loads the leaders' insights pages as the leader, with one connection", () => {
    const routes = benchRoutes({ threadId: "t", searchWord: "onboarding" });
    expect(DEFAULT_ROUTES).toEqual(expect.arrayContaining(["insights", "insights-report"]));
    expect(routes.insights).toMatchObject({
      path: "/insights",
      account: "leader",
      connections: [1],
    });
    expect(routes["insights-report"]).toMatchObject({
      path: "/insights/report",
      account: "leader",
      connections: [1],
    });
    expect(routes.discussions).toMatchObject({ account: "member", connections: [1, 20] });
  });

  it("measures the insights pages only once their activity roll-up is fresh", () => {
    const routes = benchRoutes({ threadId: "t", searchWord: "onboarding" });
    const settled = routes.insights.settled!;
    expect(routes["insights-report"].settled).toBe(settled);
    expect(settled("<p>Counts activity up to now.</p>")).toBe(false);
    expect(settled("<p>Counts activity up to 5 Dec 2026, 16:46; the counts are…</p>")).toBe(true);
    expect(routes.discussions.settled).toBeUndefined();
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
    "/insights": [
      200,
      '<h1 class="text-2xl">Community health</h1><section><h2 id="participation-heading" class="text-xl">' +
        'Participation</h2></section><section><h2 id="mentoring-heading">Mentoring</h2></section>',
    ],
    "/insights/report": [200, "<h1>Insights</h1><p>You don't have access to this page.</p>"],
    "/bench-floor-no-such-page": [404, '<h1 class="text-2xl">Page not found</h1>'],
    "/icon.svg": [200, '<svg xmlns="http://www.w3.org/2000/svg"></svg>'],
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
    await expect(checkRoute(baseUrl, "", routes.insights)).resolves.toBeUndefined();
    await expect(checkRoute(baseUrl, "", routes["floor-file"])).resolves.toBeUndefined();
  });

  it("expects the not-found floor page to answer 404, and nothing else", async () => {
    await expect(checkRoute(baseUrl, "", routes["floor-page"])).resolves.toBeUndefined();
    const elsewhere = { ...routes["floor-page"], path: "/discussions" };
    await expect(checkRoute(baseUrl, "", elsewhere)).rejects.toThrow(/answered 200/);
  });

  it("counts answers under load whose status is not the page's working one", async () => {
    const url = `${baseUrl}/bench-floor-no-such-page`;
    const as404 = await runLoad({ url, cookie: "", connections: 1, seconds: 1, status: 404 });
    expect(as404.requests).toBeGreaterThan(0);
    expect(as404.unexpectedStatus).toBe(0);
    const as200 = await runLoad({ url, cookie: "", connections: 1, seconds: 1 });
    expect(as200.unexpectedStatus).toBe(as200.requests);
  });

  it("refuses an insights page without its content (e.g. a member's refusal page)", async () => {
    await expect(checkRoute(baseUrl, "", routes["insights-report"])).rejects.toThrow(
      /200 but without the "Learning culture review" heading/,
    );
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
