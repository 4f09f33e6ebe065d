import { describe, expect, it } from "vitest";
import { NotFound } from "@/lib/core/forms/errors";
import { createMember } from "@/test/factories";
import { createNotification, notificationsFor } from "@/test/factories-notifications";
import { markAllRead, markRead, openNotification } from "./mark-read";

describe("markRead", () => {
  it("marks the member's own notification read", async () => {
    const member = await createMember();
    const notification = await createNotification(member.id);
    const other = await createNotification(member.id);
    expect(await markRead(member, { id: notification.id })).toMatchObject({ ok: true });
    const rows = await notificationsFor(member.id);
    expect(rows.find((r) => r.id === notification.id)?.readAt).toBeInstanceOf(Date);
    expect(rows.find((r) => r.id === other.id)?.readAt).toBeNull();
  });

  it("is harmless on a notification that is already read", async () => {
    const member = await createMember();
    const readAt = new Date(Date.now() - 60_000);
    const notification = await createNotification(member.id, { readAt });
    expect(await markRead(member, { id: notification.id })).toMatchObject({ ok: true });
    expect((await notificationsFor(member.id))[0]?.readAt).toEqual(readAt);
  });

  it("refuses another member's notification as not found and changes nothing", async () => {
    const [owner, intruder] = [await createMember(), await createMember({ role: "ADMIN" })];
    const notification = await createNotification(owner.id);
    await expect(markRead(intruder, { id: notification.id })).rejects.toBeInstanceOf(NotFound);
    expect((await notificationsFor(owner.id))[0]?.readAt).toBeNull();
  });

  it("rejects a malformed id beside the field", async () => {
    const member = await createMember();
    expect(await markRead(member, { id: "'; drop table" })).toMatchObject({
      ok: false,
      fieldErrors: { id: [expect.any(String)] },
    });
    expect(await markRead(member, {})).toMatchObject({ ok: false });
  });
});

describe("markAllRead", () => {
  it("marks every unread notification of the member, and only theirs", async () => {
    const [member, other] = [await createMember(), await createMember()];
    await createNotification(member.id);
    await createNotification(member.id);
    await createNotification(other.id);
    expect(await markAllRead(member)).toMatchObject({
      ok: true,
      message: "Marked 2 notifications as read.",
    });
    expect((await notificationsFor(member.id)).every((n) => n.readAt)).toBe(true);
    expect((await notificationsFor(other.id))[0]?.readAt).toBeNull();
    expect(await markAllRead(member)).toMatchObject({
      ok: true,
      message: "You have no unread notifications.",
    });
  });
});

describe("openNotification", () => {
  it("marks the member's notification read and gives its link", async () => {
    const member = await createMember();
    const notification = await createNotification(member.id);
    expect(await openNotification(member, notification.id)).toBe("/account");
    expect((await notificationsFor(member.id))[0]?.readAt).toBeInstanceOf(Date);
  });

  it("gives null for someone else's, an unknown or a malformed id, changing nothing", async () => {
    const [owner, intruder] = [await createMember(), await createMember()];
    const notification = await createNotification(owner.id);
    expect(await openNotification(intruder, notification.id)).toBeNull();
    expect(await openNotification(intruder, "cabcdefghijklmnopqrstuvwx")).toBeNull();
    expect(await openNotification(intruder, "../../etc")).toBeNull();
    expect((await notificationsFor(owner.id))[0]?.readAt).toBeNull();
  });

  it("never links away from the site, whatever is stored", async () => {
    const member = await createMember();
    const notification = await createNotification(member.id, {
      kind: "member.role_changed",
      data: { role: "LEADER", href: "//evil.example" },
    });
    expect(await openNotification(member, notification.id)).toBe("/account");
  });
});
