// Answering a pulse survey, anonymously by design. The member's answers (and their team, for
// results by team) wait sealed in the receipt that says they have answered, so that no one
// answers twice; they are released, with every other answer, when the survey closes
// (./sealed-answers.ts, docs/decisions/012-anonymity.md). Nothing else is written about who
// answered or when: no audit entry, no notification, no log line.
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import {
  failure,
  success,
  type ActionResult,
  type FieldErrors,
} from "@/lib/core/forms/action-result";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import { SURVEY_LIMITS } from "./limits";
import { sealAnswers } from "./sealed-answers";
import { idSchema } from "@/lib/core/ids";
import { surveyStatus } from "./status";
import { formatNumber } from "@/lib/core/format";

export const ALREADY_ANSWERED = "You have already answered this survey. Thank you!";
export const SURVEY_CLOSED = "This survey is closed.";
export const NOT_OPEN_YET = "This survey is not open yet.";
export const CHOOSE_A_SCORE = "Choose a number from 1 to 5.";
const THE_SURVEY = "That survey";

/** The form field of a question: "q-<questionId>". */
export const answerField = (questionId: string) => `q-${questionId}`;

interface Question {
  id: string;
  kind: "SCALE" | "TEXT";
}

interface AnswerRow {
  questionId: string;
  score: number | null;
  text: string | null;
}

function single(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value) && typeof value[0] === "string") return value[0];
  return undefined;
}

/**
 * A typed answer as it is kept: line breaks as "\n", no other control characters, no lone
 * surrogates (so that its sealed length has a known bound), trimmed.
 */
function answerText(value: string): string {
  return value
    .toWellFormed()
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .trim();
}

/**
 * The answers in the form, one per question of the survey: every statement needs a score
 * from 1 to 5; free text is optional (empty gives no row) and at most 2,000 characters. Fields
 * for questions the survey doesn't have are ignored.
 */
function readAnswers(
  questions: Question[],
  input: Record<string, unknown>,
): { answers: AnswerRow[] } | { fieldErrors: FieldErrors } {
  const answers: AnswerRow[] = [];
  const fieldErrors: FieldErrors = {};
  for (const question of questions) {
    const field = answerField(question.id);
    const value = answerText(single(input[field]) ?? "");
    if (question.kind === "SCALE") {
      if (/^[1-5]$/.test(value)) {
        answers.push({ questionId: question.id, score: Number(value), text: null });
      } else {
        fieldErrors[field] = [CHOOSE_A_SCORE];
      }
    } else if (value.length > SURVEY_LIMITS.answerMax) {
      fieldErrors[field] = [
        `Keep this answer to ${formatNumber(SURVEY_LIMITS.answerMax)} characters or fewer.`,
      ];
    } else if (value) {
      answers.push({ questionId: question.id, score: null, text: value });
    }
  }
  return Object.keys(fieldErrors).length ? { fieldErrors } : { answers };
}

function assertOpen(survey: { opensAt: Date; closesAt: Date; closedAt: Date | null }, now: Date) {
  const status = surveyStatus(survey, now);
  if (status === "closed") throw new DomainError(SURVEY_CLOSED);
  if (status === "scheduled") throw new DomainError(NOT_OPEN_YET);
}

/** One anonymous response to an open survey, once per member. */
export async function submitResponse(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "create:survey-response:any");
  const form = (input && typeof input === "object" ? input : {}) as Record<string, unknown>;
  const surveyId = idSchema.safeParse(single(form.surveyId) ?? "");
  if (!surveyId.success) throw new NotFound(THE_SURVEY);

  const survey = await db.pulseSurvey.findUnique({
    where: { id: surveyId.data },
    select: {
      id: true,
      opensAt: true,
      closesAt: true,
      closedAt: true,
      questions: { select: { id: true, kind: true }, orderBy: { position: "asc" } },
    },
  });
  if (!survey) throw new NotFound(THE_SURVEY);
  assertOpen(survey, new Date());
  const receipt = { surveyId: survey.id, userId: actor.id };
  if (await db.pulseReceipt.findUnique({ where: { surveyId_userId: receipt } })) {
    throw new DomainError(ALREADY_ANSWERED);
  }
  const read = readAnswers(survey.questions, form);
  if ("fieldErrors" in read) {
    const missing = Object.values(read.fieldErrors).some(
      (errors) => errors?.[0] === CHOOSE_A_SCORE,
    );
    return failure(
      missing ? "Please answer every statement." : "Please correct the highlighted answers.",
      read.fieldErrors,
    );
  }

  await db.$transaction(async (tx) => {
    const now = new Date();
    // Counting first takes the survey's row lock, so answers to one survey go one at a time,
    // and it counts only while the survey is open (a leader may have just closed it).
    const counted = await tx.$executeRaw`
      UPDATE "PulseSurvey" SET "responseCount" = "responseCount" + 1
      WHERE "id" = ${survey.id} AND "closedAt" IS NULL
        AND "opensAt" <= (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')
        AND "closesAt" > (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
    if (counted === 0) {
      const current = await tx.pulseSurvey.findUnique({ where: { id: survey.id } });
      if (!current) throw new NotFound(THE_SURVEY);
      assertOpen(current, now);
      throw new DomainError(SURVEY_CLOSED);
    }
    // The receipt's primary key refuses a second answer; skipping duplicates (rather than an
    // error) waits for a concurrent first answer to commit, and then inserts nothing.
    const member = await tx.user.findUnique({ where: { id: actor.id }, select: { teamId: true } });
    const sealed = sealAnswers(survey.questions, {
      teamId: member?.teamId ?? null,
      answers: read.answers,
    });
    const receipted = await tx.pulseReceipt.createMany({
      data: [{ surveyId: survey.id, userId: actor.id, sealed }],
      skipDuplicates: true,
    });
    if (receipted.count === 0) throw new DomainError(ALREADY_ANSWERED);
  });
  return success("Thank you. Your answers were sealed without your name.");
}
