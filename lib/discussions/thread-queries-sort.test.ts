// A thread's replies by votes, oldest or newest first, paged by keyset cursors that hold
// the sort's key, and found again in any sort (a permanent link, the accepted answer).
import { describe, expect, it } from "vitest";
import { InvalidCursor, encodeCursor } from "@/lib/core/pagination/cursor";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { createDiscussion, createQuestion } from "@/test/factories-discussions";
import type { ThreadSort } from "./schemas";
import { findReplyLocation, getThread, locateReply } from "./thread-queries";

type Viewer = Awaited<ReturnType<typeof createMember>>;

/** Replies with these scores, one second apart (oldest first); their ids in that order. */
async function repliesWithScores(discussionId: string, authorId: string, scores: number[]) {
  const start = Date.now() - 1_000_000;
  const ids: string[] = [];
  for (const [index, voteScore] of scores.entries()) {
    const reply = await testDb.reply.create({
      data: {
        discussionId,
        authorId,
        body: `Reply ${index}`,
        voteScore,
        createdAt: new Date(start + index * 1000),
      },
      select: { id: true },
    });
    ids.push(reply.id);
  }
  return ids;
}

/**
 * Every page of the thread in a sort, following next-page cursors as the page's links do:
 * with the sort of the first page written out.
 */
async function allPages(viewer: Viewer, id: string, sort: ThreadSort | undefined, size: number) {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const thread = await getThread(viewer, id, { cursor, sort }, size);
    pages.push(thread!.replies.items.map((reply) => reply.id));
    cursor = thread!.replies.nextCursor ?? undefined;
    sort = thread!.sort;
  } while (cursor);
  return pages;
}

describe("thread sorts", () => {
  it("orders answers by votes, ties oldest first, and pages across ties without gaps", async () => {
    const member = await createMember();
    const question = await createQuestion(member.id);
    //                                                   0  1  2  3  4  5  6
    const ids = await repliesWithScores(question.id, member.id, [1, 3, 1, 0, 3, 1, 1]);
    const byVotes = [1, 4, 0, 2, 5, 6, 3].map((index) => ids[index]!);
    // No sort on a question: by votes; pages of 2 split the ties.
    const pages = await allPages(member, question.id, undefined, 2);
    expect(pages).toEqual([
      byVotes.slice(0, 2),
      byVotes.slice(2, 4),
      byVotes.slice(4, 6),
      [ids[3]],
    ]);
    expect((await getThread(member, question.id, {}, 2))!.sort).toBe("votes");
    expect(await allPages(member, question.id, "votes", 3)).toEqual([
      byVotes.slice(0, 3),
      byVotes.slice(3, 6),
      byVotes.slice(6),
    ]);
    expect((await allPages(member, question.id, "oldest", 3)).flat()).toEqual(ids);
    expect((await allPages(member, question.id, "newest", 3)).flat()).toEqual([...ids].reverse());
  });

  it("opens a discussion oldest first, and reads a cursor without a sort as oldest", async () => {
    const member = await createMember();
    const discussion = await createDiscussion(member.id);
    const ids = await repliesWithScores(discussion.id, member.id, [0, 0, 0, 0, 0]);
    const first = await getThread(member, discussion.id, {}, 2);
    expect(first!.sort).toBe("oldest");
    expect(first!.replies.items.map((reply) => reply.id)).toEqual(ids.slice(0, 2));

    const question = await createQuestion(member.id);
    const answers = await repliesWithScores(question.id, member.id, [0, 2, 0, 1]);
    // The reply form's and replyLocation's cursors: [createdAt, id], no sort in the address.
    const after = await testDb.reply.findUniqueOrThrow({ where: { id: answers[1]! } });
    const cursor = encodeCursor([after.createdAt.toISOString(), after.id]);
    const page = await getThread(member, question.id, { cursor }, 10);
    expect(page!.sort).toBe("oldest");
    expect(page!.replies.items.map((reply) => reply.id)).toEqual(answers.slice(2));
    // A cursor of the wrong shape for the sort asked for is a malformed one.
    await expect(getThread(member, question.id, { cursor, sort: "votes" })).rejects.toBeInstanceOf(
      InvalidCursor,
    );
  });

  it("finds the page that shows a reply in each sort", async () => {
    const member = await createMember();
    const question = await createQuestion(member.id);
    const scores = Array.from({ length: 12 }, (_, index) => index % 4);
    const ids = await repliesWithScores(question.id, member.id, scores);
    for (const sort of ["votes", "oldest", "newest"] as const) {
      for (const id of [ids[0]!, ids[5]!, ids[11]!]) {
        const href = await locateReply(question.id, sort, { replyId: id }, 5);
        const url = new URL(href!, "http://x");
        expect(url.hash).toBe(`#reply-${id}`);
        expect(url.searchParams.get("sort")).toBe(sort);
        const cursor = url.searchParams.get("cursor") ?? undefined;
        const page = await getThread(member, question.id, { cursor, sort }, 5);
        expect(page!.replies.items.map((reply) => reply.id)).toContain(id);
      }
    }
    expect(await locateReply(question.id, "votes", { replyId: "cknotareply000000000000" })).toBe(
      null,
    );
    // A permanent link opens a question in its default order, by votes.
    expect(await findReplyLocation(member, question.id, ids[3]!)).toMatch(
      new RegExp(`^/discussions/${question.id}\\?sort=votes#reply-${ids[3]}$`),
    );
  });
});
