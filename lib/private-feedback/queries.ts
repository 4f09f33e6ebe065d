// Reading private feedback. Every query is scoped to the viewer as giver or recipient, in
// the WHERE clause itself: nobody else, admins included, can load a note, a count or a list.
import "server-only";
import type { Actor } from "@/lib/core/auth/authorize";
import { hasPermission } from "@/lib/core/auth/permissions";
import { db } from "@/lib/core/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { plainExcerpt } from "@/lib/core/markdown/excerpt";
import { decodeCursorOrThrow, toPage, type Page } from "@/lib/core/pagination/cursor";
import { maySendPrivateFeedback } from "./access";
import { markRead } from "./feedback";
import { PRIVATE_FEEDBACK_LIMITS as L } from "./limits";
import { feedbackCursorSchema, feedbackIdSchema } from "./schemas";

export interface PersonLink {
  id: string;
  name: string;
}

export interface PrivateFeedbackDetail {
  id: string;
  message: string;
  createdAt: Date;
  readAt: Date | null;
  giver: PersonLink;
  recipient: PersonLink;
  /** Which of the two the viewer is. */
  viewerIs: "giver" | "recipient";
}

export interface PrivateFeedbackListItem {
  id: string;
  /** The start of the note, as plain text. */
  excerpt: string;
  createdAt: Date;
  readAt: Date | null;
  /** The other member: the giver on "received", the recipient on "sent". */
  other: PersonLink;
}

const person = { select: { id: true, name: true } } as const;

const mayRead = (viewer: Actor) => hasPermission(viewer.role, "read:private-feedback:own");

/** The note, when the viewer gave or received it; null for anyone else and any bad id. */
export async function getPrivateFeedback(
  rawId: string,
  viewer: Actor,
): Promise<PrivateFeedbackDetail | null> {
  const id = feedbackIdSchema.safeParse(rawId);
  if (!id.success || !mayRead(viewer)) return null;
  const row = await db.privateFeedback.findFirst({
    where: { id: id.data, OR: [{ giverId: viewer.id }, { recipientId: viewer.id }] },
    select: {
      id: true,
      message: true,
      createdAt: true,
      readAt: true,
      giver: person,
      recipient: person,
    },
  });
  if (!row) return null;
  return { ...row, viewerIs: row.recipient.id === viewer.id ? "recipient" : "giver" };
}

/**
 * The /feedback/[id] page's data: the note for its giver or recipient, null (a 404) for
 * everyone else. Opening it as the recipient marks it read.
 */
export async function openPrivateFeedback(
  rawId: string,
  viewer: Actor,
): Promise<PrivateFeedbackDetail | null> {
  const feedback = await getPrivateFeedback(rawId, viewer);
  if (feedback?.viewerIs !== "recipient" || feedback.readAt) return feedback;
  await markRead(viewer, { id: feedback.id });
  return { ...feedback, readAt: new Date() };
}

type Side = "received" | "sent";

async function pageOf(
  viewer: Actor,
  side: Side,
  cursor: string | undefined,
  take: number,
): Promise<Page<PrivateFeedbackListItem>> {
  if (!mayRead(viewer)) return { items: [], nextCursor: null };
  const after = cursor ? decodeCursorOrThrow(cursor, feedbackCursorSchema) : null;
  const own: Prisma.PrivateFeedbackWhereInput =
    side === "received" ? { recipientId: viewer.id } : { giverId: viewer.id };
  const rows = await db.privateFeedback.findMany({
    where: {
      ...own,
      ...(after
        ? {
            OR: [
              { createdAt: { lt: new Date(after[0]) } },
              { createdAt: new Date(after[0]), id: { lt: after[1] } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: {
      id: true,
      message: true,
      createdAt: true,
      readAt: true,
      giver: person,
      recipient: person,
    },
  });
  const page = toPage(rows, take, (row) => [row.createdAt.toISOString(), row.id]);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((row) => ({
      id: row.id,
      excerpt: plainExcerpt(row.message, L.excerpt),
      createdAt: row.createdAt,
      readAt: row.readAt,
      other: side === "received" ? row.giver : row.recipient,
    })),
  };
}

/** Notes the viewer received, newest first. Throws InvalidCursor for a malformed cursor. */
export function listReceived(viewer: Actor, cursor?: string, take: number = L.page) {
  return pageOf(viewer, "received", cursor, take);
}

/** Notes the viewer sent, newest first. Throws InvalidCursor for a malformed cursor. */
export function listSent(viewer: Actor, cursor?: string, take: number = L.page) {
  return pageOf(viewer, "sent", cursor, take);
}

/** How many received notes the viewer has not opened yet. */
export function unreadFeedbackCount(viewer: Actor): Promise<number> {
  return db.privateFeedback.count({ where: { recipientId: viewer.id, readAt: null } });
}

/** The member to prefill on /feedback/new?to=…: an active member other than the viewer. */
export async function feedbackRecipientOption(
  viewer: Actor,
  rawId: string | undefined,
): Promise<{ id: string; label: string; detail: string | null } | null> {
  const id = feedbackIdSchema.safeParse(rawId);
  if (!id.success) return null;
  const member = await db.user.findUnique({
    where: { id: id.data },
    select: { id: true, name: true, title: true, status: true },
  });
  if (
    !member ||
    !maySendPrivateFeedback(viewer, { id: member.id, active: member.status === "ACTIVE" })
  )
    return null;
  return { id: member.id, label: member.name, detail: member.title };
}
