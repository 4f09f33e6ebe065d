// Accepting another answer (one after another, or at the same time) leaves one accepted
// answer and one "accepted your answer" notification: its author's. The earlier one is
// withdrawn in the same transaction.
import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createAdmin, createMember } from "@/test/factories";
import { createQuestion, createReply } from "@/test/factories-discussions";
import { acceptAnswer } from "./accept-answer";
import { deleteReply } from "./replies";

async function acceptedNotices(recipientIds: string[]) {
  return testDb.notification.findMany({
    where: { recipientId: { in: recipientIds }, kind: "answer.accepted" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

async function questionWithTwoAnswers() {
  const [asker, first, second] = [await createMember(), await createMember(), await createMember()];
  const question = await createQuestion(asker.id, { title: "Which queue?" });
  const a = await createReply(question.id, first.id);
  const b = await createReply(question.id, second.id);
  return { asker, first, second, question, a, b };
}

describe("accepting an answer after another", () => {
  it("one after another: only the current answer's author has an accepted notification", async () => {
    const { asker, first, second, question, a, b } = await questionWithTwoAnswers();
    // The first answerer's accepted answer elsewhere is not touched.
    const other = await createQuestion(asker.id);
    const elsewhere = await createReply(other.id, first.id);
    await acceptAnswer(asker, { discussionId: other.id, replyId: elsewhere.id });

    await acceptAnswer(asker, { discussionId: question.id, replyId: a.id });
    await acceptAnswer(asker, { discussionId: question.id, replyId: b.id });

    expect(
      (await testDb.discussion.findUniqueOrThrow({ where: { id: question.id } })).acceptedReplyId,
    ).toBe(b.id);
    expect(await acceptedNotices([first.id, second.id])).toMatchObject([
      { recipientId: first.id, data: { discussionId: other.id, replyId: elsewhere.id } },
      { recipientId: second.id, data: { discussionId: question.id, replyId: b.id } },
    ]);
  });

  it("at the same time: exactly one accepted answer and one notification, for its author", async () => {
    for (let round = 0; round < 4; round++) {
      const { asker, first, second, question, a, b } = await questionWithTwoAnswers();
      const admin = await createAdmin();
      const results = await Promise.all([
        acceptAnswer(asker, { discussionId: question.id, replyId: a.id }),
        acceptAnswer(admin, { discussionId: question.id, replyId: b.id }),
      ]);
      expect(results.every((result) => result.ok)).toBe(true);

      const { acceptedReplyId } = await testDb.discussion.findUniqueOrThrow({
        where: { id: question.id },
      });
      expect([a.id, b.id]).toContain(acceptedReplyId);
      const winner = acceptedReplyId === a.id ? first : second;
      const notices = await acceptedNotices([first.id, second.id]);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({
        recipientId: winner.id,
        data: { discussionId: question.id, replyId: acceptedReplyId },
      });
    }
  });

  it("unaccepting withdraws the notification; accepting the same answer again notifies once more", async () => {
    const { asker, first, question, a } = await questionWithTwoAnswers();
    await acceptAnswer(asker, { discussionId: question.id, replyId: a.id });
    await acceptAnswer(asker, { discussionId: question.id, replyId: "" });
    expect(await acceptedNotices([first.id])).toHaveLength(0);

    await acceptAnswer(asker, { discussionId: question.id, replyId: a.id });
    await acceptAnswer(asker, { discussionId: question.id, replyId: a.id });
    expect(await acceptedNotices([first.id])).toHaveLength(1);
  });

  it("withdraws the notification when the accepted answer is read and then replaced", async () => {
    const { asker, first, question, a, b } = await questionWithTwoAnswers();
    await acceptAnswer(asker, { discussionId: question.id, replyId: a.id });
    await testDb.notification.updateMany({
      where: { recipientId: first.id },
      data: { readAt: new Date() },
    });
    await acceptAnswer(asker, { discussionId: question.id, replyId: b.id });
    expect(await acceptedNotices([first.id])).toHaveLength(0);
  });

  it("an accepted answer its author deletes stops being accepted, and its notification goes", async () => {
    const { asker, first, question, a } = await questionWithTwoAnswers();
    await acceptAnswer(asker, { discussionId: question.id, replyId: a.id });
    expect(await deleteReply(first, { id: a.id })).toMatchObject({ ok: true });
    expect(
      (await testDb.discussion.findUniqueOrThrow({ where: { id: question.id } })).acceptedReplyId,
    ).toBeNull();
    expect(await acceptedNotices([first.id])).toHaveLength(0);
  });
});
