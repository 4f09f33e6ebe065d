// A member's activity on their profile (lib/members/activity.ts): what is counted and listed,
// what stays out (deleted, hidden, other members' drafts, private feedback), and the number
// of statements.
import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { statementCounter } from "@/test/count-statements";
import { createMember } from "@/test/factories";
import { createDiscussion, createQuestion, createReply } from "@/test/factories-discussions";
import { createPost } from "@/test/factories-posts";
import { createPrivateFeedback, createRecognition } from "@/test/factories-recognition";
import { createSession } from "@/test/factories-sessions";
import { activityCounts, activityPage, latestActivity } from "./activity";

const statements = statementCounter();
const gone = new Date();

/** A member with some of everything, visible and not, and who sees it. */
async function busyMember() {
  const member = await createMember();
  const other = await createMember();
  const asked = await createQuestion(member.id, { title: "Visible question" });
  await createQuestion(member.id, { hiddenAt: gone });
  await createQuestion(member.id, { deletedAt: gone });
  await createDiscussion(member.id); // a discussion, not a question

  const theirs = await createQuestion(other.id, { title: "Someone else's question" });
  const accepted = await createReply(theirs.id, member.id);
  await testDb.discussion.update({
    where: { id: theirs.id },
    data: { acceptedReplyId: accepted.id },
  });
  const plain = await createReply(theirs.id, member.id);
  await createReply(theirs.id, member.id, { hiddenAt: gone });
  await createReply(theirs.id, member.id, { deletedAt: gone });
  const hiddenQuestion = await createQuestion(other.id, { hiddenAt: gone });
  await createReply(hiddenQuestion.id, member.id);
  await createReply((await createDiscussion(other.id)).id, member.id); // not an answer

  const published = await createPost(member.id);
  const draft = await createPost(member.id, { status: "DRAFT" });
  await createPost(member.id, { hiddenAt: gone });
  await createPost(member.id, { deletedAt: gone });

  const hosted = await createSession([other.id, member.id]);
  const cancelled = await createSession([member.id], { status: "CANCELLED" });
  await createSession([other.id]);

  const thanked = await createRecognition(other.id, [member.id, other.id]);
  await createRecognition(other.id, [member.id], { hiddenAt: gone });
  await createRecognition(other.id, [member.id], { deletedAt: gone });
  await createRecognition(member.id, [other.id]); // given, not received
  await createPrivateFeedback(other.id, member.id);

  return { member, other, asked, accepted, plain, published, draft, hosted, cancelled, thanked };
}

describe("activityCounts", () => {
  it("counts only what the lists show, drafts for the member alone", async () => {
    const { member, other } = await busyMember();
    expect(await activityCounts(member.id, other)).toEqual({
      questions: 1,
      answers: 2,
      posts: 1,
      sessions: 2,
      recognition: 1,
    });
    expect((await activityCounts(member.id, member)).posts).toBe(2);
    const admin = await createMember({ role: "ADMIN" });
    expect((await activityCounts(member.id, admin)).questions).toBe(1);
  });

  it("is zero everywhere for a new member", async () => {
    const member = await createMember();
    expect(await activityCounts(member.id, member)).toEqual({
      questions: 0,
      answers: 0,
      posts: 0,
      sessions: 0,
      recognition: 0,
    });
  });
});

describe("latestActivity", () => {
  it("lists the visible items of every kind, accepted answers and drafts marked", async () => {
    const { member, other, asked, accepted, plain, published, draft, hosted, cancelled, thanked } =
      await busyMember();
    const seen = await latestActivity(member.id, other);
    expect(seen.questions).toEqual([
      expect.objectContaining({ id: asked.id, title: "Visible question", flag: null }),
    ]);
    expect(seen.answers.map((a) => [a.id, a.flag, a.discussionId])).toEqual(
      expect.arrayContaining([
        [accepted.id, "accepted", accepted.discussionId],
        [plain.id, null, plain.discussionId],
      ]),
    );
    expect(seen.answers).toHaveLength(2);
    expect(seen.answers[0]?.title).toBe("Someone else's question");
    expect(seen.posts.map((p) => p.id)).toEqual([published.id]);
    expect(seen.sessions.map((s) => [s.id, s.flag]).toSorted()).toEqual(
      [
        [hosted.id, null],
        [cancelled.id, "cancelled"],
      ].toSorted(),
    );
    expect(seen.recognition).toEqual([
      expect.objectContaining({ id: thanked.id, byName: other.name, title: thanked.message }),
    ]);
    const own = await latestActivity(member.id, member);
    expect(own.posts.map((p) => [p.id, p.flag])).toEqual(
      expect.arrayContaining([
        [published.id, null],
        [draft.id, "draft"],
      ]),
    );
  });

  it("gives the newest few of each kind in one statement", async () => {
    const member = await createMember();
    const made = [];
    for (let i = 0; i < 5; i += 1) {
      made.push(
        await createQuestion(member.id, { createdAt: new Date(Date.now() - (10 - i) * 60_000) }),
      );
    }
    let latest: Awaited<ReturnType<typeof latestActivity>> | undefined;
    expect(
      await statements(async () => {
        latest = await latestActivity(member.id, member);
      }),
    ).toBe(1);
    expect(latest!.questions.map((q) => q.id)).toEqual(
      made
        .toReversed()
        .slice(0, 3)
        .map((q) => q.id),
    );
    expect(await statements(() => activityCounts(member.id, member))).toBe(1);
  });
});

describe("activityPage", () => {
  it("pages through one kind, newest first, each item once", async () => {
    const member = await createMember();
    const asker = await createMember();
    const question = await createQuestion(asker.id);
    const base = Date.now() - 3_600_000;
    for (let i = 0; i < 7; i += 1) {
      // Pairs share a time, so the id breaks the tie.
      await createReply(question.id, member.id, {
        createdAt: new Date(base + Math.floor(i / 2) * 1000),
      });
    }
    const expected = await testDb.reply.findMany({
      where: { authorId: member.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await activityPage(member.id, member, "answers", cursor, 3);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(expected.map((r) => r.id));
  });
});
