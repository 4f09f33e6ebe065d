// Rows for the insights tests, written inside a transaction that the test rolls back (see
// inSnapshot), so that organisation-wide figures can be asserted exactly. The tests place
// their rows in 1998–1999, where no other test file writes: every figure counts only members
// who joined before the period's end, and `isolateEra` deactivates (until the rollback) any
// member someone else created that long ago.
import { randomUUID } from "node:crypto";
import type { TransactionClient } from "@/lib/core/db/create-client";
import type {
  DiscussionKind,
  MentorRequestStatus,
  PairingStatus,
  PostStatus,
  RsvpStatus,
  SessionStatus,
} from "@/lib/generated/prisma/enums";
import { testDb } from "./db";
import { unique } from "./factories";

const ROLLBACK = new Error("rollback");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Runs `body` in a REPEATABLE READ transaction that is then rolled back: its reads see one
 * snapshot plus its own writes, and nothing it writes is left behind.
 */
export async function inSnapshot(body: (tx: TransactionClient) => Promise<void>): Promise<void> {
  try {
    await testDb.$transaction(
      async (tx) => {
        await body(tx);
        throw ROLLBACK;
      },
      { isolationLevel: "RepeatableRead", timeout: 60_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
}

/** A UTC instant from "1999-05-01" or "1999-05-01T10:00". */
export function at(text: string): Date {
  return new Date(text.length === 10 ? `${text}T00:00:00Z` : `${text}Z`);
}

export const addHours = (date: Date, hours: number) => new Date(date.getTime() + hours * HOUR);
export const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY);

/** When the tests' members joined: before all the tests' periods. */
export const JOINED = at("1998-01-01");

/** Deactivates, until the rollback, members that others created before `before` (normally none). */
export async function isolateEra(tx: TransactionClient, before: Date) {
  await tx.$executeRaw`
    UPDATE "User" SET "status" = 'DEACTIVATED'
    WHERE "status" = 'ACTIVE' AND "createdAt" < (CAST(${before.toISOString()} AS timestamptz) AT TIME ZONE 'UTC')`;
}

export function teamIn(tx: TransactionClient, name = `Team ${unique()}`) {
  return tx.team.create({ data: { name, slug: unique("team").toLowerCase() } });
}

export function memberIn(
  tx: TransactionClient,
  overrides: Partial<{
    name: string;
    teamId: string | null;
    createdAt: Date;
    status: "ACTIVE" | "DEACTIVATED";
    role: "MEMBER" | "LEADER" | "ADMIN";
  }> = {},
) {
  const tag = unique("m");
  return tx.user.create({
    data: { name: `Member ${tag}`, email: `${tag}@test.example`, createdAt: JOINED, ...overrides },
  });
}

export function discussionIn(
  tx: TransactionClient,
  authorId: string,
  createdAt: Date,
  overrides: Partial<{ kind: DiscussionKind; deletedAt: Date; hiddenAt: Date }> = {},
) {
  return tx.discussion.create({
    data: {
      title: `Discussion ${unique()}`,
      body: "Thoughts.",
      authorId,
      createdAt,
      lastActivityAt: createdAt,
      ...overrides,
    },
  });
}

export function replyIn(
  tx: TransactionClient,
  discussionId: string,
  authorId: string,
  createdAt: Date,
  overrides: Partial<{ deletedAt: Date; hiddenAt: Date }> = {},
) {
  return tx.reply.create({
    data: { discussionId, authorId, body: `Reply ${unique()}`, createdAt, ...overrides },
  });
}

export function acceptIn(tx: TransactionClient, discussionId: string, replyId: string) {
  return tx.discussion.update({ where: { id: discussionId }, data: { acceptedReplyId: replyId } });
}

export function postIn(
  tx: TransactionClient,
  authorId: string,
  overrides: Partial<{
    status: PostStatus;
    publishedAt: Date | null;
    reviewBy: Date;
    reviewedAt: Date;
    editedAt: Date;
    deletedAt: Date;
    hiddenAt: Date;
    createdAt: Date;
  }> = {},
) {
  const status = overrides.status ?? "PUBLISHED";
  return tx.knowledgePost.create({
    data: {
      type: "HOW_TO",
      title: `Post ${unique()}`,
      summary: "Summary.",
      body: "Body.",
      authorId,
      reviewBy: at("2000-06-01"),
      createdAt: overrides.publishedAt ?? JOINED,
      ...overrides,
      status,
    },
  });
}

export function sessionIn(
  tx: TransactionClient,
  hostIds: string[],
  startsAt: Date,
  overrides: Partial<{ status: SessionStatus; title: string }> = {},
) {
  return tx.learningSession.create({
    data: {
      title: `Session ${unique()}`,
      format: "WORKSHOP",
      description: "About it.",
      startsAt,
      endsAt: addHours(startsAt, 1),
      createdAt: addDays(startsAt, -30),
      ...overrides,
      hosts: { create: hostIds.map((userId, position) => ({ userId, position })) },
    },
  });
}

export function rsvpIn(
  tx: TransactionClient,
  sessionId: string,
  userId: string,
  status: RsvpStatus,
  overrides: Partial<{ createdAt: Date; attendedAt: Date }> = {},
) {
  return tx.sessionRsvp.create({
    data: {
      sessionId,
      userId,
      status,
      waitlistedAt: status === "WAITLISTED" ? (overrides.createdAt ?? JOINED) : null,
      createdAt: overrides.createdAt ?? JOINED,
      attendedAt: overrides.attendedAt ?? null,
    },
  });
}

export function feedbackIn(
  tx: TransactionClient,
  sessionId: string,
  rating: number,
  createdOn: Date,
  authorId: string | null = null,
) {
  return tx.sessionFeedback.create({
    data: { id: randomUUID(), sessionId, rating, createdOn, authorId },
  });
}

export function actionItemIn(
  tx: TransactionClient,
  sessionId: string,
  ownerId: string,
  overrides: Partial<{
    title: string;
    dueOn: Date | null;
    doneAt: Date | null;
    createdAt: Date;
  }> = {},
) {
  return tx.sessionActionItem.create({
    data: { sessionId, ownerId, title: `Action ${unique()}`, ...overrides },
  });
}

export function valueIn(
  tx: TransactionClient,
  overrides: Partial<{ name: string; emoji: string; archivedAt: Date }> = {},
) {
  const tag = unique("v");
  return tx.companyValue.create({
    data: { name: `Value ${tag}`, slug: tag.toLowerCase(), ...overrides },
  });
}

export function recognitionIn(
  tx: TransactionClient,
  giverId: string,
  recipientIds: string[],
  valueId: string,
  createdAt: Date,
  overrides: Partial<{ deletedAt: Date; hiddenAt: Date }> = {},
) {
  return tx.recognition.create({
    data: {
      giverId,
      valueId,
      message: `Thanks ${unique()}`,
      createdAt,
      ...overrides,
      recipients: { create: recipientIds.map((userId) => ({ userId })) },
    },
  });
}

export function pairingIn(
  tx: TransactionClient,
  mentorId: string,
  menteeId: string,
  overrides: Partial<{
    status: PairingStatus;
    startsOn: Date;
    lastCheckInOn: Date | null;
    cadenceDays: number;
    pausedAt: Date;
    completedAt: Date;
    endedAt: Date;
  }> = {},
) {
  return tx.mentorPairing.create({
    data: {
      mentorId,
      menteeId,
      goals: "Goals.",
      startsOn: JOINED,
      cadenceDays: 14,
      ...overrides,
    },
  });
}

export function requestIn(
  tx: TransactionClient,
  menteeId: string,
  overrides: Partial<{ status: MentorRequestStatus; createdAt: Date; resolvedAt: Date }> = {},
) {
  return tx.mentorRequest.create({ data: { menteeId, ...overrides } });
}

/**
 * A pulse survey with SCALE statements and one free-text question; `responses` gives each
 * response's scores, statement by statement (responseCount kept in step). `respondents` get
 * receipts (and nothing links them to a response).
 */
export async function surveyIn(
  tx: TransactionClient,
  options: {
    opensAt: Date;
    closesAt: Date;
    closedAt?: Date;
    previousRoundId?: string;
    statements: string[];
    responses: number[][];
    respondents?: string[];
    teamId?: string | null;
  },
) {
  const survey = await tx.pulseSurvey.create({
    data: {
      title: `Pulse ${unique()}`,
      opensAt: options.opensAt,
      closesAt: options.closesAt,
      closedAt: options.closedAt ?? null,
      previousRoundId: options.previousRoundId ?? null,
      responseCount: options.responses.length,
      questions: {
        create: [
          ...options.statements.map((text, position) => ({
            kind: "SCALE" as const,
            text,
            position,
          })),
          { kind: "TEXT" as const, text: "Anything else?", position: options.statements.length },
        ],
      },
    },
    include: { questions: { orderBy: { position: "asc" } } },
  });
  const scale = survey.questions.filter((q) => q.kind === "SCALE");
  const text = survey.questions.find((q) => q.kind === "TEXT")!;
  for (const scores of options.responses) {
    await tx.pulseResponse.create({
      data: {
        id: randomUUID(),
        surveyId: survey.id,
        teamId: options.teamId ?? null,
        answers: {
          create: [
            ...scale.map((question, i) => ({ questionId: question.id, score: scores[i] ?? null })),
            { questionId: text.id, text: "Some free text only the survey results may show." },
          ],
        },
      },
    });
  }
  for (const userId of options.respondents ?? []) {
    await tx.pulseReceipt.create({ data: { surveyId: survey.id, userId } });
  }
  return survey;
}
