// A role changed twice before the member looked: one unread notification, for the role they
// have now. One they already read stays.
import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createAdmin, createMember } from "@/test/factories";
import { changeMemberRole } from "./members";

const roleNotices = (recipientId: string) =>
  testDb.notification.findMany({
    where: { recipientId, kind: "member.role_changed" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });

describe("a role changed twice", () => {
  it("replaces the unread earlier role notification with the current role, and keeps read ones", async () => {
    const [admin, member] = [await createAdmin(), await createMember()];
    await changeMemberRole(admin, { memberId: member.id, role: "LEADER" });
    await changeMemberRole(admin, { memberId: member.id, role: "ADMIN" });
    expect(await roleNotices(member.id)).toMatchObject([{ data: { role: "ADMIN" }, readAt: null }]);

    await testDb.notification.updateMany({
      where: { recipientId: member.id },
      data: { readAt: new Date() },
    });
    await changeMemberRole(admin, { memberId: member.id, role: "MEMBER" });
    expect((await roleNotices(member.id)).map((n) => n.data)).toEqual([
      { role: "ADMIN" },
      { role: "MEMBER" },
    ]);
  });
});
