// The account page's feed actions are public endpoints: they act on the signed-in member's own
// feed only, and a signed-out visitor is sent to sign in with nothing changed.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { createFeedAction, turnOffFeedAction } from "./actions";
import { feedOwner } from "./feed-token";
import { signedInAs } from "@/test/session";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "learning.test", "x-pathname": "/account" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const ORIGIN = process.env.APP_URL?.replace(/\/+$/, "") ?? "http://learning.test";
const toSignIn = { digest: expect.stringMatching(/NEXT_REDIRECT;[^;]*;\/signin/) };

beforeEach(() => signedInAs(null));

describe("calendar feed actions", () => {
  it("creates the member's feed and shows its full address once", async () => {
    const member = await createMember();
    signedInAs(member);
    const result = await createFeedAction(null, new FormData());
    expect(result).toMatchObject({ ok: true, data: { url: expect.any(String) } });
    const url = result.ok ? result.data!.url : "";
    const match = new RegExp(`^${ORIGIN}/calendar/([A-Za-z0-9_-]{43})\\.ics$`).exec(url);
    expect(match).not.toBeNull();
    expect(await feedOwner(match![1]!)).toMatchObject({ id: member.id });
  });

  it("turns the member's feed off", async () => {
    const member = await createMember();
    signedInAs(member);
    await createFeedAction(null, new FormData());
    expect(await turnOffFeedAction(null, new FormData())).toMatchObject({ ok: true });
    expect(await testDb.calendarFeedToken.count({ where: { userId: member.id } })).toBe(0);
  });

  it("sends a signed-out visitor to sign in and changes nothing", async () => {
    const member = await createMember();
    signedInAs(member);
    await createFeedAction(null, new FormData());
    signedInAs(null);
    await expect(createFeedAction(null, new FormData())).rejects.toMatchObject(toSignIn);
    await expect(turnOffFeedAction(null, new FormData())).rejects.toMatchObject(toSignIn);
    expect(await testDb.calendarFeedToken.count({ where: { userId: member.id } })).toBe(1);
  });
});
