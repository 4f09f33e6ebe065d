// "surveys.minResponses" is organisation-wide and the survey tests read it at the same time,
// so this file never commits a change: the successful save runs in a rolled-back transaction.
import { describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { testDb } from "@/test/db";
import { createAdmin, createLeader, createMember } from "@/test/factories";
import { getSetting } from "@/lib/core/settings/queries";
import { saveSurveyThreshold, updateSurveySettings } from "./update";

describe("updateSurveySettings", () => {
  it.each([
    ["2", "At least 3 responses, so that no one's answers can be singled out."],
    ["0", "At least 3 responses, so that no one's answers can be singled out."],
    ["51", "At most 50 responses."],
    ["4.5", "Enter a whole number."],
    ["-3", "Enter a whole number."],
    ["five", "Enter a whole number."],
    ["", "Enter a whole number."],
  ])("refuses %j with a clear message and saves nothing", async (value, message) => {
    const admin = await createAdmin();
    const before = await getSetting("surveys.minResponses");
    expect(await updateSurveySettings(admin, { minResponses: value })).toMatchObject({
      ok: false,
      fieldErrors: { minResponses: [message] },
    });
    expect(await getSetting("surveys.minResponses")).toBe(before);
    expect(await testDb.auditLog.count({ where: { actorId: admin.id } })).toBe(0);
  });

  it("refuses a missing value", async () => {
    const admin = await createAdmin();
    expect(await updateSurveySettings(admin, {})).toMatchObject({
      ok: false,
      fieldErrors: { minResponses: ["Enter a number."] },
    });
  });

  it.each([
    ["LEADER", createLeader],
    ["MEMBER", () => createMember()],
  ] as const)("refuses a %s and changes nothing", async (_role, create) => {
    const actor = await create();
    const before = await getSetting("surveys.minResponses");
    await expect(updateSurveySettings(actor, { minResponses: "9" })).rejects.toBeInstanceOf(
      PermissionDenied,
    );
    expect(await getSetting("surveys.minResponses")).toBe(before);
    expect(await testDb.auditLog.count({ where: { actorId: actor.id } })).toBe(0);
  });

  it("saves a value from 3 to 50 and audits before and after (rolled back)", async () => {
    const admin = await createAdmin();
    const before = await getSetting("surveys.minResponses");
    const next = before === 7 ? 8 : 7;
    const rollback = new Error("rollback");
    await expect(
      testDb.$transaction(async (tx) => {
        expect(await saveSurveyThreshold(tx, admin, next)).toEqual({
          ok: true,
          message: `Saved. Survey results show for groups of ${next} or more responses.`,
        });
        expect(await getSetting("surveys.minResponses", tx)).toBe(next);
        expect(
          await tx.auditLog.findMany({
            where: { actorId: admin.id, action: "settings.update" },
            select: { entityType: true, entityId: true, before: true, after: true },
          }),
        ).toEqual([
          {
            entityType: "Setting",
            entityId: "surveys.minResponses",
            before: { minResponses: before },
            after: { minResponses: next },
          },
        ]);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await getSetting("surveys.minResponses")).toBe(before);
  });

  it("says so when nothing changes, without an audit entry", async () => {
    const admin = await createAdmin();
    const current = await getSetting("surveys.minResponses");
    expect(await updateSurveySettings(admin, { minResponses: String(current) })).toEqual({
      ok: true,
      message: "Nothing to change: the threshold was already this.",
    });
    expect(await testDb.auditLog.count({ where: { actorId: admin.id } })).toBe(0);
  });
});
