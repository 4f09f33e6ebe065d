import { describe, expect, it } from "vitest";
import { InvalidCursor } from "@/lib/core/pagination/cursor";
import { testDb } from "@/test/db";
import { createAdmin, createMember } from "@/test/factories";
import { createDiscussion, createReply, createTag, followTag } from "@/test/factories-discussions";
import { listDiscussions } from "./queries";
import { getEditableDiscussion, getQuotedReply, getThread } from "./thread-queries";
import { listParamsSchema } from "./schemas";

const params = (raw: Record<string, string> = {}) => listParamsSchema.parse(raw);
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

/** Discussions in a fresh tag, so other test files' rows never show up. */
async function taggedWorld() {
  const [author, viewer] = await Promise.all([createMember(), createMember()]);
  const tag = await createTag();
  const make = (
    authorId: string,
    overrides: Parameters<typeof createDiscussion>[1] & { title: string },
  ) => createDiscussion(authorId, { tagIds: [tag.id], ...overrides });
  const old = await make(author.id, {
    title: "old",
    createdAt: minutesAgo(50),
    lastActivityAt: minutesAgo(1),
    reactionCount: 5,
  });
  const question = await make(viewer.id, {
    title: "question",
    kind: "QUESTION",
    createdAt: minutesAgo(40),
    lastActivityAt: minutesAgo(40),
    reactionCount: 1,
  });
  const answered = await make(author.id, {
    title: "answered",
    kind: "QUESTION",
    createdAt: minutesAgo(30),
    lastActivityAt: minutesAgo(30),
    reactionCount: 9,
  });
  const reply = await createReply(answered.id, viewer.id);
  await testDb.discussion.update({
    where: { id: answered.id },
    data: { acceptedReplyId: reply.id, lastActivityAt: minutesAgo(30) },
  });
  const fresh = await make(author.id, {
    title: "fresh",
    createdAt: minutesAgo(5),
    lastActivityAt: minutesAgo(5),
  });
  await make(author.id, { title: "deleted", deletedAt: new Date() });
  await make(author.id, { title: "hidden", hiddenAt: new Date() });
  const pinned = await make(author.id, { title: "pinned", pinnedAt: new Date() });
  return { author, viewer, tag, old, question, answered, fresh, pinned };
}

const titles = (list: { title: string }[]) => list.map((row) => row.title);

describe("listDiscussions", () => {
  it("sorts by latest activity, newest or most reactions, pinned in their own block", async () => {
    const { viewer, tag } = await taggedWorld();
    const activity = await listDiscussions(viewer, params({ tag: tag.slug }));
    expect(titles(activity.pinned)).toEqual(["pinned"]);
    expect(titles(activity.page.items)).toEqual(["old", "fresh", "answered", "question"]);
    const newest = await listDiscussions(viewer, params({ tag: tag.slug, sort: "newest" }));
    expect(titles(newest.page.items)).toEqual(["fresh", "answered", "question", "old"]);
    const reactions = await listDiscussions(viewer, params({ tag: tag.slug, sort: "reactions" }));
    expect(titles(reactions.page.items)).toEqual(["answered", "old", "question", "fresh"]);
    expect(reactions.page.items[0]).toMatchObject({
      kind: "QUESTION",
      answered: true,
      replyCount: 1,
      reactionCount: 9,
      tags: [{ name: tag.name, slug: tag.slug }],
    });
  });

  it("filters by kind, answered state, author and followed tags", async () => {
    const { viewer, author, tag } = await taggedWorld();
    const list = async (raw: Record<string, string>) =>
      titles((await listDiscussions(viewer, params({ tag: tag.slug, ...raw }))).page.items);
    expect(await list({ kind: "question" })).toEqual(["answered", "question"]);
    expect(await list({ kind: "discussion" })).toEqual(["old", "fresh"]);
    expect(await list({ status: "unanswered" })).toEqual(["question"]);
    expect(await list({ status: "answered" })).toEqual(["answered"]);
    expect(await list({ scope: "mine" })).toEqual(["question"]);
    expect(await list({ scope: "following" })).toEqual([]);
    await followTag(viewer.id, tag.id);
    expect(await list({ scope: "following" })).toEqual(["old", "fresh", "answered", "question"]);
    const authorsOwn = await listDiscussions(author, params({ scope: "mine" }));
    expect(titles(authorsOwn.page.items)).toEqual(["old", "fresh", "answered"]);
    expect(titles(authorsOwn.pinned)).toEqual(["pinned"]);
  });

  it("pages by cursor in every sort without gaps or repeats; the pinned block is on page one only", async () => {
    const { viewer, tag } = await taggedWorld();
    for (const sort of ["activity", "newest", "reactions"]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const result = await listDiscussions(
          viewer,
          params({ tag: tag.slug, sort, ...(cursor ? { cursor } : {}) }),
          3,
        );
        if (pages > 0) expect(result.pinned).toEqual([]);
        seen.push(...titles(result.page.items));
        cursor = result.page.nextCursor ?? undefined;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(2);
      expect(seen.sort()).toEqual(["answered", "fresh", "old", "question"]);
    }
  });

  it("treats a malformed cursor as a missing page", async () => {
    const viewer = await createMember();
    await expect(listDiscussions(viewer, params({ cursor: "garbage" }))).rejects.toBeInstanceOf(
      InvalidCursor,
    );
    const countCursor = Buffer.from(JSON.stringify([3, "ckabcdefgh"])).toString("base64url");
    await expect(listDiscussions(viewer, params({ cursor: countCursor }))).rejects.toBeInstanceOf(
      InvalidCursor,
    );
    expect(
      (await listDiscussions(viewer, params({ sort: "reactions", cursor: countCursor }))).pinned,
    ).toEqual([]);
  });

  it("refuses unknown filter values", () => {
    for (const raw of [{ sort: "oldest" }, { kind: "poll" }, { scope: "all-of-it" }]) {
      expect(listParamsSchema.safeParse(raw).success).toBe(false);
    }
    expect(listParamsSchema.parse({ sort: "", kind: "" })).toMatchObject({ sort: "activity" });
  });
});

