// The server actions are public POST endpoints: they must refuse a signed-out visitor and a
// member by themselves. The session is stubbed; everything else (database) is real.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { testDb } from "@/test/db";
import { createAdmin, createMember } from "@/test/factories";
import { createDiscussion, createReport, reportsOn } from "@/test/factories-moderation";
import { signedInAs } from "@/test/session";
import { form } from "@/test/form-data";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ refresh: vi.fn(), revalidatePath: vi.fn() }));

const { moderateContentAction, moderateQueueItemAction } = await import("./actions");

async function reportedDiscussion() {
  const discussion = await createDiscussion((await createMember()).id);
  await createReport((await createMember()).id, "DISCUSSION", discussion.id);
  return discussion;
}

const hiddenAt = async (id: string) =>
  (await testDb.discussion.findUniqueOrThrow({ where: { id } })).hiddenAt;

describe.each([
  ["moderateContentAction", moderateContentAction],
  ["moderateQueueItemAction", moderateQueueItemAction],
])("%s", (_name, action) => {
  beforeEach(() => signedInAs(null));

  it("sends a signed-out visitor to sign in and changes nothing", async () => {
    const discussion = await reportedDiscussion();
    const fields = { targetType: "DISCUSSION", targetId: discussion.id, intent: "hide" };
    await expect(action(null, form(fields))).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/signin/),
    });
    expect(await hiddenAt(discussion.id)).toBeNull();
    expect((await reportsOn("DISCUSSION", discussion.id))[0]?.status).toBe("OPEN");
  });

  it("refuses a member with a message and changes nothing", async () => {
    signedInAs(await createMember());
    const discussion = await reportedDiscussion();
    const fields = { targetType: "DISCUSSION", targetId: discussion.id, intent: "dismiss" };
    expect(await action(null, form(fields))).toMatchObject({
      ok: false,
      message: "You don't have permission to do that.",
    });
    expect((await reportsOn("DISCUSSION", discussion.id))[0]?.status).toBe("OPEN");
  });

  it("lets an admin hide, and says when the item does not exist", async () => {
    signedInAs(await createAdmin());
    const discussion = await reportedDiscussion();
    const fields = { targetType: "DISCUSSION", targetId: discussion.id, intent: "hide" };
    expect(await action(null, form(fields))).toMatchObject({ ok: true });
    expect(await hiddenAt(discussion.id)).toBeInstanceOf(Date);
    const missing = { ...fields, targetId: "nosuchdiscussion" };
    expect(await action(null, form(missing))).toMatchObject({
      ok: false,
      message: "That discussion was not found.",
    });
  });
});
