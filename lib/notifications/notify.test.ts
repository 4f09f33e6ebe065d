import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createAdmin, createMember } from "@/test/factories";
import { createNotification, notificationsFor } from "@/test/factories-notifications";
import { notify, notifyMany, retract } from "./notify";
import type { NotificationData } from "./kinds";

describe("notify", () => {
  it("stores a notification with its actor, kind and validated data", async () => {
    const [admin, member] = [await createAdmin(), await createMember()];
    await testDb.$transaction((tx) =>
      notify(tx, {
        recipientId: member.id,
        actorId: admin.id,
        kind: "member.role_changed",
        data: { role: "LEADER" },
      }),
    );
    const [notification, ...rest] = await notificationsFor(member.id);
    expect(rest).toHaveLength(0);
    expect(notification).toMatchObject({
      actorId: admin.id,
      kind: "member.role_changed",
      data: { role: "LEADER" },
      readAt: null,
    });
  });

  it("throws on data that does not fit the kind, writing nothing", async () => {
    const member = await createMember();
    const bad = { role: "OWNER" } as unknown as NotificationData<"member.role_changed">;
    await expect(
      testDb.$transaction((tx) =>
        notify(tx, {
          recipientId: member.id,
          actorId: null,
          kind: "member.role_changed",
          data: bad,
        }),
      ),
    ).rejects.toThrow(/Invalid data/);
    expect(await notificationsFor(member.id)).toHaveLength(0);
  });

  it("throws on an unknown kind", async () => {
    const member = await createMember();
    await expect(
      testDb.$transaction((tx) =>
        notify(tx, {
          recipientId: member.id,
          actorId: null,
          kind: "no.such_kind" as "member.role_changed",
          data: { role: "LEADER" },
        }),
      ),
    ).rejects.toThrow(/Unknown notification kind/);
    expect(await notificationsFor(member.id)).toHaveLength(0);
  });

  it("never notifies members about their own actions", async () => {
    const admin = await createAdmin();
    await testDb.$transaction((tx) =>
      notify(tx, {
        recipientId: admin.id,
        actorId: admin.id,
        kind: "member.role_changed",
        data: { role: "ADMIN" },
      }),
    );
    expect(await notificationsFor(admin.id)).toHaveLength(0);
  });

  it("is rolled back with the transaction that wrote it", async () => {
    const member = await createMember();
    await expect(
      testDb.$transaction(async (tx) => {
        await notify(tx, {
          recipientId: member.id,
          actorId: null,
          kind: "member.role_changed",
          data: { role: "LEADER" },
        });
        throw new Error("the causing action failed");
      }),
    ).rejects.toThrow("the causing action failed");
    expect(await notificationsFor(member.id)).toHaveLength(0);
  });
});

describe("notifyMany", () => {
  it("notifies each recipient once, skipping the actor", async () => {
    const [actor, a, b] = [await createMember(), await createMember(), await createMember()];
    const count = await testDb.$transaction((tx) =>
      notifyMany(tx, {
        recipientIds: [a.id, b.id, a.id, actor.id],
        actorId: actor.id,
        kind: "member.role_changed",
        data: { role: "MEMBER" },
      }),
    );
    expect(count).toBe(2);
    for (const recipient of [a, b]) {
      const rows = await notificationsFor(recipient.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actorId: actor.id, data: { role: "MEMBER" } });
    }
    expect(await notificationsFor(actor.id)).toHaveLength(0);
  });

  it("validates data even when there is nobody to notify", async () => {
    const actor = await createMember();
    const bad = {} as NotificationData<"member.role_changed">;
    await expect(
      testDb.$transaction((tx) =>
        notifyMany(tx, {
          recipientIds: [actor.id],
          actorId: actor.id,
          kind: "member.role_changed",
          data: bad,
        }),
      ),
    ).rejects.toThrow(/Invalid data/);
  });
});

describe("retract", () => {
  it("removes only the kind, recipients and data fields asked for (read or not, unless unreadOnly)", async () => {
    const [a, b] = [await createMember(), await createMember()];
    const accepted = (replyId: string, readAt: Date | null = null) => ({
      kind: "answer.accepted",
      data: { discussionId: "d1", replyId, title: "T" },
      readAt,
    });
    const gone = await createNotification(a.id, accepted("r1", new Date()));
    const otherReply = await createNotification(a.id, accepted("r2"));
    const otherMember = await createNotification(b.id, accepted("r1"));
    const otherKind = await createNotification(a.id, {
      kind: "discussion.replied",
      data: { discussionId: "d1", replyId: "r1", title: "T" },
    });

    const count = await testDb.$transaction((tx) =>
      retract(tx, {
        kind: "answer.accepted",
        recipientIds: [a.id],
        data: { discussionId: "d1", replyId: "r1" },
      }),
    );
    expect(count).toBe(1);
    const left = (await notificationsFor(a.id)).concat(await notificationsFor(b.id));
    expect(left.map((n) => n.id).sort()).toEqual(
      [otherReply.id, otherMember.id, otherKind.id].sort(),
    );
    expect(left.map((n) => n.id)).not.toContain(gone.id);

    await testDb.notification.update({
      where: { id: otherReply.id },
      data: { readAt: new Date() },
    });
    expect(
      await testDb.$transaction((tx) =>
        retract(tx, { kind: "answer.accepted", recipientIds: [a.id], data: {}, unreadOnly: true }),
      ),
    ).toBe(0);
    await expect(
      testDb.$transaction((tx) => retract(tx, { kind: "answer.accepted", data: {} })),
    ).rejects.toThrow(/needs recipients or a data field/);
  });
});
