import { describe, expect, it } from "vitest";
import { InvalidCursor } from "@/lib/core/pagination/cursor";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { createPrivateFeedback } from "@/test/factories-recognition";
import {
  feedbackRecipientOption,
  getPrivateFeedback,
  listReceived,
  listSent,
  openPrivateFeedback,
  unreadFeedbackCount,
} from "./queries";

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe("getPrivateFeedback", () => {
  it("gives the note to its giver and its recipient, saying which they are", async () => {
    const [giver, recipient] = [await createMember(), await createMember()];
    const note = await createPrivateFeedback(giver.id, recipient.id, { message: "**Well** done" });
    const expected = {
      id: note.id,
      message: "**Well** done",
      giver: { id: giver.id, name: giver.name },
      recipient: { id: recipient.id, name: recipient.name },
    };
    expect(await getPrivateFeedback(note.id, giver)).toMatchObject({
      ...expected,
      viewerIs: "giver",
    });
    expect(await getPrivateFeedback(note.id, recipient)).toMatchObject({
      ...expected,
      viewerIs: "recipient",
    });
  });

  it("is null for a malformed or unknown id", async () => {
    const member = await createMember();
    expect(await getPrivateFeedback("../etc", member)).toBeNull();
    expect(await getPrivateFeedback("cunknown0000000000000000", member)).toBeNull();
  });
});

describe("openPrivateFeedback (the detail page's loader)", () => {
  it("marks the note read when its recipient opens it, not when its giver does", async () => {
    const [giver, recipient] = [await createMember(), await createMember()];
    const note = await createPrivateFeedback(giver.id, recipient.id);
    expect(await openPrivateFeedback(note.id, giver)).toMatchObject({ readAt: null });
    expect(
      (await testDb.privateFeedback.findUniqueOrThrow({ where: { id: note.id } })).readAt,
    ).toBeNull();
    const opened = await openPrivateFeedback(note.id, recipient);
    expect(opened?.readAt).toBeInstanceOf(Date);
    const row = await testDb.privateFeedback.findUniqueOrThrow({ where: { id: note.id } });
    expect(row.readAt).toBeInstanceOf(Date);
    expect(await unreadFeedbackCount(recipient)).toBe(0);
  });
});

describe("listReceived and listSent", () => {
  it("list the viewer's own notes, newest first, across cursor pages", async () => {
    const [me, a, b] = [await createMember(), await createMember(), await createMember()];
    const received = [
      await createPrivateFeedback(a.id, me.id, { createdAt: minutesAgo(3) }),
      await createPrivateFeedback(b.id, me.id, { createdAt: minutesAgo(2), readAt: new Date() }),
      await createPrivateFeedback(a.id, me.id, { createdAt: minutesAgo(1) }),
    ];
    const sent = await createPrivateFeedback(me.id, b.id);
    await createPrivateFeedback(a.id, b.id); // between others: in neither of my lists

    const first = await listReceived(me, undefined, 2);
    expect(first.items.map((item) => item.id)).toEqual([received[2]!.id, received[1]!.id]);
    expect(first.items[0]).toMatchObject({ other: { id: a.id, name: a.name }, readAt: null });
    expect(first.nextCursor).not.toBeNull();
    const second = await listReceived(me, first.nextCursor!, 2);
    expect(second.items.map((item) => item.id)).toEqual([received[0]!.id]);
    expect(second.nextCursor).toBeNull();

    const mine = await listSent(me);
    expect(mine.items.map((item) => item.id)).toEqual([sent.id]);
    expect(mine.items[0]!.other).toEqual({ id: b.id, name: b.name });
    expect(await unreadFeedbackCount(me)).toBe(2);
  });

  it("shows a plain-text excerpt of the note", async () => {
    const [me, other] = [await createMember(), await createMember()];
    await createPrivateFeedback(other.id, me.id, {
      message: `**Thank you** for [the guide](https://example.com). ${"x".repeat(400)}`,
    });
    const [item] = (await listReceived(me)).items;
    expect(item!.excerpt.startsWith("Thank you for the guide.")).toBe(true);
    expect(item!.excerpt.length).toBeLessThanOrEqual(160);
  });

  it("throws InvalidCursor for a malformed cursor", async () => {
    const me = await createMember();
    await expect(listReceived(me, "not-a-cursor")).rejects.toBeInstanceOf(InvalidCursor);
    await expect(listSent(me, "not-a-cursor")).rejects.toBeInstanceOf(InvalidCursor);
  });
});

describe("feedbackRecipientOption", () => {
  it("prefills an active member other than the viewer, and nobody else", async () => {
    const me = await createMember();
    const other = await createMember({ title: "Engineer" });
    const gone = await createMember({ status: "DEACTIVATED" });
    expect(await feedbackRecipientOption(me, other.id)).toEqual({
      id: other.id,
      label: other.name,
      detail: "Engineer",
    });
    expect(await feedbackRecipientOption(me, me.id)).toBeNull();
    expect(await feedbackRecipientOption(me, gone.id)).toBeNull();
    expect(await feedbackRecipientOption(me, undefined)).toBeNull();
    expect(await feedbackRecipientOption(me, "<script>")).toBeNull();
  });
});
