// The sign-up settings are organisation-wide rows, so every test that writes them lives in
// this one file: tests in a file run one after another, files run in parallel.
import { beforeEach, describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { verifyPassword } from "@/lib/core/auth/password";
import {
  SIGNUP_CLOSED_MESSAGE,
  SIGNUP_DONE_MESSAGE,
  SIGNUP_LIMIT,
  signUp,
} from "@/lib/invitations/sign-up";
import { testDb } from "@/test/db";
import { createAdmin, createMember, TEST_PASSWORD, unique } from "@/test/factories";
import { getSignUpSettings, openSignUpEnabled } from "@/lib/core/settings/queries";
import { splitDomains } from "@/lib/core/settings/schemas";
import { updateSignUpSettings } from "./update";

const PASSWORD = "a long enough password";
const ip = () => `10.77.${unique()}`;

async function setSettings(open: boolean, allowedDomains: string[]) {
  const admin = await createAdmin();
  const result = await updateSignUpSettings(admin, {
    ...(open ? { open: "on" } : {}),
    allowedDomains: allowedDomains.join("\n"),
  });
  expect(result).toMatchObject({ ok: true });
}

const signUpForm = (email: string, overrides: Record<string, string> = {}) => ({
  email,
  name: "Self Starter",
  password: PASSWORD,
  confirmPassword: PASSWORD,
  ...overrides,
});

describe("splitDomains", () => {
  it("accepts lines, commas and stray @s, lowercased and without repeats", () => {
    expect(splitDomains(" Example.com, @Team.Example.org\nexample.com;other.io ")).toEqual([
      "example.com",
      "team.example.org",
      "other.io",
    ]);
  });
});

describe("updateSignUpSettings", () => {
  it("saves both settings, normalised, and audits before and after", async () => {
    await setSettings(false, []);
    const admin = await createAdmin();
    const result = await updateSignUpSettings(admin, {
      open: "on",
      allowedDomains: "Acme.TEST, @labs.acme.test",
    });
    expect(result).toMatchObject({ ok: true });
    expect(await getSignUpSettings()).toEqual({
      open: true,
      allowedDomains: ["acme.test", "labs.acme.test"],
    });
    expect(await openSignUpEnabled()).toBe(true);
    const entry = await testDb.auditLog.findFirst({
      where: { actorId: admin.id, action: "settings.update" },
    });
    expect(entry).toMatchObject({
      entityType: "Setting",
      entityId: "signup",
      before: { open: false, allowedDomains: [] },
      after: { open: true, allowedDomains: ["acme.test", "labs.acme.test"] },
    });
    const stored = await testDb.setting.findUniqueOrThrow({
      where: { key: "signup.allowedDomains" },
    });
    expect(stored).toMatchObject({ value: ["acme.test", "labs.acme.test"], updatedById: admin.id });
  });

  it("names the entries that are not domains and saves nothing", async () => {
    await setSettings(false, ["before.test"]);
    const admin = await createAdmin();
    const result = await updateSignUpSettings(admin, {
      open: "on",
      allowedDomains: "good.test, not a domain!, http://x.test",
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { allowedDomains: [expect.stringContaining("not")] },
    });
    expect(await getSignUpSettings()).toEqual({ open: false, allowedDomains: ["before.test"] });
  });

  it("refuses opening sign-up with no allowed domain", async () => {
    const admin = await createAdmin();
    const result = await updateSignUpSettings(admin, { open: "on", allowedDomains: " " });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { allowedDomains: [expect.stringMatching(/at least one/)] },
    });
  });

  it.each(["MEMBER", "LEADER"] as const)("refuses a %s and changes nothing", async (role) => {
    await setSettings(false, ["kept.test"]);
    const actor = await createMember({ role });
    await expect(
      updateSignUpSettings(actor, { open: "on", allowedDomains: "evil.test" }),
    ).rejects.toBeInstanceOf(PermissionDenied);
    expect(await getSignUpSettings()).toEqual({ open: false, allowedDomains: ["kept.test"] });
    expect(await testDb.auditLog.count({ where: { actorId: actor.id } })).toBe(0);
  });
});

