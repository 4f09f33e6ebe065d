import { describe, expect, it } from "vitest";
import { encodeCursor, InvalidCursor } from "@/lib/core/pagination/cursor";
import { createMember } from "@/test/factories";
import {
  acceptReply,
  createDiscussion,
  createPost,
  createReply,
  createTag,
  followTag,
} from "@/test/factories-content";
import { feedPage, homeFeed, pinnedItems, unansweredQuestions, type FeedItem } from "./queries";

const titles = (items: FeedItem[]) => items.map((item) => item.title);
/** A member of no community: reads everything but private communities' content. */
const reader = { id: "feed-reader", role: "MEMBER" as const };

/**
 * A private stretch of time long ago, so that a page started just after its end lists this
 * test's own rows, in a database other tests write to at the same time (and past rows sit at
 * the end of everyone else's newest-first lists).
 */
/** A random hour in 1960–1971: away from other tests' rows, and from the insights' 1999. */
function timeWindow() {
  const start = Date.UTC(1960, 0, 1) + Math.floor(Math.random() * 1e5) * 3_600_000;
  return {
    at: (minutes: number) => new Date(start + minutes * 60_000),
    /** A cursor just after the window's end: the page starts at its newest row. */
    cursor: encodeCursor([new Date(start + 3_599_000).toISOString(), "~"]),
  };
}

const idsOf = (items: FeedItem[]) => items.map((item) => item.id);

async function allPages(options: { tagId: string; take: number }) {
  const pages: string[][] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 10; i++) {
    const page = await feedPage({ viewer: reader, ...options, cursor });
    pages.push(titles(page.items));
    if (!page.nextCursor) return pages;
    cursor = page.nextCursor;
  }
  throw new Error("pagination did not end");
}

