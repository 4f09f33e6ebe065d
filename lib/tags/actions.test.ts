// The server action as a browser would call it: the session decides who acts.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { createTag } from "@/test/factories-content";

const session = vi.hoisted(() => ({
  current: null as null | { user: { id: string }; sessionVersion: number },
}));

vi.mock("@/lib/auth/auth", () => ({ auth: async () => session.current }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-pathname": "/tags" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { updateTagFollowAction } = await import("./actions");

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const followsOf = (tagId: string) => testDb.tagFollow.count({ where: { tagId } });

beforeEach(() => {
  session.current = null;
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
    session.current = { user: { id: member.id }, sessionVersion: 0 };
    await expect(
      updateTagFollowAction(null, form({ tagId: tag.id, follow: "true" })),
    ).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/auth\/ended/) });
    expect(await followsOf(tag.id)).toBe(0);
  });

  it("follows the tag for the signed-in member", async () => {
    const [member, tag] = [await createMember(), await createTag()];
    session.current = { user: { id: member.id }, sessionVersion: 0 };
    expect(await updateTagFollowAction(null, form({ tagId: tag.id, follow: "true" }))).toEqual({
      ok: true,
      message: `You follow ${tag.name}.`,
    });
    expect(
      await testDb.tagFollow.findMany({ where: { tagId: tag.id }, select: { userId: true } }),
    ).toEqual([{ userId: member.id }]);
  });
});
