import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createMember as createAnyMember, TEST_PASSWORD, unique } from "@/test/factories";
import { SIGNIN_LIMITS, verifyPasswordSignIn } from "./sign-in";

/** A member who can sign in: their address is verified (open sign-up accounts are not yet). */
async function createMember(...args: Parameters<typeof createAnyMember>) {
  const member = await createAnyMember(...args);
  return testDb.user.update({ where: { id: member.id }, data: { emailVerified: new Date() } });
}

const ip = () =>
  `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}-${unique()}`;

describe("verifyPasswordSignIn", () => {
  it("accepts the right password and returns the member", async () => {
    const member = await createMember();
    const result = await verifyPasswordSignIn(testDb, {
      email: member.email,
      password: TEST_PASSWORD,
      ip: ip(),
    });
    expect(result).toMatchObject({ ok: true, user: { id: member.id, email: member.email } });
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const member = await createMember();
    const wrong = await verifyPasswordSignIn(testDb, {
      email: member.email,
      password: "wrong password!",
      ip: ip(),
    });
    const unknown = await verifyPasswordSignIn(testDb, {
      email: `${unique()}@nowhere.example`,
      password: "x",
      ip: ip(),
    });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a deactivated member even with the right password", async () => {
    const member = await createMember({ status: "DEACTIVATED" });
    const result = await verifyPasswordSignIn(testDb, {
      email: member.email,
      password: TEST_PASSWORD,
      ip: ip(),
    });
    expect(result).toEqual({ ok: false, reason: "deactivated" });
  });

  it("locks an account after repeated failures, even with the right password, from any IP", async () => {
    const member = await createMember();
    for (let i = 0; i < SIGNIN_LIMITS.perAccount.limit; i++) {
      await verifyPasswordSignIn(testDb, {
        email: member.email,
        password: "wrong password!",
        ip: ip(),
      });
    }
    const result = await verifyPasswordSignIn(testDb, {
      email: member.email,
      password: TEST_PASSWORD,
      ip: ip(),
    });
    expect(result).toMatchObject({ ok: false, reason: "rate_limited" });
    if (!result.ok) expect(result.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("limits one IP across many accounts", async () => {
    const sameIp = ip();
    for (let i = 0; i < SIGNIN_LIMITS.perIp.limit; i++) {
      await verifyPasswordSignIn(testDb, {
        email: `${unique()}@nowhere.example`,
        password: "x",
        ip: sameIp,
      });
    }
    const member = await createMember();
    const result = await verifyPasswordSignIn(testDb, {
      email: member.email,
      password: TEST_PASSWORD,
      ip: sameIp,
    });
    expect(result).toMatchObject({ ok: false, reason: "rate_limited" });
  });

  it("counts concurrent failures exactly (the counter is one atomic statement)", async () => {
    const member = await createMember();
    await Promise.all(
      Array.from({ length: 4 }, () =>
        verifyPasswordSignIn(testDb, { email: member.email, password: "nope", ip: ip() }),
      ),
    );
    const bucket = await testDb.rateLimitBucket.findUnique({
      where: { key: `signin:account:${member.email}` },
    });
    expect(bucket?.count).toBe(4);
  });
});
