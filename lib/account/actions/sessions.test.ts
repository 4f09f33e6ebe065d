// The account page's session actions are public endpoints: called as a form post would, they
// end only the signed-in member's own sessions.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { form } from "@/test/form-data";
import { auth, signedInAs } from "@/test/session";
import { startAuthSession } from "@/lib/core/auth/auth-sessions";
import {
  revokeSessionAction,
  signOutEverywhereAction,
  signOutOtherSessionsAction,
} from "./sessions";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const toSignIn = { digest: expect.stringMatching(/NEXT_REDIRECT;[^;]*;\/signin/) };

beforeEach(() => signedInAs(null));

/** The member signed in here, plus `others` more sessions elsewhere. */
async function memberWithSessions(others: number) {
  const member = await createMember();
  signedInAs(member);
  const here = (await auth())!.sessionId!;
  const elsewhere = [];
  for (let i = 0; i < others; i++)
    elsewhere.push(await startAuthSession(testDb, { userId: member.id, userAgent: "x" }));
  return { member, here, elsewhere };
}

const sessionIds = async (userId: string) =>
  (await testDb.authSession.findMany({ where: { userId }, select: { id: true } }))
    .map((s) => s.id)
    .sort();

describe("session actions", () => {
  it("revokes one session; the others stay", async () => {
    const { member, here, elsewhere } = await memberWithSessions(2);
    const result = await revokeSessionAction(null, form({ sessionId: elsewhere[0]! }));
    expect(result).toMatchObject({ ok: true });
    expect(await sessionIds(member.id)).toEqual([here, elsewhere[1]!].sort());
  });

  it("cannot end another member's session", async () => {
    const victim = await createMember();
    const theirs = await startAuthSession(testDb, { userId: victim.id, userAgent: "x" });
    await memberWithSessions(0);
    const result = await revokeSessionAction(null, form({ sessionId: theirs }));
    expect(result).toMatchObject({ ok: false, message: "That session has already ended." });
    expect(await sessionIds(victim.id)).toEqual([theirs]);
  });

  it("signs out everywhere else, keeping this session", async () => {
    const { member, here } = await memberWithSessions(3);
    expect(await signOutOtherSessionsAction()).toMatchObject({
      ok: true,
      message: "Signed out of 3 other sessions.",
    });
    expect(await sessionIds(member.id)).toEqual([here]);
  });

  it("signs out everywhere, this session included", async () => {
    const { member } = await memberWithSessions(2);
    await signOutEverywhereAction();
    expect(await sessionIds(member.id)).toEqual([]);
    expect(await auth()).toBeNull();
  });

  it("sends a signed-out visitor to sign in, ending nothing", async () => {
    const member = await createMember();
    const theirs = await startAuthSession(testDb, { userId: member.id, userAgent: "x" });
    await expect(revokeSessionAction(null, form({ sessionId: theirs }))).rejects.toMatchObject(
      toSignIn,
    );
    await expect(signOutOtherSessionsAction()).rejects.toMatchObject(toSignIn);
    await expect(signOutEverywhereAction()).rejects.toMatchObject(toSignIn);
    expect(await sessionIds(member.id)).toEqual([theirs]);
  });
});
