import { describe, expect, it } from "vitest";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import { createMember } from "@/test/factories";
import { createPost, postRow } from "@/test/factories-posts";
import { testDb } from "@/test/db";
import { getPostPage, listBookmarks } from "./queries";
import { setBookmark, setHelpful } from "./votes-and-bookmarks";

describe("setHelpful", () => {
  it("toggles the reader's vote and keeps the count in step", async () => {
    const [author, reader] = [await createMember(), await createMember()];
    const post = await createPost(author.id);
    expect(await setHelpful(reader, { id: post.id, helpful: "true" })).toMatchObject({ ok: true });
    expect(await getPostPage(reader, post.id)).toMatchObject({
      votedHelpful: true,
      helpfulCount: 1,
    });
    expect(await getPostPage(author, post.id)).toMatchObject({
      votedHelpful: false,
      helpfulCount: 1,
    });
    await setHelpful(reader, { id: post.id, helpful: "false" });
    expect(await getPostPage(reader, post.id)).toMatchObject({
      votedHelpful: false,
      helpfulCount: 0,
    });
  });

  it("ignores a repeated vote or un-vote", async () => {
    const [author, reader] = [await createMember(), await createMember()];
    const post = await createPost(author.id);
    await setHelpful(reader, { id: post.id, helpful: "true" });
    await setHelpful(reader, { id: post.id, helpful: "true" });
    expect((await postRow(post.id)).helpfulCount).toBe(1);
    await setHelpful(reader, { id: post.id, helpful: "false" });
    await setHelpful(reader, { id: post.id, helpful: "false" });
    expect((await postRow(post.id)).helpfulCount).toBe(0);
  });

  it("counts right under concurrent votes", async () => {
    const author = await createMember();
    const readers = await Promise.all(Array.from({ length: 6 }, () => createMember()));
    const post = await createPost(author.id);
    await Promise.all(
      readers.flatMap((reader) => [
        setHelpful(reader, { id: post.id, helpful: "true" }),
        setHelpful(reader, { id: post.id, helpful: "true" }),
      ]),
    );
    const votes = await testDb.helpfulVote.count({ where: { postId: post.id } });
    expect(votes).toBe(6);
    expect((await postRow(post.id)).helpfulCount).toBe(6);
    await Promise.all(
      readers
        .slice(0, 4)
        .flatMap((reader) => [
          setHelpful(reader, { id: post.id, helpful: "false" }),
          setHelpful(reader, { id: post.id, helpful: "false" }),
        ]),
    );
    expect((await postRow(post.id)).helpfulCount).toBe(2);
  });

  it("refuses a vote for your own post", async () => {
    const author = await createMember();
    const post = await createPost(author.id);
    await expect(setHelpful(author, { id: post.id, helpful: "true" })).rejects.toBeInstanceOf(
      DomainError,
    );
    expect((await postRow(post.id)).helpfulCount).toBe(0);
  });

  it("treats drafts, hidden, deleted and unknown posts as not found", async () => {
    const [author, reader] = [await createMember(), await createMember()];
    const posts = [
      await createPost(author.id, { status: "DRAFT" }),
      await createPost(author.id, { hiddenAt: new Date() }),
      await createPost(author.id, { deletedAt: new Date() }),
    ];
    for (const id of [...posts.map((post) => post.id), "unknownid"]) {
      await expect(setHelpful(reader, { id, helpful: "true" })).rejects.toBeInstanceOf(NotFound);
    }
    expect(await testDb.helpfulVote.count({ where: { userId: reader.id } })).toBe(0);
  });

  it("rejects a malformed request beside its field", async () => {
    const reader = await createMember();
    expect(await setHelpful(reader, { id: "x", helpful: "maybe" })).toMatchObject({
      ok: false,
      fieldErrors: { helpful: [expect.any(String)] },
    });
  });
});

describe("setBookmark and the reading list", () => {
  it("saves and removes posts, listing the most recently saved first", async () => {
    const [author, reader] = [await createMember(), await createMember()];
    const [first, second, third] = [
      await createPost(author.id),
      await createPost(author.id),
      await createPost(author.id),
    ];
    for (const post of [first, second, third]) {
      expect(await setBookmark(reader, { id: post.id, saved: "true" })).toMatchObject({ ok: true });
    }
    await setBookmark(reader, { id: first.id, saved: "true" });
    expect(await getPostPage(reader, second.id)).toMatchObject({ saved: true });

    const page = await listBookmarks(reader, undefined, 2);
    expect(page.items.map((item) => item.id)).toEqual([third.id, second.id]);
    const next = await listBookmarks(reader, page.nextCursor!, 2);
    expect(next.items.map((item) => item.id)).toEqual([first.id]);
    expect(next.nextCursor).toBeNull();

    await setBookmark(reader, { id: second.id, saved: "false" });
    expect((await listBookmarks(reader)).items.map((item) => item.id)).toEqual([
      third.id,
      first.id,
    ]);
    expect(await getPostPage(reader, second.id)).toMatchObject({ saved: false });
  });

  it("drops posts that were deleted or hidden since, and refuses drafts", async () => {
    const [author, reader] = [await createMember(), await createMember()];
    const [kept, deleted] = [await createPost(author.id), await createPost(author.id)];
    await setBookmark(reader, { id: kept.id, saved: "true" });
    await setBookmark(reader, { id: deleted.id, saved: "true" });
    await testDb.knowledgePost.update({
      where: { id: deleted.id },
      data: { deletedAt: new Date() },
    });
    expect((await listBookmarks(reader)).items.map((item) => item.id)).toEqual([kept.id]);

    const draft = await createPost(author.id, { status: "DRAFT" });
    await expect(setBookmark(reader, { id: draft.id, saved: "true" })).rejects.toBeInstanceOf(
      NotFound,
    );
  });

  it("keeps one member's reading list from another", async () => {
    const [author, reader, other] = [
      await createMember(),
      await createMember(),
      await createMember(),
    ];
    const post = await createPost(author.id);
    await setBookmark(reader, { id: post.id, saved: "true" });
    expect((await listBookmarks(other)).items).toEqual([]);
    await setBookmark(other, { id: post.id, saved: "false" });
    expect((await listBookmarks(reader)).items).toHaveLength(1);
  });
});
