// GET /api/notifications/recent (the bell's menu), GET /notifications/<id>/open, and the
// notifications page's loaders: reading never marks anything read; opening marks one.
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createMember } from "@/test/factories";
import { createNotification, notificationsFor } from "@/test/factories-notifications";
import { redirectTarget } from "@/test/next-errors";
import { signedInAs } from "@/test/session";
import { listNotifications, unreadCount } from "./queries";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));

const { GET: recent } = await import("@/app/api/notifications/recent/route");
const { GET: open } = await import("@/app/(app)/notifications/[id]/open/route");

const getRecent = (query = "") =>
  recent(new NextRequest(`http://localhost/api/notifications/recent${query}`));

async function openAndFollow(id: string): Promise<string | null> {
  try {
    await open(new NextRequest(`http://localhost/notifications/${id}/open`), {
      params: Promise.resolve({ id }),
    });
  } catch (error) {
    return redirectTarget(error);
  }
  return null;
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

beforeEach(() => {
  signedInAs(null);
});

describe("GET /api/notifications/recent", () => {
  it("refuses a signed-out visitor", async () => {
    const response = await getRecent();
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "Sign in to see your notifications." });
  });

  it("gives the viewer's own newest eight, newest first, with the unread count, uncached", async () => {
    const [viewer, other] = [await createMember(), await createMember()];
    const made = [];
    for (let i = 0; i < 10; i += 1) {
      made.push(
        await createNotification(viewer.id, {
          createdAt: minutesAgo(100 - i),
          readAt: i % 2 === 0 ? minutesAgo(1) : null,
        }),
      );
    }
    await createNotification(other.id, { createdAt: minutesAgo(0) });
    signedInAs(viewer);

    const response = await getRecent();
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const body = await response.json();
    const newestFirst = made.toReversed().slice(0, 8);
    expect(body.unread).toBe(5);
    expect(body.more).toBe(true);
    expect(body.items.map((i: { id: string }) => i.id)).toEqual(newestFirst.map((n) => n.id));
    expect(body.items[0]).toEqual({
      id: made[9]!.id,
      text: "Your role is now Leader",
      href: `/notifications/${made[9]!.id}/open`,
      createdAt: made[9]!.createdAt.toISOString(),
      unread: true,
    });
    expect(body.items[1].unread).toBe(false);
    // Reading the menu marks nothing read.
    expect((await notificationsFor(viewer.id)).filter((n) => !n.readAt)).toHaveLength(5);
  });

  it("takes a smaller limit and refuses a bad one", async () => {
    const viewer = await createMember();
    await createNotification(viewer.id);
    await createNotification(viewer.id);
    signedInAs(viewer);
    const body = await (await getRecent("?limit=1")).json();
    expect(body.items).toHaveLength(1);
    expect(body.more).toBe(true);
    expect((await getRecent("?limit=0")).status).toBe(400);
    expect((await getRecent("?limit=99")).status).toBe(400);
    expect((await getRecent("?limit=two")).status).toBe(400);
  });

  it("is empty for a member with no notifications", async () => {
    signedInAs(await createMember());
    expect(await (await getRecent()).json()).toEqual({ unread: 0, items: [], more: false });
  });
});

describe("GET /notifications/<id>/open", () => {
  it("marks exactly that notification read and redirects to where it points", async () => {
    const viewer = await createNotificationsOwner();
    const [, second] = await notificationsFor(viewer.id);
    signedInAs(viewer);
    expect(await openAndFollow(second!.id)).toBe("/account");
    const after = await notificationsFor(viewer.id);
    expect(after.map((n) => n.readAt !== null)).toEqual([false, true, false]);
  });

  it("does not touch someone else's notification", async () => {
    const owner = await createNotificationsOwner();
    const [theirs] = await notificationsFor(owner.id);
    signedInAs(await createMember());
    await expect(openAndFollow(theirs!.id)).resolves.toBeNull();
    expect((await notificationsFor(owner.id)).every((n) => n.readAt === null)).toBe(true);
  });
});

describe("the notifications page's loaders", () => {
  it("list and count without marking anything read", async () => {
    const viewer = await createNotificationsOwner();
    expect(await unreadCount(viewer.id)).toBe(3);
    expect((await listNotifications(viewer.id)).items).toHaveLength(3);
    expect((await listNotifications(viewer.id, { filter: "unread" })).items).toHaveLength(3);
    expect((await notificationsFor(viewer.id)).every((n) => n.readAt === null)).toBe(true);
  });
});

async function createNotificationsOwner() {
  const member = await createMember();
  for (const minutes of [30, 20, 10]) {
    await createNotification(member.id, { createdAt: minutesAgo(minutes) });
  }
  return member;
}