describe("feedPage", () => {
  it("merges discussions (by last activity) and posts (by publication), newest first, page by page", async () => {
    const tag = await createTag();
    const t = timeWindow();
    const tags = [tag];
    await createDiscussion({ title: "d-old", lastActivityAt: t.at(1), tags });
    await createPost({ title: "p-mid", publishedAt: t.at(2), tags });
    await createDiscussion({
      title: "d-revived",
      createdAt: t.at(0),
      lastActivityAt: t.at(4),
      tags,
    });
    await createPost({ title: "p-new", publishedAt: t.at(5), tags });
    await createDiscussion({ title: "d-mid", lastActivityAt: t.at(3), tags });

    expect(await allPages({ tagId: tag.id, take: 2 })).toEqual([
      ["p-new", "d-revived"],
      ["d-mid", "p-mid"],
      ["d-old"],
    ]);
  });

  it("keeps rows with the same time apart by id, without repeats or gaps", async () => {
    const tag = await createTag();
    const at = new Date(Date.UTC(1989, 5, 1));
    for (const title of ["a", "b", "c"]) {
      await createDiscussion({ title, lastActivityAt: at, tags: [tag] });
      await createPost({ title: `post ${title}`, publishedAt: at, tags: [tag] });
    }
    const pages = await allPages({ tagId: tag.id, take: 4 });
    expect(pages.flat()).toHaveLength(6);
    expect(new Set(pages.flat()).size).toBe(6);
  });

  it("leaves out deleted and hidden discussions, and draft, deleted and hidden posts", async () => {
    const tag = await createTag();
    const tags = [tag];
    await createDiscussion({ title: "shown discussion", tags });
    await createDiscussion({ title: "deleted", deletedAt: new Date(), tags });
    await createDiscussion({ title: "hidden", hiddenAt: new Date(), tags });
    await createPost({ title: "shown post", tags });
    await createPost({ title: "draft", status: "DRAFT", tags });
    await createPost({ title: "deleted post", deletedAt: new Date(), tags });
    await createPost({ title: "hidden post", hiddenAt: new Date(), tags });
    const page = await feedPage({ viewer: reader, tagId: tag.id });
    expect(titles(page.items).sort()).toEqual(["shown discussion", "shown post"]);
  });

  it("describes each item: badge, link, author, tags, counts", async () => {
    const [author, tagB, tagA] = [await createMember(), await createTag(), await createTag()];
    const t = timeWindow();
    const question = await createDiscussion({
      kind: "QUESTION",
      authorId: author.id,
      lastActivityAt: t.at(2),
      replyCount: 3,
      reactionCount: 4,
      tags: [tagB, tagA],
    });
    const post = await createPost({
      type: "LESSON_LEARNED",
      publishedAt: t.at(1),
      helpfulCount: 7,
      commentCount: 2,
      tags: [tagA],
    });
    const page = await feedPage({ viewer: reader, tagId: tagA.id });
    expect(page.items).toEqual([
      {
        kind: "discussion",
        id: question.id,
        href: `/discussions/${question.id}`,
        badge: "Question",
        title: question.title,
        author: { id: author.id, name: author.name, avatarId: null },
        tags: [tagA, tagB]
          .map(({ name, slug }) => ({ name, slug }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        activityAt: t.at(2),
        pinned: false,
        replyCount: 3,
        reactionCount: 4,
        answered: false,
      },
      expect.objectContaining({
        kind: "post",
        href: `/posts/${post.id}`,
        badge: "Lesson learned",
        helpfulCount: 7,
        commentCount: 2,
      }),
    ]);
  });

  it("treats a malformed cursor as an invalid page", async () => {
    for (const cursor of ["nonsense", encodeCursor(["yesterday", "x"]), encodeCursor([1])]) {
      await expect(feedPage({ viewer: reader, cursor })).rejects.toBeInstanceOf(InvalidCursor);
    }
  });
});

describe("home feed and pinned items", () => {
  it("shows pinned items in their own block, most recently pinned first, and not again in the stream", async () => {
    const t = timeWindow();
    const pinnedPost = await createPost({ title: "pinned post", pinnedAt: t.at(3) });
    const pinnedDiscussion = await createDiscussion({
      title: "pinned discussion",
      pinnedAt: t.at(2),
      lastActivityAt: t.at(10),
    });
    const hidden = await createDiscussion({ pinnedAt: t.at(4), hiddenAt: t.at(4) });
    const draft = await createPost({ status: "DRAFT", pinnedAt: t.at(5) });
    const unpinned = await createDiscussion({ title: "plain", lastActivityAt: t.at(9) });

    // Other tests pin too: look at this test's rows within a long enough block.
    const pinned = idsOf(await pinnedItems(reader, 10_000));
    expect(pinned.filter((id) => [pinnedPost.id, pinnedDiscussion.id].includes(id))).toEqual([
      pinnedPost.id,
      pinnedDiscussion.id,
    ]);
    expect(pinned).not.toContain(hidden.id);
    expect(pinned).not.toContain(draft.id);

    const stream = await feedPage({
      viewer: reader,
      excludePinned: true,
      cursor: t.cursor,
      take: 3,
    });
    expect(stream.items[0]?.id).toBe(unpinned.id);
    expect(idsOf(stream.items)).not.toContain(pinnedDiscussion.id);
    expect((await feedPage({ viewer: reader, cursor: t.cursor, take: 1 })).items[0]?.id).toBe(
      pinnedDiscussion.id,
    );
  });
});

describe("unansweredQuestions", () => {
  it("lists open questions in followed tags, unreplied first, never the member's own", async () => {
    const [member, other] = [await createMember(), await createMember()];
    const [followed, notFollowed] = [await createTag(), await createTag()];
    await followTag(member.id, followed.id);
    const tags = [followed];
    const question = (title: string, extra: Parameters<typeof createDiscussion>[0] = {}) =>
      createDiscussion({ kind: "QUESTION", title, authorId: other.id, tags, ...extra });

    await question("older unreplied", { createdAt: new Date(Date.now() - 60_000) });
    await question("replied, nothing accepted", { replyCount: 2 });
    await question("newer unreplied");
    const answered = await question("answered", { replyCount: 1 });
    await acceptReply(answered.id, (await createReply(answered.id)).id);
    await question("mine", { authorId: member.id });
    await question("locked", { lockedAt: new Date() });
    await question("hidden", { hiddenAt: new Date() });
    await question("deleted", { deletedAt: new Date() });
    await question("other tag", { tags: [notFollowed] });
    await createDiscussion({ title: "not a question", authorId: other.id, tags });

    const items = await unansweredQuestions(member);
    expect(titles(items)).toEqual([
      "newer unreplied",
      "older unreplied",
      "replied, nothing accepted",
    ]);
    expect(items.every((item) => item.badge === "Question" && item.answered === false)).toBe(true);
    expect(await unansweredQuestions(other)).toEqual([]);
  });

  it("lists a question once even when it has several followed tags", async () => {
    const member = await createMember();
    const [a, b] = [await createTag(), await createTag()];
    await followTag(member.id, a.id);
    await followTag(member.id, b.id);
    await createDiscussion({ kind: "QUESTION", title: "two tags", tags: [a, b] });
    expect(titles(await unansweredQuestions(member))).toEqual(["two tags"]);
  });
});

describe("homeFeed", () => {
  it("gives the pinned block and the member's unanswered questions on the first page only", async () => {
    const [member, tag] = [await createMember(), await createTag()];
    await followTag(member.id, tag.id);
    await createDiscussion({ title: "pinned", pinnedAt: new Date() });
    await createDiscussion({ kind: "QUESTION", title: "open", tags: [tag] });
    for (let i = 0; i < 6; i++) await createDiscussion();

    const first = await homeFeed(member, { take: 5 });
    expect(first.pinned.length).toBeGreaterThan(0);
    expect(first.pinned.every((item) => item.pinned)).toBe(true);
    expect(titles(first.unanswered)).toEqual(["open"]);
    expect(first.recent.items).toHaveLength(5);
    expect(first.recent.items.some((item) => item.pinned)).toBe(false);

    const next = await homeFeed(member, { cursor: first.recent.nextCursor! });
    expect(next.pinned).toEqual([]);
    expect(next.unanswered).toEqual([]);
  });

  it("pages through the stream without pinned items", async () => {
    const member = await createMember();
    const t = timeWindow();
    const pinned = await createDiscussion({ pinnedAt: new Date(), lastActivityAt: t.at(3) });
    const older = await createPost({ publishedAt: t.at(1) });
    const newer = await createDiscussion({ lastActivityAt: t.at(2) });
    const page = await homeFeed(member, { cursor: t.cursor, take: 2 });
    expect(idsOf(page.recent.items)).toEqual([newer.id, older.id]);
    expect(idsOf(page.recent.items)).not.toContain(pinned.id);
  });
});
