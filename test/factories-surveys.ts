// Pulse surveys and their anonymous responses straight into the database, unique per call.
import { randomUUID } from "node:crypto";
import { unseal } from "@/lib/core/anonymity/sealed";
import { testDb } from "./db";
import { unique } from "./factories";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface SurveyOverrides {
  title?: string;
  intro?: string;
  opensAt?: Date;
  closesAt?: Date;
  closedAt?: Date | null;
  previousRoundId?: string | null;
  /** Statements answered 1–5 (text, or text and theme); three of its own by default. */
  statements?: (string | { text: string; theme: string })[];
  /** Free-text questions; one by default. */
  questions?: string[];
}

/** A survey open from an hour ago for a week (unless told otherwise), with its questions. */
export async function createSurvey(creatorId: string | null, overrides: SurveyOverrides = {}) {
  const tag = unique("ps");
  const {
    statements = [`Statement one ${tag}`, `Statement two ${tag}`, `Statement three ${tag}`],
    questions = [`What would help ${tag}?`],
    ...columns
  } = overrides;
  const now = Date.now();
  const scale = statements.map((statement, position) => ({
    kind: "SCALE" as const,
    text: typeof statement === "string" ? statement : statement.text,
    theme: typeof statement === "string" ? "" : statement.theme,
    position,
  }));
  const text = questions.map((question, index) => ({
    kind: "TEXT" as const,
    text: question,
    theme: "",
    position: statements.length + index,
  }));
  return testDb.pulseSurvey.create({
    data: {
      title: `Pulse ${tag}`,
      intro: `About pulse ${tag}`,
      opensAt: new Date(now - HOUR),
      closesAt: new Date(now + 7 * DAY),
      createdById: creatorId,
      ...columns,
      questions: { create: [...scale, ...text] },
    },
    include: { questions: { orderBy: { position: "asc" } } },
  });
}

export interface AnswerOverrides {
  teamId?: string | null;
  /** Scores for the statements in order (missing ones are not answered). */
  scores?: number[];
  /** Answers to the free-text questions in order ("" or null: no answer). */
  texts?: (string | null)[];
}

/**
 * One anonymous response written straight in, as the release at closing would (no receipt:
 * there is no member), with the survey's count kept in step.
 */
export async function answerSurvey(surveyId: string, answer: AnswerOverrides = {}) {
  const questions = await testDb.pulseQuestion.findMany({
    where: { surveyId },
    orderBy: { position: "asc" },
  });
  const scale = questions.filter((question) => question.kind === "SCALE");
  const text = questions.filter((question) => question.kind === "TEXT");
  const scores = answer.scores ?? scale.map(() => 3);
  const rows = [
    ...scale.flatMap((question, index) =>
      scores[index] === undefined
        ? []
        : [{ questionId: question.id, score: scores[index]!, text: null }],
    ),
    ...text.flatMap((question, index) => {
      const value = answer.texts?.[index];
      return value ? [{ questionId: question.id, score: null, text: value }] : [];
    }),
  ];
  const [response] = await testDb.$transaction([
    testDb.pulseResponse.create({
      data: {
        id: randomUUID(),
        surveyId,
        teamId: answer.teamId ?? null,
        answers: { create: rows },
      },
    }),
    testDb.pulseSurvey.update({
      where: { id: surveyId },
      data: { responseCount: { increment: 1 } },
    }),
  ]);
  return response;
}

/** `count` responses with the same answers. */
export async function answerSurveyTimes(
  surveyId: string,
  count: number,
  answer: AnswerOverrides = {},
) {
  for (let i = 0; i < count; i += 1) await answerSurvey(surveyId, answer);
}

/** Closes a survey now, as a leader would (without the audit entry): results may show. */
export async function closeSurveyNow(surveyId: string) {
  await testDb.pulseSurvey.update({ where: { id: surveyId }, data: { closedAt: new Date() } });
}

/** What the survey's receipts hold sealed (opened with the app's key), in no given order. */
export async function sealedAnswersOf(surveyId: string) {
  const receipts = await testDb.pulseReceipt.findMany({
    where: { surveyId, sealed: { not: null } },
    select: { sealed: true },
  });
  return receipts.map(
    ({ sealed }) =>
      unseal(sealed!) as {
        teamId: string | null;
        answers: { questionId: string; score: number | null; text: string | null }[];
      },
  );
}
