import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createMember as createAnyMember, TEST_PASSWORD } from "@/test/factories";
import { startAuthSession } from "@/lib/core/auth/auth-sessions";
import { changePassword, PASSWORD_CHANGE_LIMIT } from "./change-password";
import { verifyPasswordSignIn } from "@/lib/core/auth/sign-in";

/** A member who can sign in: their address is verified (open sign-up accounts are not yet). */
async function createMember(...args: Parameters<typeof createAnyMember>) {
  const member = await createAnyMember(...args);
  return testDb.user.update({ where: { id: member.id }, data: { emailVerified: new Date() } });
}

const ip = "192.0.2.77";

describe("changePassword", () => {
  it("needs the current password, then switches passwords and ends other sessions", async () => {
    const member = await createMember();
    const wrong = await changePassword(testDb, member, {
      currentPassword: "not it at all",
      newPassword: "a brand new passphrase",
      confirmPassword: "a brand new passphrase",
    });
    expect(wrong).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: ["That is not your current password."] },
    });

    const ok = await changePassword(testDb, member, {
      currentPassword: TEST_PASSWORD,
      newPassword: "a brand new passphrase",
      confirmPassword: "a brand new passphrase",
    });
    expect(ok.ok).toBe(true);
    const after = await testDb.user.findUniqueOrThrow({ where: { id: member.id } });
    expect(after.sessionVersion).toBe(member.sessionVersion + 1);
    expect(
      (await verifyPasswordSignIn(testDb, { email: member.email, password: TEST_PASSWORD, ip })).ok,
    ).toBe(false);
    expect(
      (
        await verifyPasswordSignIn(testDb, {
          email: member.email,
          password: "a brand new passphrase",
          ip,
        })
      ).ok,
    ).toBe(true);
  });

  it("rejects a short or mismatched new password beside the field, changing nothing", async () => {
    const member = await createMember();
    const short = await changePassword(testDb, member, {
      currentPassword: TEST_PASSWORD,
      newPassword: "short",
      confirmPassword: "short",
    });
    expect(short).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: [expect.stringContaining("at least 12")] },
    });
    const mismatch = await changePassword(testDb, member, {
      currentPassword: TEST_PASSWORD,
      newPassword: "long enough password",
      confirmPassword: "long enough passwort",
    });
    expect(mismatch).toMatchObject({
      ok: false,
      fieldErrors: { confirmPassword: ["The two new passwords do not match."] },
    });
    const after = await testDb.user.findUniqueOrThrow({ where: { id: member.id } });
    expect(after.sessionVersion).toBe(member.sessionVersion);
  });

  it("ends every session the member has, on every device", async () => {
    const member = await createMember();
    for (let i = 0; i < 2; i++) await startAuthSession(testDb, { userId: member.id });
    const result = await changePassword(testDb, member, {
      currentPassword: TEST_PASSWORD,
      newPassword: "a brand new passphrase",
      confirmPassword: "a brand new passphrase",
    });
    expect(result.ok).toBe(true);
    expect(await testDb.authSession.count({ where: { userId: member.id } })).toBe(0);
  });

  it("locks after repeated wrong current passwords, even for the right one", async () => {
    const member = await createMember();
    const attempt = (currentPassword: string) =>
      changePassword(testDb, member, {
        currentPassword,
        newPassword: "a brand new passphrase",
        confirmPassword: "a brand new passphrase",
      });
    for (let i = 0; i < PASSWORD_CHANGE_LIMIT.limit; i++) {
      expect(await attempt(`wrong guess ${i}`)).toMatchObject({
        fieldErrors: { currentPassword: ["That is not your current password."] },
      });
    }
    const locked = await attempt(TEST_PASSWORD);
    expect(locked).toMatchObject({ ok: false, message: expect.stringMatching(/^Too many wrong/) });
    const after = await testDb.user.findUniqueOrThrow({ where: { id: member.id } });
    expect(after.sessionVersion).toBe(member.sessionVersion);
    expect(
      (await verifyPasswordSignIn(testDb, { email: member.email, password: TEST_PASSWORD, ip })).ok,
    ).toBe(true);
  });
});
