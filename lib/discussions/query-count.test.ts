// The discussions list and a thread of 100 replies load in a bounded number of SQL
// statements, however many replies, authors, tags and reactions there are.
import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { createDiscussion, createReply, createTag } from "@/test/factories-discussions";
import { REPLY_PAGE_SIZE } from "./limits";
import { discussionTagOptions, listDiscussions, PARTICIPANTS_SHOWN } from "./queries";
import { getThread } from "./thread-queries";
import { listParamsSchema } from "./schemas";
import { statementCounter } from "@/test/count-statements";

const countStatements = statementCounter();

describe("query counts", () => {
  it("loads a page of a long thread by many authors, with reactions, in 3 statements", async () => {
    const authors = await Promise.all(Array.from({ length: 8 }, () => createMember()));
    const tags = await Promise.all([createTag(), createTag()]);
    const discussion = await createDiscussion(authors[0]!.id, {
      tagIds: tags.map((tag) => tag.id),
    });
    const start = Date.now() - 1_000_000;
    await testDb.reply.createMany({
      data: Array.from({ length: REPLY_PAGE_SIZE + 20 }, (_, index) => ({
        discussionId: discussion.id,
        authorId: authors[index % authors.length]!.id,
        body: `Reply ${index}`,
        createdAt: new Date(start + index * 1000),
      })),
    });
    const replies = await testDb.reply.findMany({
      where: { discussionId: discussion.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    await testDb.reply.updateMany({
      where: { id: { in: replies.slice(1).map((reply) => reply.id) } },
      data: { parentId: replies[0]!.id },
    });
    await testDb.replyReaction.createMany({
      data: replies.slice(0, 50).flatMap((reply) =>
        authors.slice(0, 3).map((author) => ({
          replyId: reply.id,
          userId: author.id,
          kind: "LIKE" as const,
        })),
      ),
    });
    await testDb.discussionReaction.create({
      data: { discussionId: discussion.id, userId: authors[1]!.id, kind: "THANKS" },
    });

    let thread: Awaited<ReturnType<typeof getThread>> = null;
    const count = await countStatements(async () => {
      thread = await getThread(authors[1]!, discussion.id);
    });
    expect(thread!.replies.items).toHaveLength(REPLY_PAGE_SIZE);
    expect(thread!.replies.items[0]!.reactions.counts.LIKE).toBe(3);
    expect(thread!.discussion.reactions.mine).toEqual(["THANKS"]);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(3);

    const next = await countStatements(() =>
      getThread(authors[1]!, discussion.id, { cursor: thread!.replies.nextCursor! }),
    );
    expect(next).toBeLessThanOrEqual(3);
  });

  it("loads a page of the list, the pinned block and the tag filter in 3 statements", async () => {
    const viewer = await createMember();
    await testDb.user.update({
      where: { id: viewer.id },
      data: { createdAt: new Date(Date.now() - 60_000) },
    });
    const tag = await createTag();
    const authors = await Promise.all(Array.from({ length: 5 }, () => createMember()));
    for (const [index, author] of authors.entries()) {
      await createDiscussion(author.id, {
        tagIds: [tag.id],
        pinnedAt: index === 0 ? new Date() : null,
      });
    }
    // Replies by every author on every discussion, and a read mark: the participants' faces
    // and the unread state come in the same statements.
    const discussions = await testDb.discussion.findMany({
      where: { tags: { some: { tagId: tag.id } } },
      select: { id: true },
    });
    for (const discussion of discussions)
      for (const author of authors) await createReply(discussion.id, author.id);
    await testDb.discussionRead.create({
      data: { userId: viewer.id, discussionId: discussions[0]!.id, lastReadAt: new Date(0) },
    });
    const params = listParamsSchema.parse({});
    const count = await countStatements(() =>
      Promise.all([listDiscussions(viewer, params), discussionTagOptions()]),
    );
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(3);
    let list: Awaited<ReturnType<typeof listDiscussions>> | undefined;
    const tagged = await countStatements(async () => {
      list = await listDiscussions(viewer, listParamsSchema.parse({ tag: tag.slug }));
    });
    expect(tagged).toBeLessThanOrEqual(2);
    const rows = [...list!.pinned, ...list!.page.items];
    expect(rows).toHaveLength(authors.length);
    for (const row of rows) {
      expect(row.participants).toHaveLength(PARTICIPANTS_SHOWN);
      expect(row.unread).toBe(row.id === discussions[0]!.id ? "updated" : "new");
    }
    const filtered = await countStatements(() =>
      listDiscussions(viewer, listParamsSchema.parse({ tag: tag.slug, scope: "following" })),
    );
    expect(filtered).toBeLessThanOrEqual(2);
  });
});
