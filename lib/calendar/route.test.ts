// GET /sessions/<id>/ics (signed-in members) and GET /calendar/<token>.ics (the token is the
// authorisation), called as Next.js calls them, against the real database.
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { createRsvp, createSession } from "@/test/factories-sessions";
import { createFeedToken, revokeFeedToken } from "./feed-token";
import { sessionUid } from "./ics";
import { readIcs } from "./read-ics";
import { signedInAs } from "@/test/session";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-pathname": "/sessions/some-id/ics" }),
}));

const { GET: getSessionIcs } = await import("@/app/(app)/sessions/[id]/ics/route");
const { GET: getFeed } = await import("@/app/calendar/[feed]/route");

const HOST = "learning.test";
const ORIGIN = process.env.APP_URL?.replace(/\/+$/, "") ?? `http://${HOST}`;
const DAY = 86_400_000;

const request = (path: string) =>
  new NextRequest(`http://${HOST}${path}`, { headers: { host: HOST } });

const sessionIcs = (id: string) =>
  getSessionIcs(request(`/sessions/${id}/ics`), { params: Promise.resolve({ id }) });

const feed = (file: string) =>
  getFeed(request(`/calendar/${file}`), { params: Promise.resolve({ feed: file }) });

async function tokenFor(member: { id: string; role: "MEMBER" | "LEADER" | "ADMIN" }) {
  const result = await createFeedToken(member);
  if (!result.ok || !result.data) throw new Error("no token issued");
  return result.data.token;
}

const inTimeZone = async (timeZone: string) =>
  testDb.user.update({ where: { id: (await createMember()).id }, data: { timeZone } });

/** ICS times have whole seconds. */
const toSecond = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);

beforeEach(() => signedInAs(null));

describe("GET /sessions/<id>/ics", () => {
  it("downloads the session as an .ics file in the member's time zone", async () => {
    const member = await inTimeZone("Asia/Tokyo");
    const host = await createMember({ name: "Grace Hopper" });
    const scheduled = await createSession([host.id], { title: "Debugging, live; part 1" });
    signedInAs(member);

    const response = await sessionIcs(scheduled.id);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="debugging-live-part-1.ics"',
    );
    const calendar = readIcs(await response.text());
    expect(calendar.timezoneIds).toEqual(["Asia/Tokyo"]);
    expect(calendar.events).toHaveLength(1);
    expect(calendar.events[0]).toMatchObject({
      uid: sessionUid(scheduled.id),
      summary: "Debugging, live; part 1",
      start: toSecond(scheduled.startsAt),
      end: toSecond(scheduled.endsAt),
      startZone: "Asia/Tokyo",
      url: `${ORIGIN}/sessions/${scheduled.id}`,
    });
    expect(calendar.events[0]!.description).toContain("Hosted by Grace Hopper");
  });

  it("marks the session for a member on its waitlist", async () => {
    const member = await createMember();
    const full = await createSession([(await createMember()).id], { capacity: 1 });
    await createRsvp(full.id, member.id, "WAITLISTED");
    signedInAs(member);
    const calendar = readIcs(await (await sessionIcs(full.id)).text());
    expect(calendar.events[0]!.summary).toBe(`(waitlist) ${full.title}`);
  });

  it("sends a signed-out visitor to sign in, and an ended session to its notice", async () => {
    const scheduled = await createSession([(await createMember()).id]);
    await expect(sessionIcs(scheduled.id)).rejects.toMatchObject({
      digest: expect.stringMatching(/NEXT_REDIRECT;[^;]*;\/signin\?callbackUrl=/),
    });
    const deactivated = await createMember({ status: "DEACTIVATED" });
    signedInAs(deactivated);
    await expect(sessionIcs(scheduled.id)).rejects.toMatchObject({
      digest: expect.stringMatching(/NEXT_REDIRECT;[^;]*;\/auth\/ended/),
    });
  });

  it("answers 404 for an unknown or malformed id", async () => {
    signedInAs(await createMember());
    expect((await sessionIcs("cm0doesnotexist0000000000")).status).toBe(404);
    expect((await sessionIcs("x".repeat(200))).status).toBe(404);
  });
});

