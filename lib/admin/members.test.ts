import { describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { testDb } from "@/test/db";
import { createAdmin, createLeader, createMember } from "@/test/factories";
import { auditEntriesFor } from "@/test/factories-admin";
import { adminRemovalProblem, changeMemberRole, setMemberStatus } from "./members";

const reload = (id: string) => testDb.user.findUniqueOrThrow({ where: { id } });

describe("changeMemberRole", () => {
  it("lets an admin change a role and audits who, what, before and after", async () => {
    const admin = await createAdmin();
    const member = await createMember();
    const result = await changeMemberRole(admin, { memberId: member.id, role: "LEADER" });
    expect(result).toMatchObject({ ok: true });
    expect((await reload(member.id)).role).toBe("LEADER");
    const [entry, ...rest] = await auditEntriesFor(member.id);
    expect(rest).toHaveLength(0);
    expect(entry).toMatchObject({
      actorId: admin.id,
      action: "member.role.change",
      entityType: "User",
      before: { role: "MEMBER" },
      after: { role: "LEADER" },
    });
  });

  it.each(["MEMBER", "LEADER"] as const)("refuses a %s and changes nothing", async (role) => {
    const actor = await createMember({ role });
    const member = await createMember();
    await expect(
      changeMemberRole(actor, { memberId: member.id, role: "ADMIN" }),
    ).rejects.toBeInstanceOf(PermissionDenied);
    expect((await reload(member.id)).role).toBe("MEMBER");
    expect(await auditEntriesFor(member.id)).toHaveLength(0);
  });

  it("refuses an admin demoting themselves", async () => {
    const admin = await createAdmin();
    const result = await changeMemberRole(admin, { memberId: admin.id, role: "MEMBER" });
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringMatching(/own role|only active admin/),
    });
    expect((await reload(admin.id)).role).toBe("ADMIN");
  });

  it("refuses an admin whose rights were removed after their request began", async () => {
    const admin = await createAdmin();
    const member = await createMember();
    await testDb.user.update({ where: { id: admin.id }, data: { role: "MEMBER" } });
    await expect(
      changeMemberRole(admin, { memberId: member.id, role: "LEADER" }),
    ).rejects.toBeInstanceOf(PermissionDenied);
    expect((await reload(member.id)).role).toBe("MEMBER");
  });

  it("never lets two admins demote each other at the same time", async () => {
    const [a, b] = [await createAdmin(), await createAdmin()];
    const results = await Promise.allSettled([
      changeMemberRole(a, { memberId: b.id, role: "MEMBER" }),
      changeMemberRole(b, { memberId: a.id, role: "MEMBER" }),
    ]);
    const succeeded = results.filter((r) => r.status === "fulfilled" && r.value.ok);
    expect(succeeded).toHaveLength(1);
    const roles = [(await reload(a.id)).role, (await reload(b.id)).role];
    expect(roles.sort()).toEqual(["ADMIN", "MEMBER"]);
  });

  it("rejects an unknown role or a malformed id without writing", async () => {
    const admin = await createAdmin();
    const member = await createMember();
    expect(await changeMemberRole(admin, { memberId: member.id, role: "OWNER" })).toMatchObject({
      ok: false,
      fieldErrors: { role: [expect.any(String)] },
    });
    expect(
      await changeMemberRole(admin, { memberId: "'; drop table", role: "LEADER" }),
    ).toMatchObject({ ok: false });
    expect((await reload(member.id)).role).toBe("MEMBER");
  });

  it("treats the member's current role as nothing to do", async () => {
    const admin = await createAdmin();
    const leader = await createLeader();
    expect(await changeMemberRole(admin, { memberId: leader.id, role: "LEADER" })).toMatchObject({
      ok: true,
    });
    expect(await auditEntriesFor(leader.id)).toHaveLength(0);
  });
});

