import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { createNotification } from "@/test/factories-notifications";
import { encodeCursor, InvalidCursor } from "@/lib/core/pagination/cursor";
import { listNotifications, unreadCount } from "./queries";

async function allPages(userId: string, filter: "all" | "unread" = "all") {
  const seen: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await listNotifications(userId, { cursor, filter });
    seen.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor ?? undefined;
    pages += 1;
  } while (cursor && pages < 10);
  return { seen, pages };
}

describe("unreadCount", () => {
  it("counts only the member's own unread notifications", async () => {
    const [member, other] = [await createMember(), await createMember()];
    await createNotification(member.id);
    await createNotification(member.id);
    await createNotification(member.id, { readAt: new Date() });
    await createNotification(other.id);
    expect(await unreadCount(member.id)).toBe(2);
    expect(await unreadCount((await createMember()).id)).toBe(0);
  });
});

describe("listNotifications", () => {
  it("returns every notification once, newest first, across pages (ties broken by id)", async () => {
    const member = await createMember();
    const base = Date.now() - 60 * 60 * 1000;
    // 45 rows over 15 distinct timestamps, so several share a createdAt.
    for (let i = 0; i < 45; i += 1) {
      await createNotification(member.id, { createdAt: new Date(base + Math.floor(i / 3) * 1000) });
    }
    await createNotification((await createMember()).id);
    const expected = await testDb.notification.findMany({
      where: { recipientId: member.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    const { seen, pages } = await allPages(member.id);
    expect(pages).toBe(3);
    expect(seen).toEqual(expected.map((n) => n.id));
  });

  it("renders each item with the actor's name and a same-site link", async () => {
    const admin = await createMember({ name: "Ada Admin" });
    const member = await createMember();
    await createNotification(member.id, { actorId: admin.id, data: { role: "LEADER" } });
    const { items, nextCursor } = await listNotifications(member.id);
    expect(nextCursor).toBeNull();
    expect(items).toEqual([
      expect.objectContaining({
        text: "Ada Admin made you a Leader",
        href: "/account",
        actorName: "Ada Admin",
        readAt: null,
        createdAt: expect.any(Date),
      }),
    ]);
  });

  it("lists only unread notifications with the unread filter", async () => {
    const member = await createMember();
    const unread = await createNotification(member.id);
    await createNotification(member.id, { readAt: new Date() });
    const { seen } = await allPages(member.id, "unread");
    expect(seen).toEqual([unread.id]);
    expect((await allPages(member.id, "all")).seen).toHaveLength(2);
  });

  it("refuses a malformed cursor", async () => {
    const member = await createMember();
    await expect(listNotifications(member.id, { cursor: "not-a-cursor" })).rejects.toBeInstanceOf(
      InvalidCursor,
    );
    await expect(
      listNotifications(member.id, { cursor: encodeCursor(["yesterday", "x"]) }),
    ).rejects.toBeInstanceOf(InvalidCursor);
  });
});