describe("GET /calendar/<token>.ics", () => {
  async function memberWithSessions() {
    const member = await inTimeZone("Europe/Paris");
    const other = await createMember();
    const soon = (days: number) => ({ startsAt: new Date(Date.now() + days * DAY) });
    const hosting = await createSession([member.id], soon(3));
    const going = await createSession([other.id], soon(4));
    const waitlisted = await createSession([other.id], { ...soon(5), capacity: 1 });
    const cancelled = await createSession([other.id], {
      ...soon(6),
      status: "CANCELLED",
      cancelReason: "Room flooded.",
    });
    const recent = await createSession([member.id], soon(-59));
    const notGoing = await createSession([other.id], soon(7));
    const tooOld = await createSession([other.id], soon(-61));
    const othersOnly = await createSession([other.id], soon(8));
    await createRsvp(going.id, member.id, "GOING");
    await createRsvp(waitlisted.id, member.id, "WAITLISTED");
    await createRsvp(cancelled.id, member.id, "GOING");
    await createRsvp(notGoing.id, member.id, "NOT_GOING");
    await createRsvp(tooOld.id, member.id, "GOING");
    await createRsvp(othersOnly.id, (await createMember()).id, "GOING");
    return {
      member,
      other,
      included: { recent, hosting, going, waitlisted, cancelled },
      excluded: { notGoing, tooOld, othersOnly },
    };
  }

  it("serves the member's sessions, without cookies, in their time zone", async () => {
    const { member, included } = await memberWithSessions();
    const token = await tokenFor(member);

    const response = await feed(`${token}.ics`);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, max-age=300");
    const calendar = readIcs(await response.text());
    // Hosted, going, waitlisted and cancelled; from 60 days ago; soonest first.
    expect(calendar.events.map((event) => event.uid)).toEqual(
      Object.values(included).map((one) => sessionUid(one.id)),
    );
    const byUid = new Map(calendar.events.map((event) => [event.uid, event]));
    const event = (one: { id: string }) => byUid.get(sessionUid(one.id))!;
    expect(event(included.waitlisted).summary).toBe(`(waitlist) ${included.waitlisted.title}`);
    expect(event(included.cancelled).status).toBe("CANCELLED");
    expect(event(included.going)).toMatchObject({
      summary: included.going.title,
      status: "CONFIRMED",
      start: toSecond(included.going.startsAt),
      end: toSecond(included.going.endsAt),
      startZone: "Europe/Paris",
    });
  });

  it("shows another member only their own sessions", async () => {
    const { other, included, excluded } = await memberWithSessions();
    const calendar = readIcs(await (await feed(`${await tokenFor(other)}.ics`)).text());
    const uids = calendar.events.map((event) => event.uid);
    expect(uids).not.toContain(sessionUid(included.hosting.id));
    expect(uids).not.toContain(sessionUid(included.recent.id));
    // Hosting these, so they are theirs; but not another member's RSVP to them.
    expect(uids).toContain(sessionUid(excluded.othersOnly.id));
    expect(calendar.events.every((event) => !event.summary.startsWith("(waitlist)"))).toBe(true);
  });

  it("answers 404 once the link is replaced or turned off", async () => {
    const member = await createMember();
    const first = await tokenFor(member);
    const second = await tokenFor(member);
    expect((await feed(`${first}.ics`)).status).toBe(404);
    expect((await feed(`${second}.ics`)).status).toBe(200);
    await revokeFeedToken(member);
    expect((await feed(`${second}.ics`)).status).toBe(404);
  });

  it("answers 404 for a deactivated member's link", async () => {
    const member = await createMember();
    const token = await tokenFor(member);
    await testDb.user.update({ where: { id: member.id }, data: { status: "DEACTIVATED" } });
    const response = await feed(`${token}.ics`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("BEGIN:VCALENDAR");
  });

  it("answers 404 for malformed and unknown addresses", async () => {
    const token = await tokenFor(await createMember());
    for (const file of [token, `${token}.ICS`, `${token.slice(1)}.ics`, `${"A".repeat(43)}.ics`]) {
      expect((await feed(file)).status, file).toBe(404);
    }
  });
});
