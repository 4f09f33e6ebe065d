import { describe, expect, it } from "vitest";
import type { Account, Profile } from "next-auth";
import { testDb } from "@/test/db";
import { createMember, unique } from "@/test/factories";
import { resolveOidcMember } from "./oidc";

const account = (): Account => ({
  provider: "oidc",
  type: "oidc",
  providerAccountId: unique("sub-"),
});

describe("resolveOidcMember", () => {
  it("links a verified provider email to a member whose address was verified here, once", async () => {
    const member = await createMember({});
    await testDb.user.update({ where: { id: member.id }, data: { emailVerified: new Date() } });
    const acct = account();
    const profile: Profile = { email: member.email.toUpperCase(), email_verified: true };
    expect(await resolveOidcMember(testDb, { account: acct, profile })).toEqual({
      id: member.id,
      sessionVersion: 0,
    });
    // The second sign-in goes through the linked account, even if the email changes at the provider.
    expect(
      await resolveOidcMember(testDb, {
        account: acct,
        profile: { email: "changed@elsewhere.example", email_verified: true },
      }),
    ).toEqual({
      id: member.id,
      sessionVersion: 0,
    });
    expect(await testDb.account.count({ where: { userId: member.id } })).toBe(1);
  });

  it("refuses an unverified provider email", async () => {
    const member = await createMember();
    await testDb.user.update({ where: { id: member.id }, data: { emailVerified: new Date() } });
    expect(
      await resolveOidcMember(testDb, {
        account: account(),
        profile: { email: member.email, email_verified: false },
      }),
    ).toBeNull();
    expect(
      await resolveOidcMember(testDb, { account: account(), profile: { email: member.email } }),
    ).toBeNull();
  });

  it("does not hand a member's SSO identity to an account whose address was never verified", async () => {
    const squatter = await createMember(); // e.g. made through open sign-up: emailVerified is null
    const result = await resolveOidcMember(testDb, {
      account: account(),
      profile: { email: squatter.email, email_verified: true },
    });
    expect(result).toBeNull();
    expect(await testDb.account.count({ where: { userId: squatter.id } })).toBe(0);
  });

  it("refuses deactivated members, linked or not", async () => {
    const member = await createMember({ status: "DEACTIVATED" });
    await testDb.user.update({ where: { id: member.id }, data: { emailVerified: new Date() } });
    expect(
      await resolveOidcMember(testDb, {
        account: account(),
        profile: { email: member.email, email_verified: true },
      }),
    ).toBeNull();
  });

  it("refuses an unknown email while open sign-up does not allow its domain", async () => {
    const email = `${unique()}@not-allowed-${unique()}.example`;
    expect(
      await resolveOidcMember(testDb, {
        account: account(),
        profile: { email, email_verified: true },
      }),
    ).toBeNull();
    expect(await testDb.user.count({ where: { email } })).toBe(0);
  });
});
