import { describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import { createAdmin, createMember } from "@/test/factories";
import { notificationsFor } from "@/test/factories-notifications";
import { createComment, createPost, postRow } from "@/test/factories-posts";
import { testDb } from "@/test/db";
import { COMMENT_LIMITS } from "./limits";
import { addComment, deleteComment, editComment } from "./comments";
import { getPostComments } from "./queries";

const mention = (member: { id: string; name: string }) =>
  `[@${member.name}](/members/${member.id})`;

async function commentBy(
  author: { id: string; role: "MEMBER" | "LEADER" | "ADMIN" },
  postId: string,
  body = "Useful, thanks!",
) {
  const result = await addComment(author, { postId, body });
  if (!result.ok || !result.data) throw new Error(JSON.stringify(result));
  return result.data.id;
}

describe("addComment", () => {
  it("adds a comment, counts it and notifies the post's author", async () => {
    const [author, reader] = [await createMember(), await createMember()];
    const post = await createPost(author.id, { title: "Rolling back a migration" });
    const id = await commentBy(reader, post.id);
    expect((await postRow(post.id)).commentCount).toBe(1);
    const notes = await notificationsFor(author.id);
    expect(notes).toMatchObject([
      {
        kind: "post.commented",
        actorId: reader.id,
        data: { postId: post.id, commentId: id, title: "Rolling back a migration" },
      },
    ]);
  });

  it("notifies mentioned members; a mentioned post author gets one notification", async () => {
    const [author, reader, mentioned] = [
      await createMember(),
      await createMember(),
      await createMember(),
    ];
    const post = await createPost(author.id);
    const id = await commentBy(reader, post.id, `${mention(mentioned)} and ${mention(author)}`);
    for (const member of [mentioned, author]) {
      expect(await notificationsFor(member.id)).toMatchObject([
        { kind: "content.mentioned", data: { path: `/posts/${post.id}#comment-${id}` } },
      ]);
    }
  });

  it("does not notify an author commenting on their own post", async () => {
    const author = await createMember();
    const post = await createPost(author.id);
    await commentBy(author, post.id);
    expect(await notificationsFor(author.id)).toEqual([]);
  });

  it("validates the body beside the field", async () => {
    const [author, reader] = [await createMember(), await createMember()];
    const post = await createPost(author.id);
    for (const body of ["  ", "x".repeat(COMMENT_LIMITS.bodyMax + 1)]) {
      expect(await addComment(reader, { postId: post.id, body })).toMatchObject({
        ok: false,
        fieldErrors: { body: [expect.any(String)] },
      });
    }
    await expect(
      addComment(reader, { postId: post.id, body: "Hi [@Nobody](/members/nobody99)" }),
    ).rejects.toBeInstanceOf(DomainError);
    expect((await postRow(post.id)).commentCount).toBe(0);
    expect(await notificationsFor(author.id)).toEqual([]);
  });

  it("refuses comments on drafts, hidden and deleted posts", async () => {
    const [author, reader] = [await createMember(), await createMember()];
    for (const overrides of [
      { status: "DRAFT" as const },
      { hiddenAt: new Date() },
      { deletedAt: new Date() },
    ]) {
      const post = await createPost(author.id, overrides);
      await expect(addComment(reader, { postId: post.id, body: "Hello" })).rejects.toBeInstanceOf(
        NotFound,
      );
    }
    expect(await testDb.postComment.count({ where: { authorId: reader.id } })).toBe(0);
  });
});

describe("editComment and deleteComment", () => {
  it("lets the comment's author edit it, with an edited mark", async () => {
    const [author, reader] = [await createMember(), await createMember()];
    const post = await createPost(author.id);
    const id = await commentBy(reader, post.id);
    expect(await editComment(reader, { id, body: "Edited text" })).toMatchObject({ ok: true });
    const [view] = (await getPostComments(reader, post.id)).items;
    expect(view).toMatchObject({ id, body: "Edited text", isAuthor: true, state: "visible" });
    expect(view?.editedAt).toBeInstanceOf(Date);
  });

  it("notifies only members newly mentioned by an edit", async () => {
    const [author, reader, first, second] = [
      await createMember(),
      await createMember(),
      await createMember(),
      await createMember(),
    ];
    const post = await createPost(author.id);
    const id = await commentBy(reader, post.id, `cc ${mention(first)}`);
    await editComment(reader, { id, body: `cc ${mention(first)} ${mention(second)}` });
    expect(await notificationsFor(first.id)).toHaveLength(1);
    expect(await notificationsFor(second.id)).toHaveLength(1);
  });

  it("soft-deletes: a placeholder stays and the count drops once", async () => {
    const [author, reader] = [await createMember(), await createMember()];
    const post = await createPost(author.id);
    const id = await commentBy(reader, post.id);
    await commentBy(author, post.id);
    expect(await deleteComment(reader, { id })).toMatchObject({ ok: true });
    await expect(deleteComment(reader, { id })).rejects.toBeInstanceOf(NotFound);
    expect((await postRow(post.id)).commentCount).toBe(1);
    const [deleted] = (await getPostComments(author, post.id)).items;
    expect(deleted).toMatchObject({ id, state: "deleted", body: "" });
  });

  it("refuses other members, the post's author and admins, and changes nothing", async () => {
    const [author, writer] = [await createMember(), await createMember()];
    const post = await createPost(author.id);
    const id = await commentBy(writer, post.id, "Original");
    for (const intruder of [author, await createMember(), await createAdmin()]) {
      await expect(editComment(intruder, { id, body: "Changed" })).rejects.toBeInstanceOf(
        PermissionDenied,
      );
      await expect(deleteComment(intruder, { id })).rejects.toBeInstanceOf(PermissionDenied);
    }
    const row = await testDb.postComment.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ body: "Original", editedAt: null, deletedAt: null });
  });
});

describe("getPostComments", () => {
  it("shows hidden comments' text to admins only", async () => {
    const [author, member, admin] = [
      await createMember(),
      await createMember(),
      await createAdmin(),
    ];
    const post = await createPost(author.id);
    const hidden = await createComment(post.id, author.id, { body: "Rude", hiddenAt: new Date() });
    expect((await getPostComments(member, post.id)).items).toMatchObject([
      { id: hidden.id, state: "hidden", body: "" },
    ]);
    expect((await getPostComments(admin, post.id)).items).toMatchObject([
      { id: hidden.id, state: "hidden", body: "Rude" },
    ]);
  });

  it("pages through comments oldest first", async () => {
    const [author, reader] = [await createMember(), await createMember()];
    const post = await createPost(author.id);
    const base = Date.now() - 60_000;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await createComment(post.id, reader.id, { createdAt: new Date(base + i) })).id);
    }
    const first = await getPostComments(reader, post.id, undefined, 3);
    expect(first.items.map((c) => c.id)).toEqual(ids.slice(0, 3));
    const second = await getPostComments(reader, post.id, first.nextCursor!, 3);
    expect(second.items.map((c) => c.id)).toEqual(ids.slice(3));
    expect(second.nextCursor).toBeNull();
  });
});
