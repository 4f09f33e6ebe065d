// The admin's role change notifies the member inside its own transaction.
import { describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { changeMemberRole } from "@/lib/admin/members";
import { createAdmin, createMember } from "@/test/factories";
import { notificationsFor } from "@/test/factories-notifications";
import { listNotifications } from "./queries";

describe("role change notification", () => {
  it("creates exactly one notification for the member, from the admin", async () => {
    const admin = await createMember({ role: "ADMIN", name: "Ada Admin" });
    const member = await createMember();
    expect(await changeMemberRole(admin, { memberId: member.id, role: "LEADER" })).toMatchObject({
      ok: true,
    });
    const rows = await notificationsFor(member.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: admin.id,
      kind: "member.role_changed",
      data: { role: "LEADER" },
      readAt: null,
    });
    const { items } = await listNotifications(member.id);
    expect(items[0]).toMatchObject({ text: "Ada Admin made you a Leader", href: "/account" });
    expect(await notificationsFor(admin.id)).toHaveLength(0);
  });

  it("creates none when the role does not change or the change is refused", async () => {
    const admin = await createAdmin();
    const member = await createMember({ role: "LEADER" });
    await changeMemberRole(admin, { memberId: member.id, role: "LEADER" });
    await expect(
      changeMemberRole(await createMember(), { memberId: member.id, role: "ADMIN" }),
    ).rejects.toBeInstanceOf(PermissionDenied);
    expect(await changeMemberRole(admin, { memberId: admin.id, role: "MEMBER" })).toMatchObject({
      ok: false,
    });
    expect(await notificationsFor(member.id)).toHaveLength(0);
    expect(await notificationsFor(admin.id)).toHaveLength(0);
  });
});
