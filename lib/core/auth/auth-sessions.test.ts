import { describe, expect, it } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import {
  endSessionOfToken,
  LAST_SEEN_INTERVAL_MS,
  listAuthSessions,
  resolveSession,
  SESSION_MAX_AGE_SECONDS,
  startAuthSession,
} from "./auth-sessions";

const SECRET = "test-secret-test-secret-test-secret-0123";
const SALT = "authjs.session-token";
const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

/** A session cookie as Auth.js writes it after a sign-in, and the claims a request reads from it. */
async function signIn(userId: string) {
  const sessionId = await startAuthSession(testDb, { userId, userAgent: FIREFOX, ip: "192.0.2.9" });
  const cookie = await encode({
    token: { sub: userId, sv: 0, sid: sessionId },
    secret: SECRET,
    salt: SALT,
  });
  return { sessionId, cookie };
}

async function request(cookie: string) {
  const token = await decode({ token: cookie, secret: SECRET, salt: SALT });
  return resolveSession(testDb, {
    userId: String(token?.sub),
    sessionId: typeof token?.sid === "string" ? token.sid : undefined,
    sessionVersion: Number(token?.sv),
  });
}

const setLastSeen = (id: string, msAgo: number) =>
  testDb.authSession.update({
    where: { id },
    data: { lastSeenAt: new Date(Date.now() - msAgo) },
  });

describe("server-side sessions", () => {
  it("refuses a request with the old cookie after sign-out", async () => {
    const member = await createMember();
    const { cookie } = await signIn(member.id);
    expect(await request(cookie)).toMatchObject({ kind: "active", user: { id: member.id } });

    // What Auth.js's signOut event receives: the decoded cookie.
    await endSessionOfToken(testDb, await decode({ token: cookie, secret: SECRET, salt: SALT }));

    expect(await request(cookie)).toEqual({ kind: "ended" });
  });

  it("ends one session while the member's other session stays valid", async () => {
    const member = await createMember();
    const laptop = await signIn(member.id);
    const phone = await signIn(member.id);

    await endSessionOfToken(testDb, { sid: laptop.sessionId });

    expect(await request(laptop.cookie)).toEqual({ kind: "ended" });
    expect(await request(phone.cookie)).toMatchObject({ kind: "active" });
  });

  it("refuses a cookie without a session record, or naming another member's record", async () => {
    const member = await createMember();
    const other = await createMember();
    const { sessionId } = await signIn(other.id);
    const legacy = await encode({ token: { sub: member.id, sv: 0 }, secret: SECRET, salt: SALT });
    expect(await request(legacy)).toEqual({ kind: "ended" });
    expect(
      await resolveSession(testDb, { userId: member.id, sessionId, sessionVersion: 0 }),
    ).toEqual({ kind: "ended" });
  });

  it("reads role and status on every request: a role change applies, a deactivation ends it", async () => {
    const member = await createMember();
    const { cookie } = await signIn(member.id);
    await testDb.user.update({ where: { id: member.id }, data: { role: "LEADER" } });
    expect(await request(cookie)).toMatchObject({ kind: "active", user: { role: "LEADER" } });
    await testDb.user.update({ where: { id: member.id }, data: { status: "DEACTIVATED" } });
    expect(await request(cookie)).toEqual({ kind: "ended" });
  });

  it("writes lastSeenAt only when it is older than the interval", async () => {
    const member = await createMember();
    const { sessionId, cookie } = await signIn(member.id);
    const recent = await setLastSeen(sessionId, 60_000);
    await request(cookie);
    const unchanged = await testDb.authSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(unchanged.lastSeenAt).toEqual(recent.lastSeenAt);

    await setLastSeen(sessionId, LAST_SEEN_INTERVAL_MS + 60_000);
    await request(cookie);
    const touched = await testDb.authSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(Date.now() - touched.lastSeenAt.getTime()).toBeLessThan(10_000);
  });

  it("ends a session unused for as long as a cookie lives, and clears it at the next sign-in", async () => {
    const member = await createMember();
    const old = await signIn(member.id);
    await setLastSeen(old.sessionId, SESSION_MAX_AGE_SECONDS * 1000 + 60_000);
    expect(await request(old.cookie)).toEqual({ kind: "ended" });

    await signIn(member.id);
    expect(await testDb.authSession.count({ where: { id: old.sessionId } })).toBe(0);
  });

  it("lists the member's sessions with device, address and times, most recent first", async () => {
    const member = await createMember();
    const first = await signIn(member.id);
    await setLastSeen(first.sessionId, 3_600_000);
    const second = await signIn(member.id);
    const sessions = await listAuthSessions(testDb, member.id);
    expect(sessions.map((s) => s.id)).toEqual([second.sessionId, first.sessionId]);
    expect(sessions[0]).toMatchObject({ device: "Firefox on Linux", ip: "192.0.2.9" });
  });
});
