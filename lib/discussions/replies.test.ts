import { describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import { testDb } from "@/test/db";
import { createAdmin, createMember } from "@/test/factories";
import {
  createDiscussion,
  createReply as insertReply,
  mention,
} from "@/test/factories-discussions";
import { notificationsFor } from "@/test/factories-notifications";
import { DISCUSSION_LIMITS, REPLY_PAGE_SIZE } from "./limits";
import { getThread } from "./thread-queries";
import { createReply, deleteReply, editReply } from "./replies";

const discussionOf = (id: string) => testDb.discussion.findUniqueOrThrow({ where: { id } });

describe("createReply", () => {
  it("adds a reply, counts it and moves the discussion's last activity", async () => {
    const [author, replier] = await Promise.all([createMember(), createMember()]);
    const discussion = await createDiscussion(author.id, {
      lastActivityAt: new Date("2020-01-01T00:00:00Z"),
    });
    const result = await createReply(replier, {
      discussionId: discussion.id,
      body: " Have you tried **bisecting**? ",
    });
    expect(result).toMatchObject({ ok: true, message: "Your reply is posted." });
    const replyId = result.ok ? result.data!.id : "";
    expect(result.ok && result.data!.path).toBe(
      `/discussions/${discussion.id}?sort=oldest#reply-${replyId}`,
    );
    const reply = await testDb.reply.findUniqueOrThrow({ where: { id: replyId } });
    expect(reply).toMatchObject({ body: "Have you tried **bisecting**?", authorId: replier.id });
    const after = await discussionOf(discussion.id);
    expect(after.replyCount).toBe(1);
    expect(after.lastActivityAt).toEqual(reply.createdAt);
  });

  it("validates the body and the ids", async () => {
    const member = await createMember();
    const discussion = await createDiscussion(member.id);
    const empty = await createReply(member, { discussionId: discussion.id, body: "  " });
    expect(empty).toMatchObject({ ok: false, fieldErrors: { body: ["Write the reply."] } });
    const long = await createReply(member, {
      discussionId: discussion.id,
      body: "x".repeat(DISCUSSION_LIMITS.replyMax + 1),
    });
    expect(long).toMatchObject({ ok: false, fieldErrors: { body: [/under 20,000/] } });
    const badIds = await createReply(member, { discussionId: "x", parentId: "y", body: "Hi" });
    expect(badIds.ok ? {} : badIds.fieldErrors).toMatchObject({
      discussionId: expect.any(Array),
      parentId: expect.any(Array),
    });
    await expect(
      createReply(member, { discussionId: "cknotadiscussion0000000", body: "Hi" }),
    ).rejects.toBeInstanceOf(NotFound);
  });

  it("notifies the discussion's author, the answered reply's author and the mentioned, once each", async () => {
    const [author, parentAuthor, replier, mentioned] = await Promise.all([
      createMember(),
      createMember(),
      createMember(),
      createMember(),
    ]);
    const discussion = await createDiscussion(author.id, { title: "Flaky CI" });
    const parent = await insertReply(discussion.id, parentAuthor.id);
    const result = await createReply(replier, {
      discussionId: discussion.id,
      parentId: parent.id,
      body: `Agreed. ${mention(mentioned)} ${mention(replier)} ${mention(mentioned)}`,
    });
    const replyId = result.ok ? result.data!.id : "";
    const replied = { discussionId: discussion.id, replyId, title: "Flaky CI" };
    expect(await notificationsFor(author.id)).toMatchObject([
      { kind: "discussion.replied", actorId: replier.id, data: replied },
    ]);
    expect(await notificationsFor(parentAuthor.id)).toMatchObject([
      { kind: "discussion.replied", data: replied },
    ]);
    expect(await notificationsFor(mentioned.id)).toMatchObject([
      {
        kind: "content.mentioned",
        data: { title: "Flaky CI", path: `/discussions/${discussion.id}/replies/${replyId}` },
      },
    ]);
    expect(await notificationsFor(replier.id)).toEqual([]);
    const reply = await testDb.reply.findUniqueOrThrow({ where: { id: replyId } });
    expect(reply.parentId).toBe(parent.id);
  });

  it("tells a mentioned discussion author once (the mention), and nobody about their own reply", async () => {
    const author = await createMember();
    const replier = await createMember();
    const discussion = await createDiscussion(author.id);
    await createReply(replier, { discussionId: discussion.id, body: `cc ${mention(author)}` });
    expect(await notificationsFor(author.id)).toMatchObject([{ kind: "content.mentioned" }]);
    await createReply(author, { discussionId: discussion.id, body: "Thanks all" });
    expect(await notificationsFor(author.id)).toHaveLength(1);
    expect(await notificationsFor(replier.id)).toEqual([]);
  });

  it("refuses replies to a locked, deleted or hidden discussion on the server, writing nothing", async () => {
    const [author, replier, admin] = await Promise.all([
      createMember(),
      createMember(),
      createAdmin(),
    ]);
    const cases = [
      { lockedAt: new Date(), message: /locked/ },
      { deletedAt: new Date(), message: /deleted/ },
    ];
    for (const { message, ...flags } of cases) {
      const discussion = await createDiscussion(author.id, flags);
      for (const actor of [replier, admin, author]) {
        const attempt = createReply(actor, { discussionId: discussion.id, body: "Let me in" });
        await expect(attempt).rejects.toThrow(message);
        await expect(attempt).rejects.toBeInstanceOf(DomainError);
      }
      expect(await testDb.reply.count({ where: { discussionId: discussion.id } })).toBe(0);
      expect((await discussionOf(discussion.id)).replyCount).toBe(0);
    }
    const hidden = await createDiscussion(author.id, { hiddenAt: new Date() });
    await expect(
      createReply(replier, { discussionId: hidden.id, body: "Hello?" }),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(createReply(admin, { discussionId: hidden.id, body: "Hello?" })).rejects.toThrow(
      /hidden/,
    );
    expect(await notificationsFor(author.id)).toEqual([]);
  });

  it("refuses to answer a reply of another discussion, or a deleted one, and an unknown mention", async () => {
    const member = await createMember();
    const [one, two] = [await createDiscussion(member.id), await createDiscussion(member.id)];
    const elsewhere = await insertReply(two.id, member.id);
    const deleted = await insertReply(one.id, member.id, { deletedAt: new Date() });
    for (const parentId of [elsewhere.id, deleted.id]) {
      const result = await createReply(member, { discussionId: one.id, parentId, body: "Hi" });
      expect(result).toMatchObject({ ok: false, message: /no longer there/ });
    }
    const unknown = await createReply(member, {
      discussionId: one.id,
      body: mention({ id: "cknotamember00000000000", name: "Ghost" }),
    });
    expect(unknown).toMatchObject({ ok: false, fieldErrors: { body: [/not an active member/] } });
    expect(await testDb.reply.count({ where: { discussionId: one.id, deletedAt: null } })).toBe(0);
  });

  it("links a reply beyond the first page to the page that starts with it", async () => {
    const member = await createMember();
    const discussion = await createDiscussion(member.id);
    const start = Date.now() - 1_000_000;
    await testDb.reply.createMany({
      data: Array.from({ length: REPLY_PAGE_SIZE }, (_, index) => ({
        discussionId: discussion.id,
        authorId: member.id,
        body: `Reply ${index}`,
        createdAt: new Date(start + index * 1000),
      })),
    });
    const result = await createReply(member, { discussionId: discussion.id, body: "Late" });
    const path = result.ok ? result.data!.path : "";
    const cursor = new URL(path, "http://x").searchParams.get("cursor")!;
    expect(path).toMatch(/\?sort=oldest&cursor=.+#reply-/);
    const page = await getThread(member, discussion.id, { cursor });
    expect(page!.replies.items.map((reply) => reply.body)).toEqual(["Late"]);
  });
});

describe("editing and deleting a reply", () => {
  it("lets the author edit it, marking it edited", async () => {
    const member = await createMember();
    const discussion = await createDiscussion(member.id);
    const reply = await insertReply(discussion.id, member.id);
    const result = await editReply(member, { id: reply.id, body: "Better words" });
    expect(result).toMatchObject({ ok: true });
    const saved = await testDb.reply.findUniqueOrThrow({ where: { id: reply.id } });
    expect(saved.body).toBe("Better words");
    expect(saved.editedAt).toBeInstanceOf(Date);
    expect(await editReply(member, { id: reply.id, body: "" })).toMatchObject({
      ok: false,
      fieldErrors: { body: expect.any(Array) },
    });
  });

  it("refuses anyone but the author, admins included, and changes nothing", async () => {
    const [author, other, admin] = await Promise.all([
      createMember(),
      createMember(),
      createAdmin(),
    ]);
    const discussion = await createDiscussion(author.id);
    const reply = await insertReply(discussion.id, author.id, { body: "Original" });
    for (const actor of [other, admin]) {
      await expect(editReply(actor, { id: reply.id, body: "Changed" })).rejects.toBeInstanceOf(
        PermissionDenied,
      );
      await expect(deleteReply(actor, { id: reply.id })).rejects.toBeInstanceOf(PermissionDenied);
    }
    const saved = await testDb.reply.findUniqueOrThrow({ where: { id: reply.id } });
    expect(saved).toMatchObject({ body: "Original", editedAt: null, deletedAt: null });
  });

  it("soft-deletes: a placeholder stays, answers keep their link, counters follow", async () => {
    const [author, replier, other, admin] = await Promise.all([
      createMember(),
      createMember(),
      createMember(),
      createAdmin(),
    ]);
    const discussion = await createDiscussion(author.id, { kind: "QUESTION" });
    const first = await insertReply(discussion.id, replier.id, { body: "Private detail" });
    const answer = await insertReply(discussion.id, other.id, { parentId: first.id });
    await testDb.discussion.update({
      where: { id: discussion.id },
      data: { acceptedReplyId: first.id },
    });
    expect(await deleteReply(replier, { id: first.id })).toMatchObject({
      ok: true,
      data: { discussionId: discussion.id },
    });
    const after = await discussionOf(discussion.id);
    expect(after).toMatchObject({ replyCount: 1, acceptedReplyId: null });
    expect(after.lastActivityAt).toEqual(answer.createdAt);
    for (const viewer of [author, admin, replier]) {
      const thread = await getThread(viewer, discussion.id);
      expect(thread!.replies.items).toMatchObject([
        { id: first.id, state: "deleted", body: null },
        { id: answer.id, state: "visible", parent: { id: first.id, authorName: replier.name } },
      ]);
    }
    await expect(editReply(replier, { id: first.id, body: "Undo" })).rejects.toBeInstanceOf(
      DomainError,
    );
  });
});
