import { describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import { testDb } from "@/test/db";
import { createAdmin, createMember, unique } from "@/test/factories";
import {
  createDiscussion as insertDiscussion,
  createReply as insertReply,
  createTag,
  discussionInput,
  followTag,
  mention,
} from "@/test/factories-discussions";
import { notificationsFor } from "@/test/factories-notifications";
import { createDiscussion } from "./create-discussion";
import { deleteDiscussion, editDiscussion } from "./edit-discussion";
import { DISCUSSION_LIMITS } from "./limits";
import { getThread } from "./thread-queries";

async function tagsOf(discussionId: string) {
  const links = await testDb.discussionTag.findMany({
    where: { discussionId },
    select: { tag: { select: { name: true, slug: true } } },
  });
  return links.map((link) => link.tag.slug).sort();
}

describe("createDiscussion", () => {
  it("starts a discussion or a question with normalised tags", async () => {
    const author = await createMember();
    const word = unique("tdd");
    const result = await createDiscussion(
      author,
      discussionInput({
        kind: "QUESTION",
        title: "  How do   we test  flaky jobs? ",
        tags: `#${word.toUpperCase()}, ${word} , Pair Programming`,
      }),
    );
    expect(result).toMatchObject({ ok: true, message: "Question posted." });
    const id = result.ok ? result.data!.id : "";
    const saved = await testDb.discussion.findUniqueOrThrow({ where: { id } });
    expect(saved).toMatchObject({
      kind: "QUESTION",
      title: "How do we test flaky jobs?",
      authorId: author.id,
      replyCount: 0,
      reactionCount: 0,
    });
    expect(await tagsOf(id)).toEqual([word, "pair-programming"].sort());
  });

  it("reports every invalid field beside it, and saves nothing", async () => {
    const author = await createMember();
    const result = await createDiscussion(author, {
      kind: "POLL",
      title: "Hey",
      body: "   ",
      tags: "a,b,c,d,e,f",
    });
    expect(result.ok).toBe(false);
    const errors = result.ok ? {} : result.fieldErrors!;
    expect(Object.keys(errors).sort()).toEqual(["body", "kind", "tags", "title"]);
    expect(errors.title![0]).toMatch(/at least 5/);
    expect(await testDb.discussion.count({ where: { authorId: author.id } })).toBe(0);
  });

  it("enforces the upper length limits", async () => {
    const author = await createMember();
    const result = await createDiscussion(
      author,
      discussionInput({
        title: "x".repeat(DISCUSSION_LIMITS.titleMax + 1),
        body: "y".repeat(DISCUSSION_LIMITS.bodyMax + 1),
      }),
    );
    expect(result.ok ? {} : result.fieldErrors).toMatchObject({
      title: [expect.stringMatching(/under 150/)],
      body: [expect.stringMatching(/under 20,000/)],
    });
    const atLimit = await createDiscussion(
      author,
      discussionInput({ title: "x".repeat(150), body: "y".repeat(20_000) }),
    );
    expect(atLimit.ok).toBe(true);
  });

  it("refuses a mention of someone who is not an active member", async () => {
    const author = await createMember();
    const gone = await createMember({ status: "DEACTIVATED" });
    for (const body of [
      `Hi ${mention({ id: "cknotamember00000000000", name: "Nobody" })}`,
      `Hi ${mention(gone)}`,
    ]) {
      const result = await createDiscussion(author, discussionInput({ body }));
      expect(result).toMatchObject({ ok: false, fieldErrors: { body: [/not an active member/] } });
    }
    expect(await testDb.discussion.count({ where: { authorId: author.id } })).toBe(0);
  });

  it("notifies mentioned members and tag followers, each once, never the author", async () => {
    const [author, mentioned, follower, both] = await Promise.all([
      createMember(),
      createMember(),
      createMember(),
      createMember(),
    ]);
    const tag = await createTag();
    await Promise.all([
      followTag(follower.id, tag.id),
      followTag(both.id, tag.id),
      followTag(author.id, tag.id),
    ]);
    const result = await createDiscussion(
      author,
      discussionInput({
        title: "Incident review habits",
        body: `Thoughts, ${mention(mentioned)} and ${mention(both)}? Also ${mention(author)}.`,
        tags: tag.name,
      }),
    );
    const id = result.ok ? result.data!.id : "";
    const path = `/discussions/${id}`;
    expect(await notificationsFor(mentioned.id)).toMatchObject([
      { kind: "content.mentioned", actorId: author.id, data: { path } },
    ]);
    expect(await notificationsFor(both.id)).toMatchObject([{ kind: "content.mentioned" }]);
    expect(await notificationsFor(follower.id)).toMatchObject([
      {
        kind: "tag.new_content",
        data: { tagName: tag.name, title: "Incident review habits", path },
      },
    ]);
    expect(await notificationsFor(author.id)).toEqual([]);
  });
});

describe("editing and deleting a discussion", () => {
  it("lets the author edit title, body and tags, marking it edited", async () => {
    const author = await createMember();
    const old = await createTag();
    const discussion = await insertDiscussion(author.id, { tagIds: [old.id] });
    const word = unique("new");
    const result = await editDiscussion(author, {
      id: discussion.id,
      title: "A better title",
      body: "Clearer body",
      tags: word,
    });
    expect(result).toMatchObject({ ok: true, data: { id: discussion.id } });
    const saved = await testDb.discussion.findUniqueOrThrow({ where: { id: discussion.id } });
    expect(saved).toMatchObject({ title: "A better title", body: "Clearer body" });
    expect(saved.editedAt).toBeInstanceOf(Date);
    expect(await tagsOf(discussion.id)).toEqual([word]);
  });

  it("notifies only members newly mentioned by an edit", async () => {
    const [author, first, second] = await Promise.all([
      createMember(),
      createMember(),
      createMember(),
    ]);
    const discussion = await insertDiscussion(author.id, { body: `Hi ${mention(first)}` });
    await editDiscussion(author, {
      id: discussion.id,
      title: discussion.title,
      body: `Hi ${mention(first)} and ${mention(second)}`,
    });
    expect(await notificationsFor(first.id)).toEqual([]);
    expect(await notificationsFor(second.id)).toHaveLength(1);
  });

  it("refuses anyone but the author, admins included, and changes nothing", async () => {
    const [author, other, admin] = await Promise.all([
      createMember(),
      createMember(),
      createAdmin(),
    ]);
    const discussion = await insertDiscussion(author.id);
    for (const actor of [other, admin]) {
      await expect(
        editDiscussion(actor, { id: discussion.id, title: "Taken over", body: "Mine now" }),
      ).rejects.toBeInstanceOf(PermissionDenied);
      await expect(deleteDiscussion(actor, { id: discussion.id })).rejects.toBeInstanceOf(
        PermissionDenied,
      );
    }
    const saved = await testDb.discussion.findUniqueOrThrow({ where: { id: discussion.id } });
    expect(saved).toMatchObject({ title: discussion.title, editedAt: null, deletedAt: null });
  });

  it("treats unknown and hidden discussions as not found", async () => {
    const author = await createMember();
    const hidden = await insertDiscussion(author.id, { hiddenAt: new Date() });
    await expect(
      deleteDiscussion(author, { id: "cknotadiscussion0000000" }),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(deleteDiscussion(author, { id: hidden.id })).rejects.toBeInstanceOf(NotFound);
    expect(await deleteDiscussion(author, { id: "not an id" })).toMatchObject({
      ok: false,
      fieldErrors: { id: expect.any(Array) },
    });
  });

  it("soft-deletes: a placeholder stays, replies are kept, the text is shown to nobody", async () => {
    const [author, replier, admin] = await Promise.all([
      createMember(),
      createMember(),
      createAdmin(),
    ]);
    const discussion = await insertDiscussion(author.id, { title: "Secret plans" });
    const reply = await insertReply(discussion.id, replier.id, { body: "Still here" });
    expect(await deleteDiscussion(author, { id: discussion.id })).toMatchObject({ ok: true });
    for (const viewer of [author, replier, admin]) {
      const thread = await getThread(viewer, discussion.id);
      expect(thread!.discussion).toMatchObject({ state: "deleted", title: null, body: null });
      expect(thread!.replies.items).toMatchObject([{ id: reply.id, body: "Still here" }]);
    }
    await expect(
      editDiscussion(author, { id: discussion.id, title: "Back again", body: "x" }),
    ).rejects.toBeInstanceOf(DomainError);
  });
});
