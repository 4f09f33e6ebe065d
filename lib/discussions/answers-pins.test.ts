import { describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import { testDb } from "@/test/db";
import { createAdmin, createLeader, createMember } from "@/test/factories";
import { createDiscussion, createQuestion, createReply } from "@/test/factories-discussions";
import { notificationsFor } from "@/test/factories-notifications";
import { acceptAnswer } from "./accept-answer";
import { setLocked, setPinned } from "./pin-lock";
import { getThread } from "./thread-queries";
import { createReply as postReply } from "./replies";

const acceptedOf = async (id: string) =>
  (await testDb.discussion.findUniqueOrThrow({ where: { id } })).acceptedReplyId;

describe("acceptAnswer", () => {
  it("lets the asker accept one reply at a time, change it and unaccept, notifying the answerer", async () => {
    const [asker, first, second] = await Promise.all([
      createMember(),
      createMember(),
      createMember(),
    ]);
    const question = await createQuestion(asker.id, { title: "Which queue?" });
    const a = await createReply(question.id, first.id);
    const b = await createReply(question.id, second.id);

    expect(await acceptAnswer(asker, { discussionId: question.id, replyId: a.id })).toMatchObject({
      ok: true,
      message: "Answer accepted.",
    });
    expect(await acceptedOf(question.id)).toBe(a.id);
    expect(await notificationsFor(first.id)).toMatchObject([
      {
        kind: "answer.accepted",
        actorId: asker.id,
        data: { discussionId: question.id, replyId: a.id, title: "Which queue?" },
      },
    ]);
    await acceptAnswer(asker, { discussionId: question.id, replyId: a.id });
    expect(await notificationsFor(first.id)).toHaveLength(1);

    await acceptAnswer(asker, { discussionId: question.id, replyId: b.id });
    expect(await acceptedOf(question.id)).toBe(b.id);
    expect(await notificationsFor(second.id)).toHaveLength(1);

    const thread = await getThread(asker, question.id);
    expect(thread!.discussion.acceptedAnswer).toMatchObject({
      id: b.id,
      authorName: second.name,
      authorActive: true,
      href: `#reply-${b.id}`,
    });
    // A deactivated answerer stays named, but the thread says they are not active (no thanks).
    await testDb.user.update({ where: { id: second.id }, data: { deactivatedAt: new Date() } });
    const later = await getThread(asker, question.id);
    expect(later!.discussion.acceptedAnswer).toMatchObject({ id: b.id, authorActive: false });

    await acceptAnswer(asker, { discussionId: question.id, replyId: "" });
    expect(await acceptedOf(question.id)).toBeNull();
  });

  it("lets an admin accept, but no other member", async () => {
    const [asker, answerer, other, leader, admin] = await Promise.all([
      createMember(),
      createMember(),
      createMember(),
      createLeader(),
      createAdmin(),
    ]);
    const question = await createQuestion(asker.id);
    const reply = await createReply(question.id, answerer.id);
    for (const actor of [other, leader, answerer]) {
      await expect(
        acceptAnswer(actor, { discussionId: question.id, replyId: reply.id }),
      ).rejects.toBeInstanceOf(PermissionDenied);
    }
    expect(await acceptedOf(question.id)).toBeNull();
    await acceptAnswer(admin, { discussionId: question.id, replyId: reply.id });
    expect(await acceptedOf(question.id)).toBe(reply.id);
  });

  it("refuses deleted, hidden and other discussions' replies, and discussions that are no questions", async () => {
    const asker = await createMember();
    const question = await createQuestion(asker.id);
    const elsewhere = await createReply((await createQuestion(asker.id)).id, asker.id);
    const deleted = await createReply(question.id, asker.id, { deletedAt: new Date() });
    const hidden = await createReply(question.id, asker.id, { hiddenAt: new Date() });
    for (const reply of [elsewhere, deleted, hidden]) {
      await expect(
        acceptAnswer(asker, { discussionId: question.id, replyId: reply.id }),
      ).rejects.toBeInstanceOf(DomainError);
    }
    const discussion = await createDiscussion(asker.id);
    const reply = await createReply(discussion.id, asker.id);
    await expect(
      acceptAnswer(asker, { discussionId: discussion.id, replyId: reply.id }),
    ).rejects.toThrow(/Only a question/);
    await expect(
      acceptAnswer(asker, { discussionId: "cknotadiscussion0000000", replyId: reply.id }),
    ).rejects.toBeInstanceOf(NotFound);
    expect(await acceptedOf(question.id)).toBeNull();
  });
});

describe("pinning and locking", () => {
  it("lets leaders and admins pin and lock, each change in the audit log", async () => {
    const [author, leader, admin] = await Promise.all([
      createMember(),
      createLeader(),
      createAdmin(),
    ]);
    const discussion = await createDiscussion(author.id);
    expect(await setPinned(leader, { id: discussion.id, pinned: "true" })).toMatchObject({
      ok: true,
      message: "Discussion pinned.",
    });
    expect(await setLocked(admin, { id: discussion.id, locked: "true" })).toMatchObject({
      ok: true,
    });
    const saved = await testDb.discussion.findUniqueOrThrow({ where: { id: discussion.id } });
    expect(saved.pinnedAt).toBeInstanceOf(Date);
    expect(saved.lockedAt).toBeInstanceOf(Date);
    const audit = await testDb.auditLog.findMany({
      where: { entityType: "Discussion", entityId: discussion.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit).toMatchObject([
      { action: "discussion.pin", actorId: leader.id, before: { pinnedAt: null } },
      { action: "discussion.lock", actorId: admin.id, before: { lockedAt: null } },
    ]);

    await setLocked(leader, { id: discussion.id, locked: "false" });
    await setPinned(leader, { id: discussion.id, pinned: "false" });
    await setPinned(leader, { id: discussion.id, pinned: "false" });
    const actions = await testDb.auditLog.findMany({
      where: { entityType: "Discussion", entityId: discussion.id },
      select: { action: true },
    });
    expect(actions.map((entry) => entry.action).sort()).toEqual(
      ["discussion.lock", "discussion.pin", "discussion.unlock", "discussion.unpin"].sort(),
    );
  });

  it("refuses members, including the author", async () => {
    const author = await createMember();
    const discussion = await createDiscussion(author.id);
    await expect(setPinned(author, { id: discussion.id, pinned: "true" })).rejects.toBeInstanceOf(
      PermissionDenied,
    );
    await expect(setLocked(author, { id: discussion.id, locked: "true" })).rejects.toBeInstanceOf(
      PermissionDenied,
    );
    const saved = await testDb.discussion.findUniqueOrThrow({ where: { id: discussion.id } });
    expect(saved).toMatchObject({ pinnedAt: null, lockedAt: null });
  });

  it("a locked discussion refuses replies on the server; unlocked, it takes them again", async () => {
    const [author, leader, replier] = await Promise.all([
      createMember(),
      createLeader(),
      createMember(),
    ]);
    const discussion = await createDiscussion(author.id);
    await setLocked(leader, { id: discussion.id, locked: "true" });
    await expect(
      postReply(replier, { discussionId: discussion.id, body: "One more thing" }),
    ).rejects.toThrow("This discussion is locked: it takes no new replies.");
    expect((await getThread(replier, discussion.id))!.discussion.locked).toBe(true);
    await setLocked(leader, { id: discussion.id, locked: "false" });
    expect(
      await postReply(replier, { discussionId: discussion.id, body: "One more thing" }),
    ).toMatchObject({ ok: true });
  });

  it("rejects malformed input and unknown discussions", async () => {
    const leader = await createLeader();
    expect(await setPinned(leader, { id: "nope", pinned: "maybe" })).toMatchObject({
      ok: false,
      fieldErrors: { id: expect.any(Array), pinned: expect.any(Array) },
    });
    await expect(
      setLocked(leader, { id: "cknotadiscussion0000000", locked: "true" }),
    ).rejects.toBeInstanceOf(NotFound);
  });
});
