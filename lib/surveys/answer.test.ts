// Answering pulse surveys against the real database: only while open, every statement
// scored, once per member (even two submits at once), the count kept exact, and anonymous:
// the answers wait sealed in the receipt until the survey closes (what a reader of the
// database can and cannot link is tested in anonymity.test.ts).
import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/core/forms/run-action";
import { testDb } from "@/test/db";
import { createMember, unique } from "@/test/factories";
import { createTeam } from "@/test/factories-members";
import { createSurvey, sealedAnswersOf } from "@/test/factories-surveys";
import { submitResponse } from "./answer";
import { openSurveysFor, surveyForAnswer } from "./queries";

const DAY = 86_400_000;
type Survey = Awaited<ReturnType<typeof createSurvey>>;
type Member = Awaited<ReturnType<typeof createMember>>;

const scaleOf = (survey: Survey) => survey.questions.filter((q) => q.kind === "SCALE");
const textOf = (survey: Survey) => survey.questions.filter((q) => q.kind === "TEXT");

/** A complete form: every statement scored `score`, and the given free-text answers. */
function answers(survey: Survey, score = "4", texts: string[] = []) {
  const fields: Record<string, string> = { surveyId: survey.id };
  for (const question of scaleOf(survey)) fields[`q-${question.id}`] = score;
  textOf(survey).forEach((question, index) => {
    if (texts[index] !== undefined) fields[`q-${question.id}`] = texts[index]!;
  });
  return fields;
}

const answer = (actor: Member, fields: Record<string, string | string[]>) =>
  runAction(() => submitResponse(actor, fields));

const responsesTo = (surveyId: string) =>
  testDb.pulseResponse.findMany({ where: { surveyId }, include: { answers: true } });

const countOf = async (surveyId: string) =>
  (await testDb.pulseSurvey.findUniqueOrThrow({ where: { id: surveyId } })).responseCount;

