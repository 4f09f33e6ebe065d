import { beforeEach, describe, expect, it, vi } from "vitest";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { form as formData } from "@/test/form-data";
import { signedInAs } from "@/test/session";
import { savePreferencesAction } from "./actions";
import { DEFAULT_EMAIL, emailFrequencies, preferencesOf } from "./preferences";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const rowsOf = (userId: string) =>
  testDb.notificationPreference.findMany({ where: { userId }, orderBy: { kind: "asc" } });

describe("email preferences", () => {
  beforeEach(() => signedInAs(null));

  it("gives the defaults to a member who never chose", async () => {
    const member = await createMember();
    expect(await preferencesOf(testDb, member.id)).toEqual(DEFAULT_EMAIL);
    const choices = await emailFrequencies(testDb, [member.id], "tag.new_content");
    expect(choices.get(member.id)).toBe("WEEKLY");
    expect(DEFAULT_EMAIL["content.mentioned"]).toBe("IMMEDIATE");
  });

  it("saves every choice at once, storing only those that differ from the default", async () => {
    const member = await createMember();
    signedInAs(member);
    const result = await savePreferencesAction(
      null,
      formData({
        "content.mentioned": "OFF",
        "tag.new_content": "DAILY",
        "answer.accepted": "IMMEDIATE",
        digest: "OFF",
      }),
    );
    expect(result).toMatchObject({ ok: true });
    expect((await rowsOf(member.id)).map((r) => [r.kind, r.email])).toEqual([
      ["content.mentioned", "OFF"],
      ["digest", "OFF"],
      ["tag.new_content", "DAILY"],
    ]);
    // Back to the default: the row goes.
    await savePreferencesAction(null, formData({ "content.mentioned": "IMMEDIATE" }));
    expect((await preferencesOf(testDb, member.id))["content.mentioned"]).toBe("IMMEDIATE");
    expect(await rowsOf(member.id)).toHaveLength(2);
  });

  it("refuses a choice the kind does not offer, beside the field, saving nothing", async () => {
    const member = await createMember();
    signedInAs(member);
    const result = await savePreferencesAction(
      null,
      formData({ digest: "IMMEDIATE", "content.mentioned": "OFF" }),
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { digest: [expect.any(String)] } });
    expect(await rowsOf(member.id)).toHaveLength(0);
  });

  it("changes only the signed-in member's preferences", async () => {
    const [member, other] = [await createMember(), await createMember()];
    signedInAs(member);
    await savePreferencesAction(null, formData({ "content.mentioned": "OFF", userId: other.id }));
    expect(await rowsOf(other.id)).toHaveLength(0);
    expect(await rowsOf(member.id)).toHaveLength(1);
  });
});
