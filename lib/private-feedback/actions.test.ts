// The send action is a public endpoint: called directly (as a form post would), it refuses
// signed-out visitors, and sends as the signed-in member only.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { sendPrivateFeedbackAction } from "./actions";
import { signedInAs } from "@/test/session";
import { form } from "@/test/form-data";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

beforeEach(() => {
  signedInAs(null);
});

describe("sendPrivateFeedbackAction", () => {
  it("sends as the signed-in member and goes to the note", async () => {
    const [giver, recipient] = [await createMember(), await createMember()];
    signedInAs(giver);
    const attempt = sendPrivateFeedbackAction(
      null,
      form({ recipientId: recipient.id, message: "Thank you", giverId: recipient.id }),
    );
    await expect(attempt).rejects.toMatchObject({
      digest: expect.stringMatching(/NEXT_REDIRECT;[^;]*;\/feedback\/[\w-]+\?sent=1/),
    });
    const row = await testDb.privateFeedback.findFirstOrThrow({
      where: { recipientId: recipient.id },
    });
    expect(row.giverId).toBe(giver.id);
  });

  it("returns the field's error and the typed values for a bad form", async () => {
    const giver = await createMember();
    signedInAs(giver);
    const result = await sendPrivateFeedbackAction(
      null,
      form({ recipientId: giver.id, message: "To me" }),
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { recipientId: [expect.any(String)] },
      values: { message: "To me" },
    });
  });

  it("sends a signed-out visitor to sign in and saves nothing", async () => {
    const recipient = await createMember();
    await expect(
      sendPrivateFeedbackAction(null, form({ recipientId: recipient.id, message: "Hi" })),
    ).rejects.toMatchObject({ digest: expect.stringMatching(/NEXT_REDIRECT;[^;]*;\/signin/) });
    expect(await testDb.privateFeedback.count({ where: { recipientId: recipient.id } })).toBe(0);
  });
});