describe("signUp", () => {
  beforeEach(async () => {
    await setSettings(true, ["open.test"]);
  });

  it("creates an active MEMBER with a hashed password when the domain is allowed", async () => {
    const email = `${unique("su")}@Open.Test`;
    const result = await signUp(signUpForm(email), { ip: ip() });
    expect(result).toEqual({ ok: true, message: SIGNUP_DONE_MESSAGE });
    const member = await testDb.user.findUnique({
      where: { email: email.toLowerCase() },
      omit: { passwordHash: false },
    });
    expect(member).toMatchObject({ name: "Self Starter", role: "MEMBER", status: "ACTIVE" });
    expect(await verifyPassword(member!.passwordHash!, PASSWORD)).toBe(true);
    expect(
      await testDb.auditLog.count({ where: { entityId: member!.id, action: "member.signup" } }),
    ).toBe(1);
  });

  it("refuses a domain that is not allowed, beside the email field", async () => {
    const email = `${unique("su")}@elsewhere.test`;
    const result = await signUp(signUpForm(email), { ip: ip() });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { email: [expect.stringContaining("@open.test")] },
    });
    expect(await testDb.user.count({ where: { email } })).toBe(0);
  });

  it("answers the same for an existing account and changes nothing about it", async () => {
    const existing = await createMember({ email: `${unique("su")}@open.test` });
    const result = await signUp(signUpForm(existing.email, { name: "Impostor" }), { ip: ip() });
    expect(result).toEqual({ ok: true, message: SIGNUP_DONE_MESSAGE });
    const after = await testDb.user.findUniqueOrThrow({
      where: { id: existing.id },
      omit: { passwordHash: false },
    });
    expect(after.name).toBe(existing.name);
    expect(await verifyPassword(after.passwordHash!, TEST_PASSWORD)).toBe(true);
    expect(await testDb.user.count({ where: { email: existing.email } })).toBe(1);
  });

  it("starts the account in the browser's time zone when it sent one", async () => {
    await setSettings(true, ["open.test"]);
    const berlin = `${unique("su")}@open.test`;
    const made = await signUp(signUpForm(berlin, { timeZone: "Europe/Berlin" }), { ip: ip() });
    expect(made).toEqual({ ok: true, message: SIGNUP_DONE_MESSAGE });
    const unknown = `${unique("su")}@open.test`;
    await signUp(signUpForm(unknown, { timeZone: "Not/A_Zone" }), { ip: ip() });
    const zones = await testDb.user.findMany({
      where: { email: { in: [berlin, unknown] } },
      select: { email: true, timeZone: true },
    });
    expect(Object.fromEntries(zones.map((u) => [u.email, u.timeZone]))).toEqual({
      [berlin]: "Europe/Berlin",
      [unknown]: "UTC",
    });
  });

  it("refuses everything while sign-up is closed", async () => {
    await setSettings(false, ["open.test"]);
    expect(await openSignUpEnabled()).toBe(false);
    const email = `${unique("su")}@open.test`;
    expect(await signUp(signUpForm(email), { ip: ip() })).toEqual({
      ok: false,
      message: SIGNUP_CLOSED_MESSAGE,
    });
    expect(await testDb.user.count({ where: { email } })).toBe(0);
  });

  it("checks the password and its confirmation", async () => {
    const email = `${unique("su")}@open.test`;
    const result = await signUp(
      signUpForm(email, { password: "short", confirmPassword: "other" }),
      { ip: ip() },
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { password: [expect.any(String)], confirmPassword: [expect.any(String)] },
    });
    expect(await testDb.user.count({ where: { email } })).toBe(0);
  });

  it("limits attempts per IP address", async () => {
    const sameIp = ip();
    for (let i = 0; i < SIGNUP_LIMIT.limit; i++) {
      await signUp({ email: "not-an-email" }, { ip: sameIp });
    }
    const email = `${unique("su")}@open.test`;
    const result = await signUp(signUpForm(email), { ip: sameIp });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/Too many/) });
    expect(await testDb.user.count({ where: { email } })).toBe(0);
    expect(await signUp(signUpForm(email), { ip: ip() })).toMatchObject({ ok: true });
  });
});

describe("single sign-on under open sign-up", () => {
  it("creates a member for a verified provider email in an allowed domain, and only then", async () => {
    const { resolveOidcMember } = await import("@/lib/core/auth/oidc");
    const domain = `${unique("sso")}.example`;
    const email = `newcomer@${domain}`;
    const account = { provider: "oidc", type: "oidc" as const, providerAccountId: unique("sub-") };
    const profile = { email, email_verified: true, name: "New Comer" };

    await setSettings(false, [domain]);
    expect(await resolveOidcMember(testDb, { account, profile })).toBeNull();

    await setSettings(true, [domain]);
    const created = await resolveOidcMember(testDb, { account, profile });
    const member = await testDb.user.findUniqueOrThrow({ where: { email } });
    expect(created).toEqual({ id: member.id, sessionVersion: 0 });
    expect(member).toMatchObject({ name: "New Comer", role: "MEMBER", status: "ACTIVE" });
    expect(member.emailVerified).toBeInstanceOf(Date);
    expect(
      await testDb.auditLog.count({ where: { entityId: member.id, action: "member.signup" } }),
    ).toBe(1);
    await setSettings(false, []);
  });
});
