import { describe, expect, it } from "vitest";
import { encodeCursor, InvalidCursor } from "@/lib/core/pagination/cursor";
import { createMember, unique } from "@/test/factories";
import { createMemberWithProfile, createTeam } from "@/test/factories-members";
import {
  createDiscussion,
  createPost,
  createReply,
  createTag,
  minutesFromNow,
} from "@/test/factories-content";
import { testDb } from "@/test/db";
import { MARK_END, MARK_START, plainText } from "./highlight";
import { SEARCH_LIMITS } from "./limits";
import { searchPageSchema } from "./schemas";
import {
  runSearch,
  searchDiscussions,
  searchMembers,
  searchPosts,
  searchReplies,
  typesSearched,
  type SearchHit,
} from "./search";

/** A word no other test's rows contain (a letter-digit mix, which no stemmer changes). */
const word = () => unique("w").toLowerCase();

const ids = (page: { items: SearchHit[] }) => page.items.map((hit) => hit.id);

/** A member of no community: finds everything but private communities' content. */
const viewer = { id: "search-reader", role: "MEMBER" as const };

function search(params: Record<string, string>) {
  return runSearch(searchPageSchema.parse(params), { viewer });
}

describe("search ranking and snippets", () => {
  it("ranks a title match above a body match", async () => {
    const w = word();
    const inBody = await createDiscussion({ body: `We tried ${w} last week and it went well.` });
    const inTitle = await createDiscussion({ title: `How we use ${w}` });
    expect(ids(await searchDiscussions({ viewer, text: w, take: 10 }))).toEqual([
      inTitle.id,
      inBody.id,
    ]);
  });

  it("ranks a post's title above its summary above its body", async () => {
    const w = word();
    const inBody = await createPost({ body: `Step three: run ${w} again.` });
    const inSummary = await createPost({ summary: `Why ${w} matters.` });
    const inTitle = await createPost({ title: `${w} in practice` });
    expect(ids(await searchPosts({ viewer, text: w, take: 10 }))).toEqual([
      inTitle.id,
      inSummary.id,
      inBody.id,
    ]);
  });

  it("shows a post's summary when the words are in it, else the words found in its body", async () => {
    const w = word();
    const inBody = await createPost({
      summary: "A short summary without the word.",
      body: `Intro paragraph.\n\nStep three: run **${w}** again before the release.`,
    });
    const inSummary = await createPost({ summary: `Why ${w} matters.`, body: "Body text." });
    const hits = (await searchPosts({ viewer, text: w, take: 10 })).items;
    const snippetOf = (id: string) => plainText(hits.find((hit) => hit.id === id)!.snippet);
    expect(snippetOf(inBody.id)).toContain(`run ${w} again`);
    expect(snippetOf(inBody.id)).not.toContain("short summary");
    expect(hits.find((hit) => hit.id === inBody.id)!.snippet).toContainEqual({
      text: w,
      marked: true,
    });
    expect(snippetOf(inSummary.id)).toBe(`Why ${w} matters.`);
  });

  it("marks the matched words in titles and snippets, with the markdown noise removed", async () => {
    const w = word();
    await createDiscussion({
      title: `Deploying ${w} safely`,
      body: `## Notes\n\nSee [the ${w} guide](https://example.com/guide) and **bold** ideas.`,
    });
    const [hit] = (await searchDiscussions({ viewer, text: w, take: 10 })).items;
    expect(hit?.title).toContainEqual({ text: w, marked: true });
    expect(hit?.snippet).toContainEqual({ text: w, marked: true });
    const snippet = plainText(hit!.snippet);
    expect(snippet).toContain(`the ${w} guide`);
    expect(snippet).not.toMatch(/https|\*\*|##|\]\(/);
  });

  it("stems English words, so a search for one form finds another", async () => {
    const w = word();
    const discussion = await createDiscussion({ body: `${w} notes on deploying services` });
    expect(ids(await searchDiscussions({ viewer, text: `${w} deployed`, take: 10 }))).toEqual([
      discussion.id,
    ]);
  });

  it("ignores highlight markers typed into content", async () => {
    const w = word();
    await createDiscussion({ body: `${MARK_START}fake${MARK_END} emphasis near ${w}` });
    const [hit] = (await searchDiscussions({ viewer, text: w, take: 10 })).items;
    expect(hit?.snippet.filter((part) => part.marked)).toEqual([{ text: w, marked: true }]);
  });
});

describe("search input", () => {
  const corpus = [
    '"unterminated',
    "-",
    "!!!",
    "a & b | c",
    '\'); drop table "Discussion"; --',
    "<script>alert(1)</script>",
    "",
    "   ",
    "x".repeat(500),
    "word ".repeat(100),
    'or -"" "a',
    ":* & ! | ( ) <-> \\",
    "null\u0000byte",
    "lone \uD800 surrogate",
    `${MARK_START}${MARK_END}`,
    "the and of",
  ];

  it.each(corpus)("never fails on %j", async (typed) => {
    for (const type of ["all", "discussions", "replies", "posts", "members"]) {
      await expect(search({ q: typed, type })).resolves.toBeInstanceOf(Array);
    }
    await expect(search({ q: typed, tag: "some-tag" })).resolves.toBeInstanceOf(Array);
  });

  it("cuts long queries to length rather than refusing them", () => {
    const params = searchPageSchema.parse({ q: "é".repeat(500) });
    expect(params.q).toHaveLength(200);
  });

  it("shows nothing for an empty query", async () => {
    expect(await search({ q: "  " })).toEqual([]);
  });

  it("honours quoted phrases and excluded words", async () => {
    const w = word();
    const phrase = await createDiscussion({ body: `${w} pairing sessions every day` });
    const other = await createDiscussion({ body: `sessions of ${w} and pairing` });
    expect(ids(await searchDiscussions({ viewer, text: `"${w} pairing"`, take: 10 }))).toEqual([
      phrase.id,
    ]);
    expect(ids(await searchDiscussions({ viewer, text: `${w} -day`, take: 10 }))).toEqual([
      other.id,
    ]);
  });
});

describe("search visibility", () => {
  it("never finds deleted or hidden discussions", async () => {
    const w = word();
    const visible = await createDiscussion({ body: w });
    await createDiscussion({ body: w, deletedAt: new Date() });
    await createDiscussion({ body: w, hiddenAt: new Date() });
    expect(ids(await searchDiscussions({ viewer, text: w, take: 10 }))).toEqual([visible.id]);
  });

  it("never finds deleted or hidden replies, or replies in hidden or deleted discussions", async () => {
    const w = word();
    const open = await createDiscussion();
    const visible = await createReply(open.id, { body: `I think ${w}` });
    await createReply(open.id, { body: w, deletedAt: new Date() });
    await createReply(open.id, { body: w, hiddenAt: new Date() });
    const hidden = await createDiscussion({ hiddenAt: new Date() });
    await createReply(hidden.id, { body: w });
    const deleted = await createDiscussion({ deletedAt: new Date() });
    await createReply(deleted.id, { body: w });

    const page = await searchReplies({ viewer, text: w, take: 10 });
    expect(ids(page)).toEqual([visible.id]);
    expect(page.items[0]).toMatchObject({
      href: `/discussions/${open.id}#reply-${visible.id}`,
      badge: "Reply",
    });
    expect(plainText(page.items[0]!.title)).toBe(`Reply in “${open.title}”`);
  });

  it("never finds drafts (not even the author's), deleted or hidden posts", async () => {
    const w = word();
    const author = await createMember();
    const published = await createPost({ authorId: author.id, title: w, type: "CASE_STUDY" });
    await createPost({ authorId: author.id, title: w, status: "DRAFT" });
    await createPost({ title: w, deletedAt: new Date() });
    await createPost({ title: w, hiddenAt: new Date() });
    const page = await searchPosts({ viewer, text: w, take: 10 });
    expect(ids(page)).toEqual([published.id]);
    expect(page.items[0]).toMatchObject({ href: `/posts/${published.id}`, badge: "Case study" });
    expect(page.items[0]?.authorName).toBe(author.name);
  });
});

describe("member results", () => {
  it("finds active members by the start of a name, team or skill, never deactivated ones", async () => {
    const w = word();
    const team = await createTeam(`${w}team Platform`);
    const byName = await createMemberWithProfile({ name: `${w}ana Ferreira`, title: "Engineer" });
    const byTeam = await createMemberWithProfile({ name: `Team Mate ${unique()}`, team });
    await createMemberWithProfile({ name: `${w}ana Gone`, status: "DEACTIVATED" });

    const named = await searchMembers({ viewer, text: `${w}an`, take: 10 });
    expect(ids(named)).toEqual([byName.id]);
    expect(named.items[0]).toMatchObject({ href: `/members/${byName.id}`, badge: "Member" });
    expect(named.items[0]?.title).toContainEqual({ text: `${w}ana`, marked: true });
    expect(plainText(named.items[0]!.snippet)).toBe("Engineer");

    expect(ids(await searchMembers({ viewer, text: `${w}team`, take: 10 }))).toEqual([byTeam.id]);
  });

  it("finds nothing when nothing searchable was typed", async () => {
    expect((await searchMembers({ viewer, text: "!!!", take: 10 })).items).toEqual([]);
  });
});

describe("search filters", () => {
  it("filters discussions, replies (by their discussion's tags) and posts by tag", async () => {
    const w = word();
    const tag = await createTag(`Tag ${w}`);
    const tagged = await createDiscussion({ body: w, tags: [tag] });
    await createDiscussion({ body: w });
    const taggedReply = await createReply(tagged.id, { body: w });
    const untagged = await createDiscussion();
    await createReply(untagged.id, { body: w });
    const taggedPost = await createPost({ body: w, tags: [tag] });
    await createPost({ body: w });

    const sections = await search({ q: w, tag: tag.name });
    expect(sections.map((s) => [s.type, ids(s)])).toEqual([
      ["discussions", [tagged.id]],
      ["replies", [taggedReply.id]],
      ["posts", [taggedPost.id]],
    ]);
    const unknownTag = await search({ q: w, tag: "no-such-tag-at-all" });
    expect(unknownTag.flatMap((section) => section.items)).toEqual([]);
  });

  it("shows one type when asked, and every type (members too) on all", async () => {
    const w = word();
    await createDiscussion({ body: w });
    await createPost({ body: w });
    const sections = await search({ q: w, type: "posts" });
    expect(sections.map((s) => s.type)).toEqual(["posts"]);
    expect((await search({ q: w })).map((s) => s.type)).toEqual([
      "discussions",
      "replies",
      "posts",
      "members",
    ]);
    expect(typesSearched({ type: "all", tag: "x" })).not.toContain("members");
    expect(typesSearched({ type: "members", tag: "x" })).toEqual(["members"]);
    expect(typesSearched({ type: "all" }, { members: false })).not.toContain("members");
    expect(typesSearched({ type: "members" }, { members: false })).toEqual([]);
  });

  it("refuses an unknown type", () => {
    expect(searchPageSchema.safeParse({ q: "x", type: "everything" }).success).toBe(false);
  });
});

describe("search pagination", () => {
  it("pages through results by rank without repeats, and says when there are more on all", async () => {
    const w = word();
    const created = [];
    for (let i = 0; i < 7; i++) {
      created.push(await createDiscussion({ body: `${w} ${"filler ".repeat(i)}` }));
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await searchDiscussions({ viewer, text: w, take: 3, cursor });
      seen.push(...ids(page));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(created.map((d) => d.id)));

    const [discussions] = await search({ q: w });
    expect(discussions?.items).toHaveLength(5);
    expect(discussions?.nextCursor).not.toBeNull();
  });

  it("ranks only the newest matches when a word is very common", async () => {
    const w = word();
    const author = await createMember();
    const count = SEARCH_LIMITS.candidates;
    await testDb.discussion.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        authorId: author.id,
        title: i === 0 ? `${w} newest with the word in its title` : `Plain ${i}`,
        body: `mentions ${w} in passing`,
        createdAt: minutesFromNow(-i),
      })),
    });
    const oldest = await createDiscussion({
      title: `${w} oldest with the word in its title`,
      createdAt: minutesFromNow(-count - 10),
    });
    const page = await searchDiscussions({ viewer, text: w, take: 3 });
    expect(plainText(page.items[0]!.title)).toBe(`${w} newest with the word in its title`);
    const all: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 200; pages++) {
      const next = await searchDiscussions({ viewer, text: w, take: 20, cursor });
      all.push(...ids(next));
      if (!next.nextCursor) break;
      cursor = next.nextCursor;
    }
    expect(all).toHaveLength(count);
    expect(all).not.toContain(oldest.id);
  });

  it("treats a malformed cursor as an invalid page", async () => {
    for (const cursor of ["nonsense", encodeCursor(["1; drop", "x"]), encodeCursor([1, 2])]) {
      await expect(
        searchDiscussions({ viewer, text: "x", take: 3, cursor }),
      ).rejects.toBeInstanceOf(InvalidCursor);
    }
  });

  it("orders equal ranks by id, so pages are stable", async () => {
    const w = word();
    await createDiscussion({ body: w, createdAt: minutesFromNow(-5) });
    await createDiscussion({ body: w, createdAt: minutesFromNow(-1) });
    const first = ids(await searchDiscussions({ viewer, text: w, take: 10 }));
    expect(first).toEqual([...first].sort());
  });
});
