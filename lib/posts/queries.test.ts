import { describe, expect, it } from "vitest";
import { InvalidCursor } from "@/lib/core/pagination/cursor";
import { createMember } from "@/test/factories";
import { createPost, createTag } from "@/test/factories-posts";
import { getEditablePost, getPostPage, listMyPosts, listPosts, relatedPosts } from "./queries";

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe("listPosts", () => {
  it("lists published posts newest first, with keyset pages", async () => {
    const [author, tag] = [await createMember(), await createTag()];
    const made = [];
    for (let i = 0; i < 5; i++) {
      made.push(await createPost(author.id, { tagIds: [tag.id], publishedAt: minutesAgo(10 - i) }));
    }
    const newestFirst = ids(made).reverse();
    const first = await listPosts({ viewer: author, tag: tag.slug }, 2);
    expect(ids(first.items)).toEqual(newestFirst.slice(0, 2));
    const second = await listPosts({ viewer: author, tag: tag.slug, cursor: first.nextCursor! }, 2);
    expect(ids(second.items)).toEqual(newestFirst.slice(2, 4));
    const third = await listPosts({ viewer: author, tag: tag.slug, cursor: second.nextCursor! }, 2);
    expect(ids(third.items)).toEqual(newestFirst.slice(4));
    expect(third.nextCursor).toBeNull();
  });

  it("filters by type and by tag name or slug, leaving out hidden and deleted posts", async () => {
    const [author, tag, otherTag] = [await createMember(), await createTag(), await createTag()];
    const lesson = await createPost(author.id, { type: "LESSON_LEARNED", tagIds: [tag.id] });
    await createPost(author.id, { type: "HOW_TO", tagIds: [tag.id] });
    await createPost(author.id, { type: "LESSON_LEARNED", tagIds: [otherTag.id] });
    await createPost(author.id, { type: "LESSON_LEARNED", tagIds: [tag.id], hiddenAt: new Date() });
    await createPost(author.id, {
      type: "LESSON_LEARNED",
      tagIds: [tag.id],
      deletedAt: new Date(),
    });
    const page = await listPosts({
      viewer: author,
      type: "LESSON_LEARNED",
      tag: tag.name.toUpperCase(),
    });
    expect(ids(page.items)).toEqual([lesson.id]);
    expect(page.items[0]).toMatchObject({
      author: { id: author.id, name: author.name },
      tags: [{ name: tag.name, slug: tag.slug }],
      type: "LESSON_LEARNED",
    });
  });

  it("refuses a tampered cursor", async () => {
    const viewer = await createMember();
    await expect(listPosts({ viewer, cursor: "bm90IGEgY3Vyc29y" })).rejects.toBeInstanceOf(
      InvalidCursor,
    );
  });
});

describe("listMyPosts", () => {
  it("lists the viewer's drafts first, then published posts, most recently changed first", async () => {
    const [author, other] = [await createMember(), await createMember()];
    const oldDraft = await createPost(author.id, { status: "DRAFT" });
    const published = await createPost(author.id);
    const newDraft = await createPost(author.id, { status: "DRAFT" });
    const newer = await createPost(author.id);
    await createPost(author.id, { deletedAt: new Date() });
    await createPost(other.id, { status: "DRAFT" });
    const all = await listMyPosts(author);
    expect(ids(all.items)).toEqual([newDraft.id, oldDraft.id, newer.id, published.id]);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listMyPosts(author, cursor, 1);
      seen.push(...ids(page.items));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(ids(all.items));
  });
});

describe("relatedPosts", () => {
  it("ranks published posts by shared tags, leaving out the post itself, drafts and hidden ones", async () => {
    const author = await createMember();
    const [a, b, c] = [await createTag(), await createTag(), await createTag()];
    const post = await createPost(author.id, { tagIds: [a.id, b.id, c.id] });
    const sharesTwo = await createPost(author.id, { tagIds: [a.id, b.id] });
    const sharesOneOld = await createPost(author.id, {
      tagIds: [c.id],
      publishedAt: minutesAgo(90),
    });
    const sharesOneNew = await createPost(author.id, {
      tagIds: [a.id],
      publishedAt: minutesAgo(5),
    });
    await createPost(author.id, { tagIds: [a.id, b.id, c.id], status: "DRAFT" });
    await createPost(author.id, { tagIds: [a.id, b.id, c.id], hiddenAt: new Date() });
    await createPost(author.id, { tagIds: [a.id, b.id, c.id], deletedAt: new Date() });
    const related = await relatedPosts(author, post.id);
    expect(ids(related)).toEqual([sharesTwo.id, sharesOneNew.id, sharesOneOld.id]);
    expect(related[0]).toMatchObject({ sharedTags: 2, title: sharesTwo.title, type: "HOW_TO" });
  });

  it("returns at most five", async () => {
    const [author, tag] = [await createMember(), await createTag()];
    const post = await createPost(author.id, { tagIds: [tag.id] });
    for (let i = 0; i < 7; i++) await createPost(author.id, { tagIds: [tag.id] });
    expect(await relatedPosts(author, post.id)).toHaveLength(5);
  });
});

describe("getPostPage and getEditablePost", () => {
  it("gives the post with author, sorted tags, and the edited mark", async () => {
    const author = await createMember();
    const [zeta, alpha] = [
      await createTag(`Zeta ${Date.now()}`),
      await createTag(`Alpha ${Date.now()}`),
    ];
    const post = await createPost(author.id, {
      tagIds: [zeta.id, alpha.id],
      body: "## One\n\n## Two",
    });
    const page = await getPostPage(author, post.id);
    expect(page).toMatchObject({
      id: post.id,
      body: "## One\n\n## Two",
      author: { id: author.id, name: author.name },
      tags: [{ name: alpha.name }, { name: zeta.name }],
      editedAt: null,
      isAuthor: true,
      hidden: false,
    });
  });

  it("gives the edit form to the author only", async () => {
    const [author, other] = [await createMember(), await createMember()];
    const post = await createPost(author.id, { status: "DRAFT" });
    expect(await getEditablePost(author, post.id)).toMatchObject({ id: post.id, status: "DRAFT" });
    expect(await getEditablePost(other, post.id)).toBeNull();
  });
});
