// A reply and everything it causes are one transaction: when the last write fails, the
// reply, the counters and the notifications already written are all rolled back.
import { describe, expect, it, vi } from "vitest";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { createDiscussion, mention } from "@/test/factories-discussions";
import { notificationsFor } from "@/test/factories-notifications";
import { createReply } from "./replies";

const failOn = vi.hoisted(() => ({ kind: "" }));

vi.mock("@/lib/notifications/notify", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/notifications/notify")>();
  return {
    ...original,
    notifyMany: (...args: Parameters<typeof original.notifyMany>) => {
      if (args[1].kind === failOn.kind) throw new Error("notification store is down");
      return original.notifyMany(...args);
    },
  };
});

describe("createReply atomicity", () => {
  it("writes nothing when notifying fails", async () => {
    const [author, replier, mentioned] = await Promise.all([
      createMember(),
      createMember(),
      createMember(),
    ]);
    const discussion = await createDiscussion(author.id);
    failOn.kind = "discussion.replied";
    await expect(
      createReply(replier, { discussionId: discussion.id, body: `cc ${mention(mentioned)}` }),
    ).rejects.toThrow("notification store is down");
    expect(await testDb.reply.count({ where: { discussionId: discussion.id } })).toBe(0);
    const after = await testDb.discussion.findUniqueOrThrow({ where: { id: discussion.id } });
    expect(after.replyCount).toBe(0);
    expect(after.lastActivityAt).toEqual(discussion.lastActivityAt);
    expect(await notificationsFor(mentioned.id)).toEqual([]);
    expect(await notificationsFor(author.id)).toEqual([]);

    failOn.kind = "";
    await createReply(replier, { discussionId: discussion.id, body: `cc ${mention(mentioned)}` });
    expect(await notificationsFor(mentioned.id)).toHaveLength(1);
    expect(await notificationsFor(author.id)).toHaveLength(1);
  });
});
