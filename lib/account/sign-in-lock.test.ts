import { beforeEach, describe, expect, it, vi } from "vitest";
import { testDb } from "@/test/db";
import { createAdmin, createMember as createAnyMember, TEST_PASSWORD } from "@/test/factories";
import { form } from "@/test/form-data";
import { auditEntriesFor } from "@/test/factories-admin";
import { signedInAs } from "@/test/session";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { changePassword, PASSWORD_CHANGE_LIMIT } from "./change-password";
import { clearSignInLock, clearSignInLockByEmail, lockedMemberIds } from "./sign-in-lock";
import { SIGNIN_LIMITS, verifyPasswordSignIn } from "@/lib/core/auth/sign-in";
import { clearSignInLockAction } from "./actions/sign-in-lock";

/** A member who can sign in: their address is verified (open sign-up accounts are not yet). */
async function createMember(...args: Parameters<typeof createAnyMember>) {
  const member = await createAnyMember(...args);
  return testDb.user.update({ where: { id: member.id }, data: { emailVerified: new Date() } });
}

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

/** A fresh address each time, so that only the per-account limit is in play. */
const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}-${Math.random()}`;

beforeEach(() => signedInAs(null));

/** Five wrong passwords: the account is locked, even for the right one. */
async function lockedOut() {
  const member = await createMember();
  for (let i = 0; i < SIGNIN_LIMITS.perAccount.limit; i++)
    await verifyPasswordSignIn(testDb, { email: member.email, password: `wrong ${i}`, ip: ip() });
  return member;
}

const signsIn = async (email: string) =>
  (await verifyPasswordSignIn(testDb, { email, password: TEST_PASSWORD, ip: ip() })).ok;

describe("clearing a sign-in lock", () => {
  it("lets an admin unlock a locked account, audited", async () => {
    const member = await lockedOut();
    const admin = await createAdmin();
    expect(await signsIn(member.email)).toBe(false);
    expect(await lockedMemberIds(testDb, [member, admin])).toEqual(new Set([member.id]));

    const result = await clearSignInLock(testDb, admin, { memberId: member.id });

    expect(result).toMatchObject({ ok: true, message: `${member.name} can sign in again.` });
    expect(await lockedMemberIds(testDb, [member])).toEqual(new Set());
    expect(await signsIn(member.email)).toBe(true);
    const [entry] = await auditEntriesFor(member.id);
    expect(entry).toMatchObject({ actorId: admin.id, action: "member.signin-lock.clear" });
  });

  it("also lifts the lock on the current-password check", async () => {
    const member = await createMember();
    const wrong = {
      currentPassword: "no",
      newPassword: "a new passphrase",
      confirmPassword: "a new passphrase",
    };
    for (let i = 0; i < PASSWORD_CHANGE_LIMIT.limit; i++)
      await changePassword(testDb, member, wrong);
    expect(await lockedMemberIds(testDb, [member])).toEqual(new Set([member.id]));
    await clearSignInLock(testDb, await createAdmin(), { memberId: member.id });
    expect(await lockedMemberIds(testDb, [member])).toEqual(new Set());
  });

  it("is refused to anyone but an admin, leaving the lock", async () => {
    const member = await lockedOut();
    const leader = await createMember({ role: "LEADER" });
    await expect(clearSignInLock(testDb, leader, { memberId: member.id })).rejects.toThrow(
      PermissionDenied,
    );
    signedInAs(leader);
    expect(await clearSignInLockAction(null, form({ memberId: member.id }))).toMatchObject({
      ok: false,
      message: "You don't have permission to do that.",
    });
    expect(await signsIn(member.email)).toBe(false);
  });

  it("works from the command line by email, audited with no actor", async () => {
    const member = await lockedOut();
    expect(await clearSignInLockByEmail(testDb, member.email.toUpperCase())).toMatchObject({
      ok: true,
    });
    expect(await signsIn(member.email)).toBe(true);
    const [entry] = await auditEntriesFor(member.id);
    expect(entry).toMatchObject({ actorId: null, action: "member.signin-lock.clear" });
    expect(await clearSignInLockByEmail(testDb, "nobody@nowhere.example")).toMatchObject({
      ok: false,
      message: "No member has the email nobody@nowhere.example.",
    });
  });
});
