// The asks settings are organisation-wide and the routing tests read them at the same time,
// so this file never commits a change: the successful save runs in a rolled-back transaction.
import { describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { getSetting } from "@/lib/core/settings/queries";
import { testDb } from "@/test/db";
import { createAdmin, createLeader, createMember } from "@/test/factories";
import { saveAskSettings, updateAskSettings } from "./update";

const current = async () => ({
  routeAfterHours: await getSetting("asks.routeAfterHours"),
  weeklyCapPerMember: await getSetting("asks.weeklyCapPerMember"),
});

describe("updateAskSettings", () => {
  it.each([
    [{ routeAfterHours: "0", weeklyCapPerMember: "3" }, "routeAfterHours", "Wait at least 1 hour."],
    [
      { routeAfterHours: "337", weeklyCapPerMember: "3" },
      "routeAfterHours",
      "At most 336 hours (two weeks).",
    ],
    [
      { routeAfterHours: "24", weeklyCapPerMember: "0" },
      "weeklyCapPerMember",
      "Allow at least 1 ask a week.",
    ],
    [
      { routeAfterHours: "24", weeklyCapPerMember: "51" },
      "weeklyCapPerMember",
      "At most 50 a week.",
    ],
    [
      { routeAfterHours: "2.5", weeklyCapPerMember: "3" },
      "routeAfterHours",
      "Enter a whole number.",
    ],
    [{ routeAfterHours: "24" }, "weeklyCapPerMember", "Enter a number."],
  ])("refuses %j with a message on the field and saves nothing", async (input, field, message) => {
    const admin = await createAdmin();
    const before = await current();
    expect(await updateAskSettings(admin, input)).toMatchObject({
      ok: false,
      fieldErrors: { [field]: [message] },
    });
    expect(await current()).toEqual(before);
    expect(await testDb.auditLog.count({ where: { actorId: admin.id } })).toBe(0);
  });

  it.each([
    ["LEADER", createLeader],
    ["MEMBER", () => createMember()],
  ] as const)("refuses a %s and changes nothing", async (_role, create) => {
    const actor = await create();
    const before = await current();
    await expect(
      updateAskSettings(actor, { routeAfterHours: "2", weeklyCapPerMember: "9" }),
    ).rejects.toBeInstanceOf(PermissionDenied);
    expect(await current()).toEqual(before);
  });

  it("saves both and audits before and after (rolled back)", async () => {
    const admin = await createAdmin();
    const before = await current();
    const next = { routeAfterHours: before.routeAfterHours === 6 ? 7 : 6, weeklyCapPerMember: 2 };
    const rollback = new Error("rollback");
    await expect(
      testDb.$transaction(async (tx) => {
        expect(await saveAskSettings(tx, admin, next)).toMatchObject({ ok: true });
        expect(await getSetting("asks.routeAfterHours", tx)).toBe(next.routeAfterHours);
        expect(await getSetting("asks.weeklyCapPerMember", tx)).toBe(2);
        expect(
          await tx.auditLog.findMany({
            where: { actorId: admin.id, action: "settings.update" },
            select: { entityId: true, before: true, after: true },
          }),
        ).toEqual([{ entityId: "asks", before, after: next }]);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await current()).toEqual(before);
  });
});
