import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/core/auth/password";
import { testDb } from "@/test/db";
import { createMember, unique } from "@/test/factories";
import { auditEntriesFor } from "@/test/factories-admin";
import { createFirstAdmin, memberExists, nameFromEmail } from "./create-first-admin";

const PASSWORD = "a long enough password";

describe("createFirstAdmin", () => {
  it("creates an active, verified ADMIN and audits it with no actor", async () => {
    const email = `${unique("root")}@Test.Example`;
    const result = await createFirstAdmin(testDb, {
      email,
      name: "Root Person",
      password: PASSWORD,
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.outcome).toBe("created");
    const member = await testDb.user.findUniqueOrThrow({
      where: { id: result.member.id },
      omit: { passwordHash: false },
    });
    expect(member).toMatchObject({
      email: email.toLowerCase(),
      name: "Root Person",
      role: "ADMIN",
      status: "ACTIVE",
    });
    expect(member.emailVerified).toBeInstanceOf(Date);
    expect(await verifyPassword(member.passwordHash!, PASSWORD)).toBe(true);
    const [entry] = await auditEntriesFor(member.id);
    expect(entry).toMatchObject({
      actorId: null,
      action: "admin.create",
      entityType: "User",
      after: { role: "ADMIN" },
    });
  });

  it("refuses an existing email unless told to promote", async () => {
    const member = await createMember({ status: "DEACTIVATED" });
    const refused = await createFirstAdmin(testDb, { email: member.email, password: PASSWORD });
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/--promote/) });
    expect((await testDb.user.findUniqueOrThrow({ where: { id: member.id } })).role).toBe("MEMBER");

    const promoted = await createFirstAdmin(testDb, { email: member.email, promote: true });
    expect(promoted).toMatchObject({ ok: true, outcome: "promoted" });
    expect(await testDb.user.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({
      role: "ADMIN",
      status: "ACTIVE",
      deactivatedAt: null,
    });
    const [entry] = await auditEntriesFor(member.id);
    expect(entry).toMatchObject({
      actorId: null,
      action: "admin.create",
      before: { role: "MEMBER", status: "DEACTIVATED" },
    });

    expect(await createFirstAdmin(testDb, { email: member.email, promote: true })).toMatchObject({
      ok: true,
      outcome: "unchanged",
    });
    expect(await auditEntriesFor(member.id)).toHaveLength(1);
  });

  it("validates the email and password with the app's own rules", async () => {
    expect(await createFirstAdmin(testDb, { email: "nope", password: PASSWORD })).toMatchObject({
      ok: false,
    });
    const email = `${unique("root")}@test.example`;
    expect(await createFirstAdmin(testDb, { email, password: "short" })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/at least 12/),
    });
    expect(await createFirstAdmin(testDb, { email })).toMatchObject({ ok: false });
    expect(await memberExists(testDb, email)).toBe(false);
  });

  it("names the admin after the email when no name is given", async () => {
    expect(nameFromEmail("ada.lovelace@example.com")).toBe("Ada Lovelace");
    const email = `${unique("root")}@test.example`;
    const result = await createFirstAdmin(testDb, { email, password: PASSWORD });
    expect(result).toMatchObject({ ok: true });
    expect(await memberExists(testDb, email)).toBe(true);
  });
});