describe("getThread", () => {
  it("returns replies in order with authors, replied-to authors and placeholders", async () => {
    const [author, replier, admin] = await Promise.all([
      createMember(),
      createMember(),
      createAdmin(),
    ]);
    const tag = await createTag();
    const discussion = await createDiscussion(author.id, { tagIds: [tag.id] });
    const first = await createReply(discussion.id, replier.id, {
      createdAt: minutesAgo(3),
    });
    const hidden = await createReply(discussion.id, replier.id, {
      createdAt: minutesAgo(2),
      hiddenAt: new Date(),
      body: "Rude words",
    });
    const answer = await createReply(discussion.id, author.id, {
      createdAt: minutesAgo(1),
      parentId: first.id,
    });
    const toHidden = await createReply(discussion.id, author.id, { parentId: hidden.id });
    const thread = await getThread(author, discussion.id);
    expect(thread!.discussion).toMatchObject({
      title: discussion.title,
      authorName: author.name,
      tags: [{ slug: tag.slug }],
      state: "visible",
    });
    expect(thread!.replies.items).toMatchObject([
      { id: first.id, authorName: replier.name, state: "visible", parent: null },
      { id: hidden.id, state: "hidden", body: null },
      { id: answer.id, parent: { id: first.id, authorName: replier.name } },
      { id: toHidden.id, parent: { id: hidden.id, authorName: null } },
    ]);
    const asAdmin = await getThread(admin, discussion.id);
    expect(asAdmin!.replies.items[1]).toMatchObject({ state: "hidden", body: "Rude words" });
    expect(asAdmin!.replies.items[3]!.parent).toEqual({ id: hidden.id, authorName: replier.name });
  });

  it("is null for unknown ids and, except for admins, hidden discussions", async () => {
    const [author, admin] = await Promise.all([createMember(), createAdmin()]);
    const hidden = await createDiscussion(author.id, { hiddenAt: new Date() });
    expect(await getThread(author, "nope")).toBeNull();
    expect(await getThread(author, "cknotadiscussion0000000")).toBeNull();
    expect(await getThread(author, hidden.id)).toBeNull();
    expect((await getThread(admin, hidden.id))!.discussion.state).toBe("hidden");
    await expect(getThread(author, hidden.id, { cursor: "bad" })).rejects.toBeInstanceOf(
      InvalidCursor,
    );
  });

  it("pages long threads by cursor", async () => {
    const member = await createMember();
    const discussion = await createDiscussion(member.id);
    const start = Date.now() - 100_000;
    await testDb.reply.createMany({
      data: Array.from({ length: 5 }, (_, index) => ({
        discussionId: discussion.id,
        authorId: member.id,
        body: `Reply ${index}`,
        createdAt: new Date(start + index * 1000),
      })),
    });
    const first = await getThread(member, discussion.id, {}, 3);
    expect(first!.replies.items.map((reply) => reply.body)).toEqual([
      "Reply 0",
      "Reply 1",
      "Reply 2",
    ]);
    const second = await getThread(
      member,
      discussion.id,
      { cursor: first!.replies.nextCursor! },
      3,
    );
    expect(second!.replies.items.map((reply) => reply.body)).toEqual(["Reply 3", "Reply 4"]);
    expect(second!.replies.nextCursor).toBeNull();
  });
});

describe("quotes and edit forms", () => {
  it("quotes a readable reply of the discussion with its author", async () => {
    const member = await createMember({ name: "Quinn *Quoter*" });
    const discussion = await createDiscussion(member.id);
    const reply = await createReply(discussion.id, member.id, { body: "Line one\n\nLine two" });
    const quoted = await getQuotedReply(discussion.id, reply.id);
    expect(quoted!.quote).toBe("> **Quinn Quoter** wrote:\n>\n> Line one\n>\n> Line two\n\n");
    const other = await createDiscussion(member.id);
    expect(await getQuotedReply(other.id, reply.id)).toBeNull();
  });

  it("offers the edit form to the author only", async () => {
    const [author, other] = await Promise.all([createMember(), createMember()]);
    const tag = await createTag();
    const discussion = await createDiscussion(author.id, { tagIds: [tag.id] });
    expect(await getEditableDiscussion(author, discussion.id)).toMatchObject({
      title: discussion.title,
      tags: [tag.name],
    });
    expect(await getEditableDiscussion(other, discussion.id)).toBeNull();
  });
});
