import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/core/auth/password";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { auditEntriesFor, createInvitationRecord, pastDate } from "@/test/factories-admin";
import { acceptInvitation, findInvitationByToken } from "./accept";

const PASSWORD = "a long enough password";
const form = (token: string, overrides: Record<string, string> = {}) => ({
  token,
  name: "New Person",
  password: PASSWORD,
  confirmPassword: PASSWORD,
  ...overrides,
});

async function memberWithHash(email: string) {
  return testDb.user.findUnique({ where: { email }, omit: { passwordHash: false } });
}

describe("findInvitationByToken", () => {
  it("describes each kind of unusable link without throwing", async () => {
    const { token: expired } = await createInvitationRecord({ expiresAt: pastDate() });
    const { token: revoked } = await createInvitationRecord({ revokedAt: pastDate() });
    const { token: used } = await createInvitationRecord({ acceptedAt: pastDate() });
    expect(await findInvitationByToken(expired)).toEqual({ state: "expired" });
    expect(await findInvitationByToken(revoked)).toEqual({ state: "revoked" });
    expect(await findInvitationByToken(used)).toEqual({ state: "accepted" });
    expect(await findInvitationByToken("x".repeat(43))).toEqual({ state: "unknown" });
    expect(await findInvitationByToken("../../etc/passwd")).toEqual({ state: "unknown" });
    expect(await findInvitationByToken("")).toEqual({ state: "unknown" });
  });
});

describe("acceptInvitation", () => {
  it("creates the member with the invited role, a hashed password and a verified email, once", async () => {
    const { invitation, token } = await createInvitationRecord({ role: "LEADER" });
    expect(await acceptInvitation(form(token))).toMatchObject({ ok: true });

    const member = await memberWithHash(invitation.email);
    expect(member).toMatchObject({ name: "New Person", role: "LEADER", status: "ACTIVE" });
    expect(member!.emailVerified).toBeInstanceOf(Date);
    expect(member!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(member!.passwordHash!, PASSWORD)).toBe(true);

    const row = await testDb.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row.acceptedAt).toBeInstanceOf(Date);
    expect(row.acceptedById).toBe(member!.id);
    expect((await auditEntriesFor(invitation.id)).map((e) => [e.action, e.actorId])).toEqual([
      ["invitation.accept", member!.id],
    ]);

    const again = await acceptInvitation(form(token, { name: "Someone Else" }));
    expect(again).toMatchObject({ ok: false, message: expect.stringMatching(/already been used/) });
    expect(await testDb.user.count({ where: { email: invitation.email } })).toBe(1);
  });

  it("starts the account in the browser's time zone, or in UTC when what came is not a zone", async () => {
    const cases: [string | undefined, string][] = [
      ["Europe/Berlin", "Europe/Berlin"],
      ["America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires"],
      ["Mars/Olympus_Mons", "UTC"],
      ["Europe/Berlin\u0000", "UTC"],
      ["", "UTC"],
      [undefined, "UTC"],
    ];
    for (const [sent, stored] of cases) {
      const { invitation, token } = await createInvitationRecord();
      const input = sent === undefined ? form(token) : form(token, { timeZone: sent });
      expect(await acceptInvitation(input), String(sent)).toMatchObject({ ok: true });
      expect((await memberWithHash(invitation.email))!.timeZone, String(sent)).toBe(stored);
    }
  });

  it("creates exactly one member when the same link is accepted twice at once", async () => {
    const { invitation, token } = await createInvitationRecord();
    const results = await Promise.all([
      acceptInvitation(form(token)),
      acceptInvitation(form(token, { name: "Twin" })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, message: expect.any(String) });
    expect(await testDb.user.count({ where: { email: invitation.email } })).toBe(1);
  });

  it.each([
    ["expired", { expiresAt: pastDate() }, /expired/],
    ["revoked", { revokedAt: pastDate() }, /withdrawn/],
  ] as const)("refuses an %s invitation", async (_label, overrides, message) => {
    const { invitation, token } = await createInvitationRecord(overrides);
    expect(await acceptInvitation(form(token))).toMatchObject({
      ok: false,
      message: expect.stringMatching(message),
    });
    expect(await testDb.user.count({ where: { email: invitation.email } })).toBe(0);
  });

  it("refuses an unknown or malformed token", async () => {
    expect(await acceptInvitation(form("A".repeat(43)))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not valid/),
    });
    expect(await acceptInvitation(form("short"))).toMatchObject({ ok: false });
  });

  it("refuses when the email got an account some other way meanwhile", async () => {
    const member = await createMember();
    const { invitation, token } = await createInvitationRecord({ email: member.email });
    expect(await acceptInvitation(form(token))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/already exists/),
    });
    expect(
      (await testDb.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).acceptedAt,
    ).toBeNull();
  });

  it("puts password problems beside the fields and writes nothing", async () => {
    const { invitation, token } = await createInvitationRecord();
    const short = await acceptInvitation(
      form(token, { password: "short", confirmPassword: "short" }),
    );
    expect(short).toMatchObject({
      ok: false,
      fieldErrors: { password: [expect.stringMatching(/at least 12/)] },
    });
    const mismatch = await acceptInvitation(
      form(token, { confirmPassword: "something else entirely" }),
    );
    expect(mismatch).toMatchObject({
      ok: false,
      fieldErrors: { confirmPassword: [expect.any(String)] },
    });
    const noName = await acceptInvitation(form(token, { name: "   " }));
    expect(noName).toMatchObject({ ok: false, fieldErrors: { name: [expect.any(String)] } });
    expect(await testDb.user.count({ where: { email: invitation.email } })).toBe(0);
  });
});
