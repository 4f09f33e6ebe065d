// The after-session server actions are public endpoints: called directly (as a form post
// would be), they act as the signed-in member, refuse others, and change nothing then.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createMember } from "@/test/factories";
import { createActionItem, createPastSession, createRsvp } from "@/test/factories-sessions";
import { testDb } from "@/test/db";
import {
  publishNotesAsPostAction,
  rateSessionAction,
  saveNotesAction,
  setActionItemDoneAction,
} from "./actions";
import { signedInAs } from "@/test/session";
import { form } from "@/test/form-data";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const toSignIn = { digest: expect.stringMatching(/NEXT_REDIRECT;[^;]*;\/signin/) };

beforeEach(() => signedInAs(null));

describe("after-session actions", () => {
  it("sends a signed-out visitor to sign in and saves nothing", async () => {
    const past = await createPastSession([(await createMember()).id]);
    await expect(
      saveNotesAction(null, form({ sessionId: past.id, summary: "Sneaky" })),
    ).rejects.toMatchObject(toSignIn);
    expect(
      (await testDb.learningSession.findUniqueOrThrow({ where: { id: past.id } })).summary,
    ).toBeNull();
  });

  it("tells a member who is not a host that they may not, and keeps what they typed", async () => {
    const past = await createPastSession([(await createMember()).id]);
    signedInAs(await createMember());
    const result = await saveNotesAction(null, form({ sessionId: past.id, summary: "Mine now" }));
    expect(result).toMatchObject({
      ok: false,
      message: "You don't have permission to do that.",
      values: { summary: "Mine now" },
    });
  });

  it("ticks an item off for its owner from the checkbox's form", async () => {
    const past = await createPastSession([(await createMember()).id]);
    const owner = await createMember();
    const item = await createActionItem(past.id, owner.id);
    signedInAs(owner);
    const result = await setActionItemDoneAction(null, form({ id: item.id, done: "true" }));
    expect(result).toMatchObject({ ok: true });
    const row = await testDb.sessionActionItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(row.doneAt).toBeInstanceOf(Date);
  });

  it("rates from the form, and refuses the second rating with a message", async () => {
    const past = await createPastSession([(await createMember()).id]);
    const attendee = await createMember();
    await createRsvp(past.id, attendee.id, "GOING");
    signedInAs(attendee);
    const fields = { sessionId: past.id, rating: "5", anonymous: "on" };
    expect(await rateSessionAction(null, form(fields))).toMatchObject({ ok: true });
    expect(await rateSessionAction(null, form(fields))).toMatchObject({
      ok: false,
      message: "You have already rated this session.",
    });
  });

  it("opens the new notes post in the post editor", async () => {
    const host = await createMember();
    const past = await createPastSession([host.id], { summary: "What we said" });
    signedInAs(host);
    await expect(
      publishNotesAsPostAction(null, form({ sessionId: past.id })),
    ).rejects.toMatchObject({
      digest: expect.stringMatching(/NEXT_REDIRECT;[^;]*;\/posts\/\w+\/edit/),
    });
    const { notesPostId } = await testDb.learningSession.findUniqueOrThrow({
      where: { id: past.id },
    });
    expect(notesPostId).toEqual(expect.any(String));
  });
});
