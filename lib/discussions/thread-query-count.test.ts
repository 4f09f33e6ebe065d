// A question's thread with votes, avatars and unread replies loads in as many statements as
// before them (no query per reply), and reading it costs one more, however long it is.
import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { createQuestion } from "@/test/factories-discussions";
import { statementCounter } from "@/test/count-statements";
import { REPLY_PAGE_SIZE } from "./limits";
import { getThread } from "./thread-queries";
import { firstUnreadRedirect, markThreadRead, seenUpTo } from "./thread-read";

const countStatements = statementCounter();

describe("thread statement counts", () => {
  it("loads a page of answers by votes, with votes, avatars and unread marks, in 3 statements", async () => {
    const authors = await Promise.all(Array.from({ length: 6 }, () => createMember()));
    const viewer = authors[1]!;
    await testDb.user.update({
      where: { id: viewer.id },
      data: { createdAt: new Date(Date.now() - 86_400_000) },
    });
    const start = Date.now() - 1_000_000;
    const question = await createQuestion(authors[0]!.id, { createdAt: new Date(start - 1000) });
    await testDb.reply.createMany({
      data: Array.from({ length: REPLY_PAGE_SIZE * 2 + 5 }, (_, index) => ({
        discussionId: question.id,
        authorId: authors[index % authors.length]!.id,
        body: `Answer ${index}`,
        createdAt: new Date(start + index * 1000),
        voteScore: index % 3,
      })),
    });
    const answers = await testDb.reply.findMany({ where: { discussionId: question.id } });
    await testDb.answerVote.createMany({
      data: answers
        .filter((answer) => answer.voteScore > 0 && answer.authorId !== viewer.id)
        .map((answer) => ({ replyId: answer.id, userId: viewer.id, value: 1 })),
    });
    await testDb.replyReaction.createMany({
      data: answers.map((answer) => ({
        replyId: answer.id,
        userId: viewer.id,
        kind: "LIKE" as const,
      })),
    });

    let thread: Awaited<ReturnType<typeof getThread>> = null;
    const first = await countStatements(async () => {
      thread = await getThread(viewer, question.id);
    });
    expect(thread!.sort).toBe("votes");
    expect(thread!.replies.items).toHaveLength(REPLY_PAGE_SIZE);
    expect(thread!.replies.items.some((reply) => reply.votes.mine)).toBe(true);
    expect(thread!.unread.firstOnPage).not.toBeNull();
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(3);

    const next = await countStatements(() =>
      getThread(viewer, question.id, { cursor: thread!.replies.nextCursor!, sort: "votes" }),
    );
    expect(next).toBeLessThanOrEqual(3);

    expect(
      await countStatements(() => markThreadRead(viewer.id, question.id, seenUpTo(thread!))),
    ).toBe(1);
    // Page one read: the unread answers are on later pages, found in one statement.
    const again = (await getThread(viewer, question.id))!;
    expect(again.unread.firstOnPage).toBeNull();
    let href: string | null = null;
    const locate = await countStatements(async () => {
      href = await firstUnreadRedirect(viewer.id, again);
    });
    expect(href).toMatch(/\?sort=votes&cursor=/);
    expect(locate).toBe(1);
  });
});
