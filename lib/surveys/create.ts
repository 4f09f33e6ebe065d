// Creating, closing and re-running pulse surveys: leaders and admins only, each change
// audited. A survey's statements are its SCALE questions (positions 0..n-1) and its free-text
// questions follow them; a re-run copies both, so round N+1's statement at a position can be
// compared with round N's at the same position.
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { recordAudit } from "@/lib/core/audit/record";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PulseQuestionKind } from "@/lib/generated/prisma/enums";
import { mayCloseSurvey, mayRunSurveyAgain } from "./access";
import { createSurveySchema, runAgainSchema, surveyIdSchema } from "./schemas";
import { releaseSealedAnswers } from "./sealed-answers";
import { surveyStatus } from "./status";

export const THE_SURVEY = "That survey";
export const HAS_NEXT_ROUND = "This survey already has a next round.";
export const CLOSE_FIRST = "Close this round first: a survey can run again once it has closed.";
export const ALREADY_CLOSED = "This survey is already closed.";

type Zoned = Actor & { timeZone: string };

interface QuestionRow {
  kind: PulseQuestionKind;
  text: string;
  theme: string;
  position: number;
}

/** Statements first (SCALE), then the free-text questions, numbered in that order. */
function questionRows(statements: { text: string; theme: string }[], questions: string[]) {
  const rows: QuestionRow[] = statements.map((statement, position) => ({
    kind: "SCALE",
    text: statement.text,
    theme: statement.theme,
    position,
  }));
  questions.forEach((text, index) =>
    rows.push({ kind: "TEXT", text, theme: "", position: statements.length + index }),
  );
  return rows;
}

/** A new survey from a form: the template's statements keep their themes. */
export async function createSurvey(
  actor: Zoned,
  input: unknown,
): Promise<ActionResult<{ id: string }>> {
  authorize(actor, "create:survey:any");
  const parsed = createSurveySchema(actor.timeZone).safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { title, intro, statements, questions, opensAt, closesAt } = parsed.data;
  const survey = await db.$transaction(async (tx) => {
    const created = await tx.pulseSurvey.create({
      data: {
        title,
        intro,
        opensAt,
        closesAt,
        createdById: actor.id,
        questions: { create: questionRows(statements, questions) },
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "survey.create",
      entityType: "PulseSurvey",
      entityId: created.id,
      after: {
        title,
        opensAt,
        closesAt,
        statements: statements.length,
        questions: questions.length,
      },
    });
    return created;
  });
  return { ok: true, message: "Survey created.", data: { id: survey.id } };
}

/** The survey row, locked until the transaction ends: one change of it at a time. */
async function lockSurvey(tx: TransactionClient, id: string) {
  await tx.$queryRaw`SELECT "id" FROM "PulseSurvey" WHERE "id" = ${id} FOR UPDATE`;
  const survey = await tx.pulseSurvey.findUnique({
    where: { id },
    include: {
      nextRound: { select: { id: true } },
      questions: { orderBy: { position: "asc" } },
    },
  });
  if (!survey) throw new NotFound(THE_SURVEY);
  return survey;
}

/** Ends a scheduled or open survey now: no more answers. */
export async function closeSurvey(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:survey:any");
  const parsed = surveyIdSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return db.$transaction(async (tx) => {
    const survey = await lockSurvey(tx, parsed.data.id);
    const now = new Date();
    const status = surveyStatus(survey, now);
    if (!mayCloseSurvey(actor, { status })) throw new DomainError(ALREADY_CLOSED);
    await tx.pulseSurvey.update({ where: { id: survey.id }, data: { closedAt: now } });
    await releaseSealedAnswers(tx, survey.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "survey.close",
      entityType: "PulseSurvey",
      entityId: survey.id,
      before: { status, closesAt: survey.closesAt },
      after: { status: "closed", closedAt: now },
    });
    return success(
      status === "scheduled"
        ? "Survey closed before it opened."
        : "Survey closed: no more answers.",
    );
  });
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * The next round of a closed survey: the same title, introduction and questions, new dates,
 * linked to the round before it. A survey has at most one next round.
 */
export async function runAgain(
  actor: Zoned,
  input: unknown,
): Promise<ActionResult<{ id: string }>> {
  authorize(actor, "create:survey:any");
  const parsed = runAgainSchema(actor.timeZone).safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, opensAt, closesAt } = parsed.data;
  try {
    const next = await db.$transaction(async (tx) => {
      const previous = await lockSurvey(tx, id);
      const hasNextRound = previous.nextRound !== null;
      if (!mayRunSurveyAgain(actor, { status: surveyStatus(previous), hasNextRound }))
        throw new DomainError(hasNextRound ? HAS_NEXT_ROUND : CLOSE_FIRST);
      const created = await tx.pulseSurvey.create({
        data: {
          title: previous.title,
          intro: previous.intro,
          opensAt,
          closesAt,
          previousRoundId: previous.id,
          createdById: actor.id,
          questions: {
            create: previous.questions.map(({ kind, text, theme, position }) => ({
              kind,
              text,
              theme,
              position,
            })),
          },
        },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "survey.create",
        entityType: "PulseSurvey",
        entityId: created.id,
        after: { title: created.title, opensAt, closesAt, previousRoundId: previous.id },
      });
      return created;
    });
    return { ok: true, message: "Next round created.", data: { id: next.id } };
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError(HAS_NEXT_ROUND);
    throw error;
  }
}
