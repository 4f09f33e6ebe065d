// A recognition's notifications follow what happens to it: unfeaturing withdraws "featured"
// (so featuring again tells the recipients once more, not a second stale time), and the giver
// deleting it withdraws "recognised you" and "featured".
import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createLeader, createMember } from "@/test/factories";
import { createNotification } from "@/test/factories-notifications";
import { createRecognition } from "@/test/factories-recognition";
import { deleteRecognition, setFeatured } from "./manage";

const noticesOf = (recipientIds: string[], kind: string) =>
  testDb.notification.findMany({ where: { recipientId: { in: recipientIds }, kind } });

describe("a recognition's notifications", () => {
  it("unfeaturing withdraws the featured notifications; featuring again tells each recipient once", async () => {
    const [giver, ann, bo, leader] = [
      await createMember(),
      await createMember(),
      await createMember(),
      await createLeader(),
    ];
    const recognition = await createRecognition(giver.id, [ann.id, bo.id]);
    const other = await createRecognition(giver.id, [ann.id]);
    await setFeatured(leader, { id: other.id, featured: "true" });

    await setFeatured(leader, { id: recognition.id, featured: "true" });
    await setFeatured(leader, { id: recognition.id, featured: "false" });
    const featured = await noticesOf([ann.id, bo.id], "recognition.featured");
    expect(featured.map((n) => n.data)).toEqual([{ recognitionId: other.id }]);

    await setFeatured(leader, { id: recognition.id, featured: "true" });
    const again = await noticesOf([ann.id, bo.id], "recognition.featured");
    expect(again.filter((n) => n.recipientId === ann.id)).toHaveLength(2);
    expect(again.filter((n) => n.recipientId === bo.id)).toHaveLength(1);
  });

  it("deleting it withdraws the recipients' received and featured notifications, and only those", async () => {
    const [giver, ann, bo] = [await createMember(), await createMember(), await createMember()];
    const recognition = await createRecognition(giver.id, [ann.id, bo.id]);
    const kept = await createRecognition(giver.id, [ann.id]);
    for (const [recipientId, recognitionId] of [
      [ann.id, recognition.id],
      [bo.id, recognition.id],
      [ann.id, kept.id],
    ] as const) {
      await createNotification(recipientId, {
        actorId: giver.id,
        kind: "recognition.received",
        data: { recognitionId, valueName: "Curiosity" },
      });
      await createNotification(recipientId, {
        kind: "recognition.featured",
        data: { recognitionId },
        readAt: new Date(),
      });
    }

    expect(await deleteRecognition(giver, { id: recognition.id })).toMatchObject({ ok: true });
    const left = await testDb.notification.findMany({
      where: { recipientId: { in: [ann.id, bo.id] } },
    });
    expect(left).toHaveLength(2);
    expect(left.every((n) => (n.data as { recognitionId: string }).recognitionId === kept.id)).toBe(
      true,
    );
  });
});
