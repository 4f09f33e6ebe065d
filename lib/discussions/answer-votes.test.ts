import { describe, expect, it } from "vitest";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import { testDb } from "@/test/db";
import { createAdmin, createMember } from "@/test/factories";
import { createDiscussion, createQuestion, createReply } from "@/test/factories-discussions";
import { voteOnAnswer } from "./answer-votes";
import { getThread } from "./thread-queries";

/** The stored score and the sum it must equal. */
async function scoreAndSum(replyId: string) {
  const [reply, sum] = await Promise.all([
    testDb.reply.findUniqueOrThrow({ where: { id: replyId }, select: { voteScore: true } }),
    testDb.answerVote.aggregate({ where: { replyId }, _sum: { value: true } }),
  ]);
  return { score: reply.voteScore, sum: sum._sum.value ?? 0 };
}

describe("answer votes", () => {
  it("votes up and takes the vote back, keeping the score equal to the sum", async () => {
    const [asker, answerer, a, b] = await Promise.all([
      createMember(),
      createMember(),
      createMember(),
      createMember(),
    ]);
    const question = await createQuestion(asker.id);
    const answer = await createReply(question.id, answerer.id);

    expect(await voteOnAnswer(a, { id: answer.id, vote: "up" })).toMatchObject({
      ok: true,
      data: { discussionId: question.id, voted: true, score: 1 },
    });
    // A double-submitted "up" counts once.
    expect(await voteOnAnswer(a, { id: answer.id, vote: "up" })).toMatchObject({
      data: { score: 1 },
    });
    await voteOnAnswer(b, { id: answer.id, vote: "up" });
    await voteOnAnswer(asker, { id: answer.id, vote: "up" });
    expect(await scoreAndSum(answer.id)).toEqual({ score: 3, sum: 3 });

    const thread = await getThread(a, question.id);
    expect(thread!.replies.items[0]!.votes).toEqual({ score: 3, mine: true });
    expect((await getThread(answerer, question.id))!.replies.items[0]!.votes).toEqual({
      score: 3,
      mine: false,
    });

    expect(await voteOnAnswer(a, { id: answer.id, vote: "none" })).toMatchObject({
      data: { voted: false, score: 2 },
    });
    await voteOnAnswer(a, { id: answer.id, vote: "none" });
    expect(await scoreAndSum(answer.id)).toEqual({ score: 2, sum: 2 });
  });

  it("stays equal to the sum under concurrent votes from many members", async () => {
    const [asker, answerer] = await Promise.all([createMember(), createMember()]);
    const voters = await Promise.all(Array.from({ length: 8 }, () => createMember()));
    const question = await createQuestion(asker.id);
    const answer = await createReply(question.id, answerer.id);
    // Everyone votes at once, twice over; then half take it back at once, twice over.
    await Promise.all(
      voters.flatMap((voter) => [
        voteOnAnswer(voter, { id: answer.id, vote: "up" }),
        voteOnAnswer(voter, { id: answer.id, vote: "up" }),
      ]),
    );
    expect(await scoreAndSum(answer.id)).toEqual({ score: 8, sum: 8 });
    await Promise.all(
      voters
        .slice(0, 4)
        .flatMap((voter) => [
          voteOnAnswer(voter, { id: answer.id, vote: "none" }),
          voteOnAnswer(voter, { id: answer.id, vote: "none" }),
          voteOnAnswer(voters[7]!, { id: answer.id, vote: "up" }),
        ]),
    );
    expect(await scoreAndSum(answer.id)).toEqual({ score: 4, sum: 4 });
  });

  it("refuses a vote on your own answer, on a discussion's reply, and down votes", async () => {
    const [asker, answerer] = await Promise.all([createMember(), createMember()]);
    const question = await createQuestion(asker.id);
    const answer = await createReply(question.id, answerer.id);
    await expect(voteOnAnswer(answerer, { id: answer.id, vote: "up" })).rejects.toThrow(
      "You can't vote on your own answer.",
    );
    const discussion = await createDiscussion(asker.id);
    const reply = await createReply(discussion.id, answerer.id);
    await expect(voteOnAnswer(asker, { id: reply.id, vote: "up" })).rejects.toBeInstanceOf(
      DomainError,
    );
    // Up only (docs/decisions/020-answer-votes.md).
    expect(await voteOnAnswer(asker, { id: answer.id, vote: "down" })).toMatchObject({
      ok: false,
    });
    expect(await scoreAndSum(answer.id)).toEqual({ score: 0, sum: 0 });
    expect(await scoreAndSum(reply.id)).toEqual({ score: 0, sum: 0 });
  });

  it("refuses hidden and deleted answers, deleted and hidden questions and unknown ids", async () => {
    const [asker, answerer, admin] = await Promise.all([
      createMember(),
      createMember(),
      createAdmin(),
    ]);
    const question = await createQuestion(asker.id);
    const hidden = await createReply(question.id, answerer.id, { hiddenAt: new Date() });
    const deleted = await createReply(question.id, answerer.id, { deletedAt: new Date() });
    await expect(voteOnAnswer(asker, { id: hidden.id, vote: "up" })).rejects.toBeInstanceOf(
      NotFound,
    );
    await expect(voteOnAnswer(admin, { id: hidden.id, vote: "up" })).rejects.toThrow(
      "This answer can't take votes any more.",
    );
    await expect(voteOnAnswer(asker, { id: deleted.id, vote: "up" })).rejects.toBeInstanceOf(
      DomainError,
    );
    const gone = await createQuestion(asker.id, { deletedAt: new Date() });
    const onGone = await createReply(gone.id, answerer.id);
    await expect(voteOnAnswer(asker, { id: onGone.id, vote: "up" })).rejects.toBeInstanceOf(
      DomainError,
    );
    const hiddenQuestion = await createQuestion(asker.id, { hiddenAt: new Date() });
    const onHidden = await createReply(hiddenQuestion.id, answerer.id);
    await expect(voteOnAnswer(asker, { id: onHidden.id, vote: "up" })).rejects.toBeInstanceOf(
      NotFound,
    );
    await expect(
      voteOnAnswer(asker, { id: "cknotareply000000000000", vote: "up" }),
    ).rejects.toBeInstanceOf(NotFound);
    expect(await voteOnAnswer(asker, { id: "nope", vote: "up" })).toMatchObject({ ok: false });
    expect(await testDb.answerVote.count({ where: { userId: { in: [asker.id, admin.id] } } })).toBe(
      0,
    );
  });

  it("lets a locked question's answers take votes", async () => {
    const [asker, answerer] = await Promise.all([createMember(), createMember()]);
    const question = await createQuestion(asker.id, { lockedAt: new Date() });
    const answer = await createReply(question.id, answerer.id);
    expect(await voteOnAnswer(asker, { id: answer.id, vote: "up" })).toMatchObject({
      ok: true,
      data: { score: 1 },
    });
  });
});
