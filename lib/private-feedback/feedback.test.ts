import { describe, expect, it } from "vitest";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import { testDb } from "@/test/db";
import { createAdmin, createMember } from "@/test/factories";
import { notificationsFor } from "@/test/factories-notifications";
import { createPrivateFeedback } from "@/test/factories-recognition";
import { DAILY_LIMIT_MESSAGE, markRead, sendPrivateFeedback } from "./feedback";
import { PRIVATE_FEEDBACK_LIMITS as L } from "./limits";

const feedbackBy = (giverId: string) =>
  testDb.privateFeedback.findMany({ where: { giverId }, orderBy: { createdAt: "asc" } });

describe("sendPrivateFeedback", () => {
  it("saves the note and notifies the recipient by id only, in one go", async () => {
    const [giver, recipient] = [await createMember(), await createMember()];
    const result = await sendPrivateFeedback(giver, {
      recipientId: recipient.id,
      message: "  You explained **joins**\r\nso clearly.  ",
    });
    expect(result).toMatchObject({ ok: true, data: { id: expect.any(String) } });
    const [row] = await feedbackBy(giver.id);
    expect(row).toMatchObject({
      id: result.ok ? result.data?.id : undefined,
      recipientId: recipient.id,
      message: "You explained **joins**\nso clearly.",
      readAt: null,
    });
    const notes = await notificationsFor(recipient.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      kind: "private_feedback.received",
      actorId: giver.id,
      data: { feedbackId: row!.id },
    });
  });

  it("works for admins and leaders too", async () => {
    const admin = await createAdmin();
    const recipient = await createMember();
    const result = await sendPrivateFeedback(admin, {
      recipientId: recipient.id,
      message: "Thanks",
    });
    expect(result.ok).toBe(true);
  });

  it.each([
    ["message", { message: "   " }],
    ["message", { message: "x".repeat(L.messageMax + 1) }],
    ["recipientId", { recipientId: "" }],
    ["recipientId", { recipientId: ["a", "b"] }],
  ])("reports a bad %s beside the field and saves nothing", async (field, override) => {
    const [giver, recipient] = [await createMember(), await createMember()];
    const result = await sendPrivateFeedback(giver, {
      recipientId: recipient.id,
      message: "Good",
      ...override,
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { [field]: [expect.any(String)] } });
    expect(await feedbackBy(giver.id)).toHaveLength(0);
  });

  it("accepts a message of exactly the maximum length", async () => {
    const [giver, recipient] = [await createMember(), await createMember()];
    const message = "y".repeat(L.messageMax);
    expect((await sendPrivateFeedback(giver, { recipientId: recipient.id, message })).ok).toBe(
      true,
    );
  });

  it("refuses feedback to oneself, to a deactivated member and to an unknown id", async () => {
    const giver = await createMember();
    const gone = await createMember({ status: "DEACTIVATED" });
    for (const recipientId of [giver.id, gone.id, "cnotamemberatall000000000"]) {
      const attempt = sendPrivateFeedback(giver, { recipientId, message: "Hi" });
      await expect(attempt).rejects.toBeInstanceOf(DomainError);
      await expect(
        sendPrivateFeedback(giver, { recipientId, message: "Hi" }).catch((e: DomainError) => e),
      ).resolves.toMatchObject({ fieldErrors: { recipientId: [expect.any(String)] } });
    }
    expect(await feedbackBy(giver.id)).toHaveLength(0);
    expect(await notificationsFor(gone.id)).toHaveLength(0);
  });

  it(`refuses a note past ${L.perDay} in 24 hours, counting only the last 24 hours`, async () => {
    const [giver, recipient] = [await createMember(), await createMember()];
    const old = new Date(Date.now() - 25 * 60 * 60 * 1000);
    await createPrivateFeedback(giver.id, recipient.id, { createdAt: old });
    for (let i = 0; i < L.perDay - 1; i++) await createPrivateFeedback(giver.id, recipient.id);
    const last = await sendPrivateFeedback(giver, { recipientId: recipient.id, message: "20th" });
    expect(last.ok).toBe(true);
    await expect(
      sendPrivateFeedback(giver, { recipientId: recipient.id, message: "21st" }),
    ).rejects.toThrow(DAILY_LIMIT_MESSAGE);
    expect(await feedbackBy(giver.id)).toHaveLength(L.perDay + 1);
    // Another giver is not held back by this one's count.
    const other = await createMember();
    expect(
      (await sendPrivateFeedback(other, { recipientId: recipient.id, message: "Hi" })).ok,
    ).toBe(true);
  });

  it("holds the limit under concurrent sends", async () => {
    const [giver, recipient] = [await createMember(), await createMember()];
    for (let i = 0; i < L.perDay - 2; i++) await createPrivateFeedback(giver.id, recipient.id);
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        sendPrivateFeedback(giver, { recipientId: recipient.id, message: `Burst ${i}` }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    expect(await feedbackBy(giver.id)).toHaveLength(L.perDay);
  });
});

describe("markRead", () => {
  it("marks the recipient's note read, once", async () => {
    const [giver, recipient] = [await createMember(), await createMember()];
    const note = await createPrivateFeedback(giver.id, recipient.id);
    expect(await markRead(recipient, { id: note.id })).toMatchObject({ ok: true });
    const first = await testDb.privateFeedback.findUniqueOrThrow({ where: { id: note.id } });
    expect(first.readAt).toBeInstanceOf(Date);
    expect(await markRead(recipient, { id: note.id })).toMatchObject({ ok: true });
    const again = await testDb.privateFeedback.findUniqueOrThrow({ where: { id: note.id } });
    expect(again.readAt).toEqual(first.readAt);
  });

  it("is not found for the giver, another member, an admin and a bad id; nothing changes", async () => {
    const [giver, recipient] = [await createMember(), await createMember()];
    const note = await createPrivateFeedback(giver.id, recipient.id);
    for (const actor of [giver, await createMember(), await createAdmin()]) {
      await expect(markRead(actor, { id: note.id })).rejects.toBeInstanceOf(NotFound);
    }
    expect(await markRead(recipient, { id: "not an id!" })).toMatchObject({ ok: false });
    const row = await testDb.privateFeedback.findUniqueOrThrow({ where: { id: note.id } });
    expect(row.readAt).toBeNull();
  });
});
