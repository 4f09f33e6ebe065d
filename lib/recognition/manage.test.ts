// Editing, deleting and featuring recognitions against the real database.
import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/core/forms/run-action";
import { testDb } from "@/test/db";
import { auditEntriesFor } from "@/test/factories-admin";
import { createAdmin, createLeader, createMember } from "@/test/factories";
import { notificationsFor } from "@/test/factories-notifications";
import { createRecognition, createValue } from "@/test/factories-recognition";
import { deleteRecognition, editRecognition, setFeatured } from "./manage";

const MINUTE = 60_000;
const ago = (minutes: number) => new Date(Date.now() - minutes * MINUTE);
const row = (id: string) => testDb.recognition.findUniqueOrThrow({ where: { id } });

async function recognitionPair(createdAt = ago(1)) {
  const [giver, recipient] = await Promise.all([createMember(), createMember()]);
  const recognition = await createRecognition(giver.id, [recipient.id], { createdAt });
  return { giver, recipient, recognition };
}

describe("editing a recognition", () => {
  it("lets the giver change the message and value within 15 minutes, marking it edited", async () => {
    const { giver, recognition } = await recognitionPair(ago(14));
    const value = await createValue();
    const result = await editRecognition(giver, {
      id: recognition.id,
      message: "Thanks for the *review*.",
      valueId: value.id,
    });
    expect(result.ok).toBe(true);
    const saved = await row(recognition.id);
    expect(saved).toMatchObject({ message: "Thanks for the *review*.", valueId: value.id });
    expect(saved.editedAt).toBeInstanceOf(Date);
  });

  it("refuses after 15 minutes", async () => {
    const { giver, recognition } = await recognitionPair(ago(16));
    const result = await runAction(() =>
      editRecognition(giver, { id: recognition.id, message: "Late", valueId: recognition.valueId }),
    );
    expect(result).toMatchObject({
      ok: false,
      message: "You can edit a recognition for 15 minutes after giving it.",
    });
    expect((await row(recognition.id)).message).toBe(recognition.message);
  });

  it("refuses another member and an archived value", async () => {
    const { giver, recognition } = await recognitionPair();
    const other = await createMember();
    const input = { id: recognition.id, message: "Taken over", valueId: recognition.valueId };
    expect(await runAction(() => editRecognition(other, input))).toMatchObject({
      ok: false,
      message: "You don't have permission to do that.",
    });
    const archived = await createValue({ archivedAt: new Date() });
    expect(
      await runAction(() => editRecognition(giver, { ...input, valueId: archived.id })),
    ).toMatchObject({ ok: false, fieldErrors: { valueId: [expect.any(String)] } });
    expect(await row(recognition.id)).toMatchObject({
      message: recognition.message,
      valueId: recognition.valueId,
      editedAt: null,
    });
  });
});

describe("deleting a recognition", () => {
  it("lets the giver delete it (softly) and refuses everyone else, admins included", async () => {
    const { giver, recipient, recognition } = await recognitionPair(ago(60));
    for (const actor of [recipient, await createMember(), await createAdmin()]) {
      const result = await runAction(() => deleteRecognition(actor, { id: recognition.id }));
      expect(result.ok).toBe(false);
      expect((await row(recognition.id)).deletedAt).toBeNull();
    }
    expect((await deleteRecognition(giver, { id: recognition.id })).ok).toBe(true);
    expect((await row(recognition.id)).deletedAt).toBeInstanceOf(Date);
    // Gone: a second delete or an edit finds nothing.
    expect(await runAction(() => deleteRecognition(giver, { id: recognition.id }))).toMatchObject({
      ok: false,
      message: "That recognition was not found.",
    });
  });
});

describe("featuring a recognition", () => {
  it("lets a leader feature and unfeature it, telling the recipients once, audited", async () => {
    const { recipient, recognition } = await recognitionPair();
    const leader = await createLeader();
    expect((await setFeatured(leader, { id: recognition.id, featured: "true" })).ok).toBe(true);
    expect(await row(recognition.id)).toMatchObject({ featuredById: leader.id });
    expect((await row(recognition.id)).featuredAt).toBeInstanceOf(Date);
    // Featuring again changes nothing and tells nobody again.
    await setFeatured(leader, { id: recognition.id, featured: "true" });
    expect(await notificationsFor(recipient.id)).toEqual([
      expect.objectContaining({
        kind: "recognition.featured",
        actorId: leader.id,
        data: { recognitionId: recognition.id },
      }),
    ]);
    await setFeatured(leader, { id: recognition.id, featured: "false" });
    expect(await row(recognition.id)).toMatchObject({ featuredAt: null, featuredById: null });
    const actions = (await auditEntriesFor(recognition.id)).map((entry) => entry.action);
    expect(actions.sort()).toEqual(["recognition.feature", "recognition.unfeature"]);
  });

  it("refuses members, and hidden or deleted recognitions", async () => {
    const { recognition } = await recognitionPair();
    const member = await createMember();
    expect(
      await runAction(() => setFeatured(member, { id: recognition.id, featured: "true" })),
    ).toMatchObject({ ok: false, message: "You don't have permission to do that." });
    expect((await row(recognition.id)).featuredAt).toBeNull();

    const leader = await createLeader();
    const giver = await createMember();
    for (const state of [{ hiddenAt: new Date() }, { deletedAt: new Date() }]) {
      const gone = await createRecognition(giver.id, [member.id], state);
      expect(
        await runAction(() => setFeatured(leader, { id: gone.id, featured: "true" })),
      ).toMatchObject({ ok: false, message: "That recognition was not found." });
      expect((await row(gone.id)).featuredAt).toBeNull();
    }
  });
});
