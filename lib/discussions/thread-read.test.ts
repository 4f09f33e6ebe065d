// The read marker moves forward only; the thread knows which replies are unread by the
// contract's rule and where the first one is; a member arriving with every unread reply on
// a later page is sent there.
import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createMember } from "@/test/factories";
import { createDiscussion, createQuestion } from "@/test/factories-discussions";
import { REPLY_PAGE_SIZE } from "./limits";
import { getThread } from "./thread-queries";
import {
  firstUnreadRedirect,
  isReadingView,
  markThreadRead,
  readMarkerMove,
  seenUpTo,
} from "./thread-read";

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

/** A member who joined long before the replies of these tests. */
async function memberSince(days: number) {
  const member = await createMember();
  return testDb.user.update({
    where: { id: member.id },
    data: { createdAt: new Date(Date.now() - days * 86_400_000) },
  });
}

const lastReadAt = async (userId: string, discussionId: string) =>
  (
    await testDb.discussionRead.findUnique({
      where: { userId_discussionId: { userId, discussionId } },
    })
  )?.lastReadAt ?? null;

/** `count` replies by the authors in turn, a minute apart, the last one `endMinutesAgo`. */
async function replies(
  discussionId: string,
  authorIds: string[],
  count: number,
  endMinutesAgo = 1,
) {
  await testDb.reply.createMany({
    data: Array.from({ length: count }, (_, index) => ({
      discussionId,
      authorId: authorIds[index % authorIds.length]!,
      body: `Reply ${index}`,
      createdAt: minutesAgo(endMinutesAgo + count - index),
    })),
  });
  return testDb.reply.findMany({
    where: { discussionId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

describe("the read marker", () => {
  it("is created, moves forward, and never moves back", async () => {
    const [member, author] = await Promise.all([memberSince(10), createMember()]);
    const discussion = await createDiscussion(author.id);
    const later = minutesAgo(5);
    const earlier = minutesAgo(50);
    await markThreadRead(member.id, discussion.id, earlier);
    expect(await lastReadAt(member.id, discussion.id)).toEqual(earlier);
    await markThreadRead(member.id, discussion.id, later);
    expect(await lastReadAt(member.id, discussion.id)).toEqual(later);
    await markThreadRead(member.id, discussion.id, earlier);
    expect(await lastReadAt(member.id, discussion.id)).toEqual(later);
    // Two pages read at once: the later one wins whichever lands last.
    const latest = minutesAgo(1);
    await Promise.all([
      markThreadRead(member.id, discussion.id, latest),
      markThreadRead(member.id, discussion.id, earlier),
    ]);
    expect(await lastReadAt(member.id, discussion.id)).toEqual(latest);
  });

  it("is what a page shows: its newest reply, or the discussion itself", async () => {
    const [member, author] = await Promise.all([memberSince(10), createMember()]);
    const discussion = await createDiscussion(author.id, { createdAt: minutesAgo(100) });
    const empty = await getThread(member, discussion.id);
    expect(seenUpTo(empty!)).toEqual(discussion.createdAt);
    const all = await replies(discussion.id, [author.id], 5);
    const firstPage = await getThread(member, discussion.id, {}, 3);
    expect(seenUpTo(firstPage!)).toEqual(all[2]!.createdAt);
  });

  it("moves only when the page shows more than was read (a repeated view writes nothing)", async () => {
    const [member, author] = await Promise.all([memberSince(10), createMember()]);
    const discussion = await createDiscussion(author.id, { createdAt: minutesAgo(100) });
    const all = await replies(discussion.id, [author.id], 3);
    const first = await getThread(member, discussion.id);
    expect(readMarkerMove(first!)).toEqual(all[2]!.createdAt);
    await markThreadRead(member.id, discussion.id, readMarkerMove(first!)!);
    expect(readMarkerMove((await getThread(member, discussion.id))!)).toBeNull();
    // A new reply moves it again; "mark all read" after it leaves nothing to move.
    const newest = (await replies(discussion.id, [author.id], 1, 0)).at(-1)!;
    expect(readMarkerMove((await getThread(member, discussion.id))!)).toEqual(newest.createdAt);
    await testDb.user.update({ where: { id: member.id }, data: { discussionsReadAt: new Date() } });
    expect(readMarkerMove((await getThread(member, discussion.id))!)).toBeNull();
  });

  it("is left alone by prefetches, HEAD requests and an action's re-render", () => {
    expect(isReadingView(new Headers({ accept: "text/html" }))).toBe(true);
    expect(isReadingView(new Headers({ rsc: "1" }))).toBe(true);
    const notReading: Record<string, string>[] = [
      { "next-router-prefetch": "1" },
      { purpose: "prefetch" },
      { "sec-purpose": "prefetch;prerender" },
      { "next-action": "abc" },
      { "content-type": "multipart/form-data; boundary=x" },
      { "x-request-method": "HEAD" },
    ];
    for (const headers of notReading) {
      expect(isReadingView(new Headers(headers))).toBe(false);
    }
  });
});

describe("unread replies in a thread", () => {
  it("are others' visible replies after the last read time, never the member's own", async () => {
    const [member, other] = await Promise.all([memberSince(10), createMember()]);
    const discussion = await createDiscussion(other.id, { createdAt: minutesAgo(100) });
    const [old, mine, fresh, hidden] = await Promise.all([
      testDb.reply.create({
        data: {
          discussionId: discussion.id,
          authorId: other.id,
          body: "old",
          createdAt: minutesAgo(40),
        },
      }),
      testDb.reply.create({
        data: {
          discussionId: discussion.id,
          authorId: member.id,
          body: "mine",
          createdAt: minutesAgo(20),
        },
      }),
      testDb.reply.create({
        data: {
          discussionId: discussion.id,
          authorId: other.id,
          body: "new",
          createdAt: minutesAgo(10),
        },
      }),
      testDb.reply.create({
        data: {
          discussionId: discussion.id,
          authorId: other.id,
          body: "hidden",
          createdAt: minutesAgo(5),
          hiddenAt: new Date(),
        },
      }),
    ]);
    // Never opened: everything by others since the member joined.
    let thread = await getThread(member, discussion.id);
    expect(thread!.unread).toMatchObject({ count: 2, firstOnPage: old.id });
    await markThreadRead(member.id, discussion.id, minutesAgo(30));
    thread = await getThread(member, discussion.id);
    const unread = Object.fromEntries(thread!.replies.items.map((r) => [r.id, r.unread]));
    expect(unread).toEqual({
      [old.id]: false,
      [mine.id]: false,
      [fresh.id]: true,
      [hidden.id]: false,
    });
    expect(thread!.unread).toMatchObject({ count: 1, firstOnPage: fresh.id });
    // "Mark all read" later than the marker counts too.
    const allReadAt = minutesAgo(7);
    await testDb.user.update({ where: { id: member.id }, data: { discussionsReadAt: allReadAt } });
    thread = await getThread(member, discussion.id);
    expect(thread!.unread).toEqual({ count: 0, firstOnPage: null, readUpTo: allReadAt });
  });

  it("sends an arriving member to the page of the first unread reply, or nowhere", async () => {
    const [member, other] = await Promise.all([memberSince(10), createMember()]);
    const discussion = await createDiscussion(other.id, { createdAt: minutesAgo(500) });
    const all = await replies(discussion.id, [other.id, member.id], REPLY_PAGE_SIZE + 10);
    // Read up to the 27th reply (page 2): the first unread one is the 28th's, by `other`.
    const readTo = all[26]!;
    await markThreadRead(member.id, discussion.id, readTo.createdAt);
    const thread = await getThread(member, discussion.id);
    expect(thread!.unread.firstOnPage).toBeNull();
    const firstUnread = all.slice(27).find((reply) => reply.authorId === other.id)!;
    const href = await firstUnreadRedirect(member.id, thread!);
    const url = new URL(href!, "http://x");
    expect(url.pathname).toBe(`/discussions/${discussion.id}`);
    expect(url.hash).toBe(`#reply-${firstUnread.id}`);
    expect(url.searchParams.get("sort")).toBe("oldest");
    const target = await getThread(member, discussion.id, {
      cursor: url.searchParams.get("cursor")!,
      sort: "oldest",
    });
    expect(target!.replies.items[0]!.id).toBe(all[REPLY_PAGE_SIZE]!.id);
    expect(target!.unread.firstOnPage).toBe(firstUnread.id);

    // Unread on the first page: no redirect.
    await testDb.discussionRead.update({
      where: { userId_discussionId: { userId: member.id, discussionId: discussion.id } },
      data: { lastReadAt: all[2]!.createdAt },
    });
    const onFirst = await getThread(member, discussion.id);
    expect(onFirst!.unread.firstOnPage).not.toBeNull();
    expect(await firstUnreadRedirect(member.id, onFirst!)).toBeNull();

    // Everything read: no redirect either.
    await markThreadRead(member.id, discussion.id, all.at(-1)!.createdAt);
    expect(
      await firstUnreadRedirect(member.id, (await getThread(member, discussion.id))!),
    ).toBeNull();
  });

  it("finds a question's first unread answer in the order of votes", async () => {
    const [member, other] = await Promise.all([memberSince(10), createMember()]);
    const question = await createQuestion(other.id, { createdAt: minutesAgo(500) });
    const all = await replies(question.id, [other.id], REPLY_PAGE_SIZE + 3);
    // The oldest answer has the most votes; all but the two newest were read.
    await testDb.reply.update({ where: { id: all[0]!.id }, data: { voteScore: 5 } });
    await markThreadRead(member.id, question.id, all[REPLY_PAGE_SIZE]!.createdAt);
    const thread = await getThread(member, question.id);
    expect(thread!.sort).toBe("votes");
    // Page one by votes: all[0], then all[1..24]; the unread all[26], all[27] are on page two.
    expect(thread!.unread).toMatchObject({ count: 2, firstOnPage: null });
    const href = await firstUnreadRedirect(member.id, thread!);
    expect(href).toMatch(
      new RegExp(`\\?sort=votes&cursor=.+#reply-${all[REPLY_PAGE_SIZE + 1]!.id}$`),
    );
  });
});
