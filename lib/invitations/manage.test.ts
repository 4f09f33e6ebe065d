import { describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { testDb } from "@/test/db";
import { createAdmin, createMember } from "@/test/factories";
import {
  auditEntriesFor,
  createInvitationRecord,
  pastDate,
  uniqueEmail,
} from "@/test/factories-admin";
import { findInvitationByToken } from "./accept";
import { createInvitation, revokeInvitation, rotateInvitationLink } from "./manage";
import { hashInvitationToken, INVITATION_LIFETIME_MS, TOKEN_PATTERN } from "./tokens";

const reload = (id: string) => testDb.invitation.findUniqueOrThrow({ where: { id } });

describe("createInvitation", () => {
  it("returns a random token once and stores only its SHA-256", async () => {
    const admin = await createAdmin();
    const email = uniqueEmail();
    const result = await createInvitation(admin, {
      email: `  ${email.toUpperCase()} `,
      role: "LEADER",
    });
    if (!result.ok || !result.data)
      throw new Error(`expected success, got ${JSON.stringify(result)}`);
    const { token, invitationId } = result.data;
    expect(token).toMatch(TOKEN_PATTERN);

    const row = await reload(invitationId);
    expect(row).toMatchObject({
      email,
      role: "LEADER",
      invitedById: admin.id,
      acceptedAt: null,
      revokedAt: null,
    });
    expect(row.tokenHash).toBe(hashInvitationToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const lifetime = row.expiresAt.getTime() - row.createdAt.getTime();
    expect(Math.abs(lifetime - INVITATION_LIFETIME_MS)).toBeLessThan(60_000);

    const [entry] = await auditEntriesFor(invitationId);
    expect(entry).toMatchObject({
      actorId: admin.id,
      action: "invitation.create",
      after: { email, role: "LEADER" },
    });
    expect(JSON.stringify(entry)).not.toContain(token);
    expect(JSON.stringify(entry)).not.toContain(row.tokenHash);
  });

  it("refuses an email that already belongs to a member", async () => {
    const admin = await createAdmin();
    const member = await createMember();
    const result = await createInvitation(admin, { email: member.email, role: "MEMBER" });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { email: [expect.stringMatching(/already belongs/)] },
    });
    expect(await testDb.invitation.count({ where: { email: member.email } })).toBe(0);
  });

  it("refuses a second pending invitation for the same email, pointing at “Copy link again”", async () => {
    const admin = await createAdmin();
    const { invitation } = await createInvitationRecord();
    const result = await createInvitation(admin, { email: invitation.email, role: "MEMBER" });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { email: [expect.stringMatching(/Copy link again/)] },
    });
    expect(await testDb.invitation.count({ where: { email: invitation.email } })).toBe(1);
  });

  it("allows inviting again once the earlier invitation expired or was revoked", async () => {
    const admin = await createAdmin();
    const { invitation: expired } = await createInvitationRecord({ expiresAt: pastDate() });
    const { invitation: revoked } = await createInvitationRecord({ revokedAt: pastDate() });
    expect(await createInvitation(admin, { email: expired.email, role: "MEMBER" })).toMatchObject({
      ok: true,
    });
    expect(await createInvitation(admin, { email: revoked.email, role: "MEMBER" })).toMatchObject({
      ok: true,
    });
  });

  it("creates one invitation when two admins invite the same email at once", async () => {
    const [a, b] = [await createAdmin(), await createAdmin()];
    const email = uniqueEmail();
    const results = await Promise.all(
      [a, b].map((admin) => createInvitation(admin, { email, role: "MEMBER" })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await testDb.invitation.count({ where: { email } })).toBe(1);
  });

  it("checks the email and role", async () => {
    const admin = await createAdmin();
    const result = await createInvitation(admin, { email: "not-an-email", role: "OWNER" });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { email: [expect.any(String)], role: [expect.any(String)] },
    });
  });
});

