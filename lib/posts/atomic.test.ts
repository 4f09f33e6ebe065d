// Publishing and commenting write their notifications in the same transaction as the change:
// when notifying fails, nothing is saved.
import { describe, expect, it, vi } from "vitest";
import { createMember } from "@/test/factories";
import { createPost, createTag, followTag, postRow } from "@/test/factories-posts";
import { testDb } from "@/test/db";
import { addComment } from "./comments";
import { publishPost } from "./posts";

const failing = vi.hoisted(() => ({ notify: false }));

vi.mock("@/lib/notifications/notify", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/notifications/notify")>();
  const broken = () => Promise.reject(new Error("notification store unavailable"));
  return {
    notify: (...args: Parameters<typeof original.notify>) =>
      failing.notify ? broken() : original.notify(...args),
    notifyMany: (...args: Parameters<typeof original.notifyMany>) =>
      failing.notify ? broken() : original.notifyMany(...args),
  };
});

describe("notifications share the change's transaction", () => {
  it("leaves the post a draft when telling tag followers fails", async () => {
    const [author, follower, tag] = [await createMember(), await createMember(), await createTag()];
    await followTag(follower.id, tag.id);
    const post = await createPost(author.id, { status: "DRAFT", tagIds: [tag.id] });
    failing.notify = true;
    try {
      await expect(publishPost(author, { id: post.id })).rejects.toThrow("unavailable");
    } finally {
      failing.notify = false;
    }
    expect(await postRow(post.id)).toMatchObject({ status: "DRAFT", publishedAt: null });
    expect(await publishPost(author, { id: post.id })).toMatchObject({ ok: true });
    expect(await testDb.notification.count({ where: { recipientId: follower.id } })).toBe(1);
  });

  it("saves no comment when notifying the post's author fails", async () => {
    const [author, reader] = [await createMember(), await createMember()];
    const post = await createPost(author.id);
    failing.notify = true;
    try {
      await expect(addComment(reader, { postId: post.id, body: "Hello" })).rejects.toThrow();
    } finally {
      failing.notify = false;
    }
    expect(await testDb.postComment.count({ where: { postId: post.id } })).toBe(0);
    expect((await postRow(post.id)).commentCount).toBe(0);
  });
});
