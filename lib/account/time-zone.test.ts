import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { confirmTimeZone } from "./time-zone";

describe("confirming the browser's time zone", () => {
  it("saves a known zone on the member's own account only", async () => {
    const member = await createMember();
    const other = await createMember();
    expect(await confirmTimeZone(testDb, member, { timeZone: "Europe/Berlin" })).toMatchObject({
      ok: true,
      message: "Times are now shown in Europe/Berlin.",
    });
    const [saved, untouched] = await Promise.all(
      [member, other].map((m) => testDb.user.findUniqueOrThrow({ where: { id: m.id } })),
    );
    expect(saved!.timeZone).toBe("Europe/Berlin");
    expect(untouched!.timeZone).toBe(other.timeZone);
  });

  it("refuses what is not a zone, next to the field, and saves nothing", async () => {
    const member = await createMember();
    for (const timeZone of ["Mars/Olympus_Mons", "", "<script>"])
      expect(await confirmTimeZone(testDb, member, { timeZone })).toMatchObject({
        ok: false,
        fieldErrors: { timeZone: [expect.stringMatching(/not a time zone/)] },
      });
    const after = await testDb.user.findUniqueOrThrow({ where: { id: member.id } });
    expect(after.timeZone).toBe(member.timeZone);
  });

  it("changes nothing on a deactivated account", async () => {
    const member = await createMember({ status: "DEACTIVATED" });
    await confirmTimeZone(testDb, member, { timeZone: "Asia/Tokyo" });
    const after = await testDb.user.findUniqueOrThrow({ where: { id: member.id } });
    expect(after.timeZone).toBe(member.timeZone);
  });
});
