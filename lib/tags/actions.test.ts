// The server action as a browser would call it: the session decides who acts.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { createTag } from "@/test/factories-content";
import { signedInAs } from "@/test/session";
import { form } from "@/test/form-data";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-pathname": "/tags" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { updateTagFollowAction } = await import("./actions");

const followsOf = (tagId: string) => testDb.tagFollow.count({ where: { tagId } });

beforeEach(() => {
  signedInAs(null);
});

describe("updateTagFollowAction", () => {
  it("refuses a signed-out visitor (redirect to sign in) and saves nothing", async () => {
    const tag = await createTag();
    await expect(
      updateTagFollowAction(null, form({ tagId: tag.id, follow: "true" })),
    ).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/signin/) });
    expect(await followsOf(tag.id)).toBe(0);
  });

  it("refuses a deactivated member's old session", async () => {
    const [member, tag] = [await createMember({ status: "DEACTIVATED" }), await createTag()];
    signedInAs(member);
    await expect(
      updateTagFollowAction(null, form({ tagId: tag.id, follow: "true" })),
    ).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/auth\/ended/) });
    expect(await followsOf(tag.id)).toBe(0);
  });

  it("follows the tag for the signed-in member", async () => {
    const [member, tag] = [await createMember(), await createTag()];
    signedInAs(member);
    expect(await updateTagFollowAction(null, form({ tagId: tag.id, follow: "true" }))).toEqual({
      ok: true,
      message: `You follow ${tag.name}.`,
    });
    expect(
      await testDb.tagFollow.findMany({ where: { tagId: tag.id }, select: { userId: true } }),
    ).toEqual([{ userId: member.id }]);
  });
});
