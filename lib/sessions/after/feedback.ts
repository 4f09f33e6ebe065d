// Ratings of a session (1–5, an optional comment, optionally anonymous) by the members who
// went. One per member: a receipt (session, member) says who has rated. A named rating is a
// feedback row with its author. An anonymous one waits sealed in the receipt and is released
// with others of the session (./anonymous-feedback.ts), so that nothing in the database ties
// it to the receipt: not a transaction, an order, an id or a day.
import { csvCell } from "@/lib/core/csv/cell";
import { randomUUID } from "node:crypto";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { utcToday } from "@/lib/core/dates";
import { assertNotCancelled, THE_SESSION } from "@/lib/sessions/access";
import { readableContentWhere } from "@/lib/communities/visibility";
import { releaseAnonymousRatings, sealRating } from "./anonymous-feedback";
import { rateSessionSchema } from "./schemas";
import { hasStarted } from "./notes";

export const ALREADY_RATED = "You have already rated this session.";

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Whether an RSVP makes its member an attendee who may rate the session. */
export function attended(rsvp: { status: string; attendedAt: Date | null } | null): boolean {
  return Boolean(rsvp && (rsvp.status === "GOING" || rsvp.attendedAt));
}

async function assertMayRate(tx: TransactionClient, actor: Actor, sessionId: string) {
  const session = await tx.learningSession.findFirst({
    where: { id: sessionId, AND: [readableContentWhere(actor)] },
    select: { status: true, startsAt: true },
  });
  if (!session) throw new NotFound(THE_SESSION);
  assertNotCancelled(session, "it can't be rated");
  if (!hasStarted(session)) throw new DomainError("You can rate this session once it has started.");
  const rsvp = await tx.sessionRsvp.findUnique({
    where: { sessionId_userId: { sessionId, userId: actor.id } },
    select: { status: true, attendedAt: true },
  });
  if (!attended(rsvp)) throw new DomainError("Only members who went to this session can rate it.");
}

/** Rates a session once. The receipt's primary key refuses a second rating, even a concurrent one. */
export async function rateSession(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "create:session-feedback:any");
  const parsed = rateSessionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { sessionId, rating, comment, anonymous } = parsed.data;
  try {
    await db.$transaction(async (tx) => {
      await assertMayRate(tx, actor, sessionId);
      const receipt = { sessionId, userId: actor.id };
      if (await tx.sessionFeedbackReceipt.findUnique({ where: { sessionId_userId: receipt } })) {
        throw new DomainError(ALREADY_RATED);
      }
      if (anonymous) {
        await tx.$queryRaw`SELECT "id" FROM "LearningSession" WHERE "id" = ${sessionId} FOR UPDATE`;
        const sealed = sealRating({ rating, comment: comment || null });
        await tx.sessionFeedbackReceipt.create({ data: { ...receipt, sealed } });
        await releaseAnonymousRatings(tx, sessionId);
        return;
      }
      await tx.sessionFeedbackReceipt.create({ data: receipt });
      await tx.sessionFeedback.create({
        data: {
          id: randomUUID(),
          sessionId,
          authorId: actor.id,
          rating,
          comment: comment || null,
          createdOn: utcToday(),
        },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError(ALREADY_RATED);
    throw error;
  }
  return success(
    anonymous
      ? "Thank you. Your rating was saved without your name. It appears with other anonymous ratings once there are enough of them."
      : "Thank you for rating.",
  );
}

export interface FeedbackExportRow {
  rating: number;
  comment: string | null;
  /** The author's name; null for anonymous feedback. */
  authorName: string | null;
  createdOn: Date;
}

/** The session's feedback as CSV. Anonymous rows say "Anonymous" and nothing else about who. */
export function feedbackCsv(rows: readonly FeedbackExportRow[]): string {
  const header = ["Date", "Rating", "From", "Comment"].map(csvCell).join(",");
  const lines = rows.map((row) =>
    [
      row.createdOn.toISOString().slice(0, 10),
      String(row.rating),
      row.authorName ?? "Anonymous",
      row.comment ?? "",
    ]
      .map(csvCell)
      .join(","),
  );
  return `${[header, ...lines].join("\r\n")}\r\n`;
}
