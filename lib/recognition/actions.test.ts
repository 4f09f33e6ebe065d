// The recognition server actions are public endpoints: called directly (as a form post
// would be), they refuse signed-out visitors and the wrong members, and change nothing.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { revalidatePath } from "next/cache";
import { testDb } from "@/test/db";
import { createLeader, createMember } from "@/test/factories";
import { createRecognition, createValue } from "@/test/factories-recognition";
import {
  deleteRecognitionAction,
  editRecognitionAction,
  giveRecognitionAction,
  setFeaturedAction,
  toggleApplauseAction,
} from "./actions";
import { enqueueRecognitionDelivery } from "./webhook";
import { signedInAs } from "@/test/session";
import { form } from "@/test/form-data";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/recognition/webhook", () => ({
  enqueueRecognitionDelivery: vi.fn(async () => {}),
}));

const toSignIn = { digest: expect.stringMatching(/NEXT_REDIRECT;[^;]*;\/signin/) };
const row = (id: string) => testDb.recognition.findUniqueOrThrow({ where: { id } });

beforeEach(() => {
  signedInAs(null);
  vi.clearAllMocks();
});

describe("recognition actions", () => {
  it("gives a recognition as the signed-in member and refreshes the wall", async () => {
    const [giver, a, b] = await Promise.all([createMember(), createMember(), createMember()]);
    const value = await createValue();
    signedInAs(giver);
    const result = await giveRecognitionAction(
      null,
      form({ recipientIds: [a.id, b.id], valueId: value.id, message: "Thank you both!" }),
    );
    expect(result).toMatchObject({ ok: true, data: { id: expect.any(String) } });
    const saved = await testDb.recognition.findUniqueOrThrow({
      where: { id: result.ok ? result.data!.id : "" },
      include: { recipients: true },
    });
    expect(saved.giverId).toBe(giver.id);
    expect(saved.recipients.map((r) => r.userId).sort()).toEqual([a.id, b.id].sort());
    expect(revalidatePath).toHaveBeenCalledWith("/recognition", "layout");
    expect(revalidatePath).toHaveBeenCalledWith("/");
    expect(enqueueRecognitionDelivery).toHaveBeenCalledWith(expect.anything(), saved.id);
  });

  it("returns the refusal and the typed values, beside the field", async () => {
    const giver = await createMember();
    signedInAs(giver);
    const result = await giveRecognitionAction(
      null,
      form({ recipientIds: giver.id, valueId: (await createValue()).id, message: "Me!" }),
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { recipientIds: ["You can't recognise yourself."] },
      values: { message: "Me!" },
    });
    expect(await testDb.recognition.count({ where: { giverId: giver.id } })).toBe(0);
  });

  it("sends a signed-out visitor to sign in and changes nothing", async () => {
    const [giver, recipient] = await Promise.all([createMember(), createMember()]);
    const given = await createRecognition(giver.id, [recipient.id]);
    const value = await createValue();
    const attempts = [
      () =>
        giveRecognitionAction(
          null,
          form({ recipientIds: recipient.id, valueId: value.id, message: "Anonymous" }),
        ),
      () => editRecognitionAction(null, form({ id: given.id, message: "x", valueId: value.id })),
      () => deleteRecognitionAction(null, form({ id: given.id })),
      () => setFeaturedAction(null, form({ id: given.id, featured: "true" })),
      () => toggleApplauseAction(null, form({ id: given.id })),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject(toSignIn);
    expect(await row(given.id)).toMatchObject({
      message: given.message,
      deletedAt: null,
      featuredAt: null,
      applauseCount: 0,
    });
    expect(await testDb.recognition.count({ where: { valueId: value.id } })).toBe(0);
  });

  it("refuses edits, deletion and featuring by the wrong member", async () => {
    const [giver, recipient, other] = await Promise.all([
      createMember(),
      createMember(),
      createMember(),
    ]);
    const given = await createRecognition(giver.id, [recipient.id]);
    signedInAs(other);
    const attempts = [
      editRecognitionAction(
        null,
        form({ id: given.id, message: "Mine now", valueId: given.valueId }),
      ),
      deleteRecognitionAction(null, form({ id: given.id })),
      setFeaturedAction(null, form({ id: given.id, featured: "true" })),
      giveRecognitionAction(
        null,
        form({ recipientIds: recipient.id, valueId: given.valueId, message: "x", kind: "LEADER" }),
      ),
    ];
    for (const result of await Promise.all(attempts)) {
      expect(result).toMatchObject({ ok: false, message: "You don't have permission to do that." });
    }
    signedInAs(recipient);
    expect(await toggleApplauseAction(null, form({ id: given.id }))).toMatchObject({ ok: false });
    expect(await row(given.id)).toMatchObject({
      message: given.message,
      deletedAt: null,
      featuredAt: null,
      applauseCount: 0,
    });
    expect(await testDb.recognition.count({ where: { giverId: other.id } })).toBe(0);
  });

  it("lets the right members edit, applaud and feature", async () => {
    const [giver, recipient, other] = await Promise.all([
      createMember(),
      createMember(),
      createMember(),
    ]);
    const leader = await createLeader();
    const given = await createRecognition(giver.id, [recipient.id]);
    signedInAs(giver);
    const edit = form({ id: given.id, message: "Edited thanks", valueId: given.valueId });
    expect((await editRecognitionAction(null, edit)).ok).toBe(true);
    signedInAs(other);
    expect(await toggleApplauseAction(null, form({ id: given.id }))).toMatchObject({
      ok: true,
      data: { applauded: true, applauseCount: 1 },
    });
    signedInAs(leader);
    expect((await setFeaturedAction(null, form({ id: given.id, featured: "true" }))).ok).toBe(true);
    expect(await row(given.id)).toMatchObject({
      message: "Edited thanks",
      applauseCount: 1,
      featuredById: leader.id,
    });
  });
});