describe("answering a survey", () => {
  it("seals the answers with the member's team in a receipt, and writes no response yet", async () => {
    const team = await createTeam();
    const member = await createMember({ teamId: team.id });
    const survey = await createSurvey(null, { questions: ["What helps?", "What hinders?"] });
    const [s1, s2, s3] = scaleOf(survey);
    const [t1, t2] = textOf(survey);
    const result = await answer(member, {
      surveyId: survey.id,
      [`q-${s1!.id}`]: "1",
      [`q-${s2!.id}`]: "5",
      [`q-${s3!.id}`]: " 3 ",
      [`q-${t1!.id}`]: "  Pairing on real work \r\n",
      [`q-${t2!.id}`]: "   ",
      "q-unknown-question": "5",
    });
    expect(result).toEqual({
      ok: true,
      message: "Thank you. Your answers were sealed without your name.",
    });
    expect(await responsesTo(survey.id)).toEqual([]);
    const [sealed, ...others] = await sealedAnswersOf(survey.id);
    expect(others).toHaveLength(0);
    expect(sealed!.teamId).toBe(team.id);
    expect(
      sealed!.answers
        .map(({ questionId, score, text }) => ({ questionId, score, text }))
        .sort((a, b) => a.questionId.localeCompare(b.questionId)),
    ).toEqual(
      [
        { questionId: s1!.id, score: 1, text: null },
        { questionId: s2!.id, score: 5, text: null },
        { questionId: s3!.id, score: 3, text: null },
        { questionId: t1!.id, score: null, text: "Pairing on real work" },
      ].sort((a, b) => a.questionId.localeCompare(b.questionId)),
    );
    const receipts = await testDb.pulseReceipt.findMany({ where: { surveyId: survey.id } });
    expect(receipts).toEqual([
      { surveyId: survey.id, userId: member.id, sealed: expect.any(Uint8Array) },
    ]);
    expect(await countOf(survey.id)).toBe(1);
  });

  it("stores no team for a member without one", async () => {
    const member = await createMember();
    const survey = await createSurvey(null);
    expect(await answer(member, answers(survey))).toMatchObject({ ok: true });
    expect((await sealedAnswersOf(survey.id))[0]).toMatchObject({ teamId: null });
  });

  it("needs a score from 1 to 5 for every statement", async () => {
    const member = await createMember();
    const survey = await createSurvey(null);
    const [s1, s2, s3] = scaleOf(survey);
    const result = await answer(member, {
      surveyId: survey.id,
      [`q-${s1!.id}`]: "0",
      [`q-${s2!.id}`]: "4.5",
    });
    expect(result).toMatchObject({
      ok: false,
      message: "Please answer every statement.",
      fieldErrors: {
        [`q-${s1!.id}`]: ["Choose a number from 1 to 5."],
        [`q-${s2!.id}`]: ["Choose a number from 1 to 5."],
        [`q-${s3!.id}`]: ["Choose a number from 1 to 5."],
      },
    });
    expect(await responsesTo(survey.id)).toEqual([]);
    expect(await testDb.pulseReceipt.count({ where: { surveyId: survey.id } })).toBe(0);
    expect(await countOf(survey.id)).toBe(0);
  });

  it("keeps free-text answers to 2,000 characters", async () => {
    const member = await createMember();
    const survey = await createSurvey(null);
    const [question] = textOf(survey);
    expect(await answer(member, answers(survey, "2", ["x".repeat(2001)]))).toMatchObject({
      ok: false,
      message: "Please correct the highlighted answers.",
      fieldErrors: { [`q-${question!.id}`]: ["Keep this answer to 2,000 characters or fewer."] },
    });
    expect(await answer(member, answers(survey, "2", ["x".repeat(2000)]))).toMatchObject({
      ok: true,
    });
  });

  it("takes answers only while the survey is open", async () => {
    const member = await createMember();
    const scheduled = await createSurvey(null, {
      opensAt: new Date(Date.now() + DAY),
      closesAt: new Date(Date.now() + 5 * DAY),
    });
    expect(await answer(member, answers(scheduled))).toEqual({
      ok: false,
      message: "This survey is not open yet.",
      values: undefined,
      fieldErrors: undefined,
    });
    const ended = await createSurvey(null, {
      opensAt: new Date(Date.now() - 5 * DAY),
      closesAt: new Date(Date.now() - 1000),
    });
    expect(await answer(member, answers(ended))).toMatchObject({
      ok: false,
      message: "This survey is closed.",
    });
    const closedEarly = await createSurvey(null, { closedAt: new Date() });
    expect(await answer(member, answers(closedEarly))).toMatchObject({
      ok: false,
      message: "This survey is closed.",
    });
    expect(await answer(member, { ...answers(ended), surveyId: "no-such-survey" })).toMatchObject({
      ok: false,
      message: "That survey was not found.",
    });
    for (const survey of [scheduled, ended, closedEarly]) {
      expect(await responsesTo(survey.id)).toEqual([]);
      expect(await testDb.pulseReceipt.count({ where: { surveyId: survey.id } })).toBe(0);
    }
  });

  it("takes one answer per member", async () => {
    const member = await createMember();
    const survey = await createSurvey(null);
    expect(await answer(member, answers(survey, "5"))).toMatchObject({ ok: true });
    expect(await answer(member, answers(survey, "1"))).toMatchObject({
      ok: false,
      message: "You have already answered this survey. Thank you!",
    });
    const sealed = await sealedAnswersOf(survey.id);
    expect(sealed).toHaveLength(1);
    expect(sealed[0]!.answers.every((a) => a.score === 5 || a.score === null)).toBe(true);
    expect(await countOf(survey.id)).toBe(1);
  });

  it("counts one response when a member submits twice at once", async () => {
    const member = await createMember();
    const survey = await createSurvey(null);
    const results = await Promise.all([
      answer(member, answers(survey, "2")),
      answer(member, answers(survey, "4")),
      answer(member, answers(survey, "5")),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    for (const result of results.filter((r) => !r.ok)) {
      expect(result).toMatchObject({
        message: "You have already answered this survey. Thank you!",
      });
    }
    expect(await sealedAnswersOf(survey.id)).toHaveLength(1);
    expect(await testDb.pulseReceipt.count({ where: { surveyId: survey.id } })).toBe(1);
    expect(await countOf(survey.id)).toBe(1);
  });

  it("keeps the response count exact when many members answer at once", async () => {
    const members = await Promise.all(Array.from({ length: 6 }, () => createMember()));
    const survey = await createSurvey(null);
    const results = await Promise.all(members.map((m) => answer(m, answers(survey, "3"))));
    expect(results.every((result) => result.ok)).toBe(true);
    expect(await countOf(survey.id)).toBe(6);
    expect(await sealedAnswersOf(survey.id)).toHaveLength(6);
    expect(await testDb.pulseReceipt.count({ where: { surveyId: survey.id } })).toBe(6);
  });

  it("refuses an answer once a leader has closed the survey", async () => {
    const member = await createMember();
    const survey = await createSurvey(null);
    await testDb.pulseSurvey.update({ where: { id: survey.id }, data: { closedAt: new Date() } });
    expect(await answer(member, answers(survey))).toMatchObject({
      ok: false,
      message: "This survey is closed.",
    });
  });
});

describe("what members see", () => {
  it("lists open surveys the member has not answered, soonest closing first", async () => {
    const member = await createMember();
    const other = await createMember();
    const later = await createSurvey(null, { closesAt: new Date(Date.now() + 4 * 60_000) });
    const sooner = await createSurvey(null, { closesAt: new Date(Date.now() + 3 * 60_000) });
    const answered = await createSurvey(null, { closesAt: new Date(Date.now() + 5 * 60_000) });
    const closed = await createSurvey(null, { closedAt: new Date() });
    const scheduled = await createSurvey(null, {
      opensAt: new Date(Date.now() + DAY),
      closesAt: new Date(Date.now() + 3 * DAY),
    });
    await answer(member, answers(answered));
    const mine = (await openSurveysFor(member)).map((s) => s.id);
    const ours = [later.id, sooner.id, answered.id, closed.id, scheduled.id];
    expect(mine.filter((id) => ours.includes(id))).toEqual([sooner.id, later.id]);
    expect((await openSurveysFor(other)).map((s) => s.id)).toEqual(
      expect.arrayContaining([sooner.id, later.id, answered.id]),
    );
  });

  it("shows the survey to answer with its questions and whether the member answered", async () => {
    const member = await createMember();
    const survey = await createSurvey(null, { questions: ["Anything else?"] });
    const before = await surveyForAnswer(member, survey.id);
    expect(before).toMatchObject({
      id: survey.id,
      title: survey.title,
      intro: survey.intro,
      status: "open",
      open: true,
      answered: false,
      questions: survey.questions.map(({ id, kind, text }) => ({ id, kind, text })),
    });
    await answer(member, answers(survey));
    expect(await surveyForAnswer(member, survey.id)).toMatchObject({ answered: true, open: true });
    await expect(surveyForAnswer(member, `missing-${unique()}`)).rejects.toThrow(
      "That survey was not found.",
    );
  });
});