describe("rotateInvitationLink (“Copy link again”)", () => {
  it("issues a new token, extends the expiry and makes the old link stop working", async () => {
    const admin = await createAdmin();
    const { invitation, token: oldToken } = await createInvitationRecord({
      expiresAt: new Date(Date.now() + 60_000),
    });
    const result = await rotateInvitationLink(admin, { invitationId: invitation.id });
    if (!result.ok || !result.data)
      throw new Error(`expected success, got ${JSON.stringify(result)}`);
    const newToken = result.data.token;
    expect(newToken).not.toBe(oldToken);

    const row = await reload(invitation.id);
    expect(row.tokenHash).toBe(hashInvitationToken(newToken));
    expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now() + INVITATION_LIFETIME_MS - 60_000);
    expect(await findInvitationByToken(oldToken)).toEqual({ state: "unknown" });
    expect(await findInvitationByToken(newToken)).toMatchObject({
      state: "valid",
      email: invitation.email,
    });
    expect((await auditEntriesFor(invitation.id)).map((e) => e.action)).toEqual([
      "invitation.rotate",
    ]);
  });

  it("revives an expired invitation", async () => {
    const admin = await createAdmin();
    const { invitation } = await createInvitationRecord({ expiresAt: pastDate() });
    const result = await rotateInvitationLink(admin, { invitationId: invitation.id });
    expect(result).toMatchObject({ ok: true });
    if (result.ok)
      expect(await findInvitationByToken(result.data!.token)).toMatchObject({ state: "valid" });
  });

  it("refuses accepted and revoked invitations", async () => {
    const admin = await createAdmin();
    const { invitation: accepted, token: acceptedToken } = await createInvitationRecord({
      acceptedAt: pastDate(),
    });
    const { invitation: revoked } = await createInvitationRecord({ revokedAt: pastDate() });
    expect(await rotateInvitationLink(admin, { invitationId: accepted.id })).toMatchObject({
      ok: false,
    });
    expect(await rotateInvitationLink(admin, { invitationId: revoked.id })).toMatchObject({
      ok: false,
    });
    expect((await reload(accepted.id)).tokenHash).toBe(hashInvitationToken(acceptedToken));
  });

  it("says not found for an unknown invitation", async () => {
    const admin = await createAdmin();
    await expect(
      rotateInvitationLink(admin, { invitationId: "cnotarealinvitation00000" }),
    ).rejects.toThrow(/not found/);
  });
});

describe("revokeInvitation", () => {
  it("revokes a pending invitation so its link no longer works, and audits it", async () => {
    const admin = await createAdmin();
    const { invitation, token } = await createInvitationRecord();
    expect(await revokeInvitation(admin, { invitationId: invitation.id })).toMatchObject({
      ok: true,
    });
    expect((await reload(invitation.id)).revokedAt).toBeInstanceOf(Date);
    expect(await findInvitationByToken(token)).toEqual({ state: "revoked" });
    const [entry] = await auditEntriesFor(invitation.id);
    expect(entry).toMatchObject({
      actorId: admin.id,
      action: "invitation.revoke",
      before: { status: "pending" },
      after: { status: "revoked" },
    });
  });

  it("refuses an accepted invitation", async () => {
    const admin = await createAdmin();
    const { invitation } = await createInvitationRecord({ acceptedAt: pastDate() });
    expect(await revokeInvitation(admin, { invitationId: invitation.id })).toMatchObject({
      ok: false,
    });
    expect((await reload(invitation.id)).revokedAt).toBeNull();
  });
});

describe("permissions", () => {
  it.each(["MEMBER", "LEADER"] as const)(
    "a %s can neither invite, rotate nor revoke, and nothing changes",
    async (role) => {
      const actor = await createMember({ role });
      const email = uniqueEmail();
      const { invitation } = await createInvitationRecord();
      await expect(createInvitation(actor, { email, role: "MEMBER" })).rejects.toBeInstanceOf(
        PermissionDenied,
      );
      await expect(
        rotateInvitationLink(actor, { invitationId: invitation.id }),
      ).rejects.toBeInstanceOf(PermissionDenied);
      await expect(revokeInvitation(actor, { invitationId: invitation.id })).rejects.toBeInstanceOf(
        PermissionDenied,
      );
      expect(await testDb.invitation.count({ where: { email } })).toBe(0);
      expect(await reload(invitation.id)).toEqual(invitation);
      expect(await auditEntriesFor(invitation.id)).toHaveLength(0);
    },
  );
});