describe("adminRemovalProblem (the last-admin rule)", () => {
  const admin = { id: "a1", name: "Ada", role: "ADMIN" as const, status: "ACTIVE" as const };

  it("refuses removing the only active admin, by anyone", () => {
    expect(adminRemovalProblem("someone-else", admin, new Set(["a1"]), "demote")).toMatch(
      /only active admin/,
    );
    expect(adminRemovalProblem("a1", admin, new Set(["a1"]), "deactivate")).toMatch(
      /only active admin/,
    );
  });

  it("refuses self-removal even when other admins remain", () => {
    expect(adminRemovalProblem("a1", admin, new Set(["a1", "a2"]), "demote")).toMatch(/own role/);
    expect(adminRemovalProblem("a1", admin, new Set(["a1", "a2"]), "deactivate")).toMatch(
      /your own account/,
    );
  });

  it("allows removing one of several admins", () => {
    expect(adminRemovalProblem("a2", admin, new Set(["a1", "a2"]), "demote")).toBeNull();
  });
});

describe("setMemberStatus", () => {
  it("deactivates: sets the status and date, ends sessions, and audits", async () => {
    const admin = await createAdmin();
    const member = await createMember();
    const result = await setMemberStatus(admin, { memberId: member.id, status: "DEACTIVATED" });
    expect(result).toMatchObject({ ok: true });
    const after = await reload(member.id);
    expect(after.status).toBe("DEACTIVATED");
    expect(after.deactivatedAt).toBeInstanceOf(Date);
    expect(after.sessionVersion).toBe(member.sessionVersion + 1);
    const [entry] = await auditEntriesFor(member.id);
    expect(entry).toMatchObject({
      actorId: admin.id,
      action: "member.deactivate",
      before: { status: "ACTIVE" },
      after: { status: "DEACTIVATED" },
    });
  });

  it("reactivates and clears the deactivation date", async () => {
    const admin = await createAdmin();
    const member = await createMember({ status: "DEACTIVATED" });
    await testDb.user.update({ where: { id: member.id }, data: { deactivatedAt: new Date() } });
    expect(await setMemberStatus(admin, { memberId: member.id, status: "ACTIVE" })).toMatchObject({
      ok: true,
    });
    const after = await reload(member.id);
    expect(after).toMatchObject({ status: "ACTIVE", deactivatedAt: null });
    expect((await auditEntriesFor(member.id)).map((e) => e.action)).toEqual(["member.reactivate"]);
  });

  it("refuses an admin deactivating themselves", async () => {
    const admin = await createAdmin();
    const result = await setMemberStatus(admin, { memberId: admin.id, status: "DEACTIVATED" });
    expect(result).toMatchObject({ ok: false });
    expect((await reload(admin.id)).status).toBe("ACTIVE");
  });

  it.each(["MEMBER", "LEADER"] as const)("refuses a %s and changes nothing", async (role) => {
    const actor = await createMember({ role });
    const member = await createMember();
    await expect(
      setMemberStatus(actor, { memberId: member.id, status: "DEACTIVATED" }),
    ).rejects.toBeInstanceOf(PermissionDenied);
    expect(await reload(member.id)).toMatchObject({
      status: "ACTIVE",
      sessionVersion: member.sessionVersion,
    });
    expect(await auditEntriesFor(member.id)).toHaveLength(0);
  });

  it("never lets two admins deactivate each other at the same time", async () => {
    const [a, b] = [await createAdmin(), await createAdmin()];
    const results = await Promise.allSettled([
      setMemberStatus(a, { memberId: b.id, status: "DEACTIVATED" }),
      setMemberStatus(b, { memberId: a.id, status: "DEACTIVATED" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled" && r.value.ok)).toHaveLength(1);
    const statuses = [(await reload(a.id)).status, (await reload(b.id)).status];
    expect(statuses.sort()).toEqual(["ACTIVE", "DEACTIVATED"]);
  });

  it("says not found for an unknown member", async () => {
    const admin = await createAdmin();
    await expect(
      setMemberStatus(admin, { memberId: "cnotarealmember000000000", status: "DEACTIVATED" }),
    ).rejects.toThrow(/not found/);
  });
});
