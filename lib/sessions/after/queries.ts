// Loaders for what happens after a session: its notes, action items, ratings and notes post
// (the session page's after-session section and the notes page), the feedback export, and a
// member's open action items (the home page). Anonymous feedback never carries its author.
import "server-only";
import { idSchema } from "@/lib/core/ids";
import { z } from "zod";
import type { Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import { rows, sql, sqlb } from "@/lib/core/db/typed-sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionFormat, SessionStatus } from "@/lib/generated/prisma/enums";
import { decodeCursor, toPage, type Page } from "@/lib/core/pagination/cursor";
import { postVisibleTo } from "@/lib/posts/access";
import {
  readableContentSql,
  readableContentWhere,
  type Viewer,
} from "@/lib/communities/visibility";
import { toDateInput } from "@/lib/core/dates";
import { managesSession, mayTickActionItem } from "@/lib/sessions/access";
import { waitingAnonymousRatings } from "./anonymous-feedback";
import { attended, type FeedbackExportRow } from "./feedback";
import { hasStarted } from "./notes";
import { zonedDate } from "@/lib/core/zoned-time";

export const AFTER_LIMITS = {
  /** Feedback comments per page (the notes page) and on the session page. */
  commentsPage: 20,
  commentsOnSessionPage: 5,
  /** Open action items per page of the home page's list. */
  openItemsPage: 10,
} as const;

export interface ActionItemView {
  id: string;
  title: string;
  owner: { id: string; name: string };
  dueOn: Date | null;
  doneAt: Date | null;
  /** Not done and due before today. */
  overdue: boolean;
  /** The viewer may tick it off: its owner or one of the session's managers. */
  canToggle: boolean;
}

export interface FeedbackComment {
  id: string;
  rating: number;
  comment: string;
  /** "Anonymous" when the member chose so: the author is never loaded for those rows. */
  from: string;
  createdOn: Date;
}

export interface FeedbackSummary {
  count: number;
  /** Mean rating to one decimal place; null with no ratings. */
  average: number | null;
  /** How many gave 1, 2, 3, 4 and 5 (index 0 is 1 star). */
  distribution: [number, number, number, number, number];
  /** Anonymous ratings sealed until enough have come to appear together. */
  waitingAnonymous: number;
}

export type RatingState = "can-rate" | "rated" | "not-attendee" | "closed";

export interface NotesPostLink {
  id: string;
  title: string;
  status: "DRAFT" | "PUBLISHED";
  mine: boolean;
}

export interface AfterSessionView {
  session: {
    id: string;
    title: string;
    format: SessionFormat;
    status: SessionStatus;
    startsAt: Date;
    endsAt: Date;
    summary: string | null;
    takeaways: string | null;
    recordingUrl: string | null;
    notesUpdatedAt: Date | null;
  };
  manages: boolean;
  /** Whether notes and action items may still change (started, not cancelled). */
  open: boolean;
  actionItems: ActionItemView[];
  /** The notes post as the viewer may see it; null when there is none they may see. */
  notesPost: NotesPostLink | null;
  /** A draft notes post by another host: its author's name, for managers only. */
  draftBy: string | null;
  rating: RatingState;
  feedback: FeedbackSummary;
  /** Managers only: the first comments (newest first); attendees see the summary only. */
  comments: Page<FeedbackComment> | null;
}

const isOverdue = (dueOn: Date | null, doneAt: Date | null, today: string) =>
  Boolean(dueOn && !doneAt && toDateInput(dueOn) < today);

const sessionSelect = {
  id: true,
  title: true,
  format: true,
  status: true,
  startsAt: true,
  endsAt: true,
  summary: true,
  takeaways: true,
  recordingUrl: true,
  notesUpdatedAt: true,
  hosts: { select: { userId: true } },
  notesPost: {
    select: {
      id: true,
      title: true,
      status: true,
      authorId: true,
      deletedAt: true,
      hiddenAt: true,
      author: { select: { name: true } },
    },
  },
} satisfies Prisma.LearningSessionSelect;

type SessionRow = Prisma.LearningSessionGetPayload<{ select: typeof sessionSelect }>;

/** The session with its hosts and notes post, and whether the viewer manages it. */
async function sessionFor(viewer: Actor, sessionId: string) {
  if (!idSchema.safeParse(sessionId).success) return null;
  const row = await db.learningSession.findFirst({
    where: { id: sessionId, AND: [readableContentWhere(viewer)] },
    select: sessionSelect,
  });
  if (!row) return null;
  const manages = managesSession(
    viewer,
    row.hosts.map((host) => host.userId),
  );
  return { row, manages };
}

function notesPostFor(viewer: Actor, row: SessionRow, manages: boolean) {
  const post = row.notesPost;
  if (!post || post.deletedAt) return { notesPost: null, draftBy: null };
  if (postVisibleTo(post, viewer)) {
    const mine = post.authorId === viewer.id;
    return {
      notesPost: { id: post.id, title: post.title, status: post.status, mine },
      draftBy: null,
    };
  }
  const draftBy = manages && post.status === "DRAFT" ? post.author.name : null;
  return { notesPost: null, draftBy };
}

async function actionItemsOf(
  viewer: Actor,
  sessionId: string,
  hostIds: readonly string[],
  today: string,
): Promise<ActionItemView[]> {
  const items = await db.sessionActionItem.findMany({
    where: { sessionId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      dueOn: true,
      doneAt: true,
      owner: { select: { id: true, name: true } },
    },
  });
  return items.map((item) => ({
    ...item,
    overdue: isOverdue(item.dueOn, item.doneAt, today),
    canToggle: mayTickActionItem(viewer, { ownerId: item.owner.id }, { hostIds }),
  }));
}

/** Count, average and distribution of a session's ratings, and the anonymous ones waiting. */
export async function feedbackSummary(sessionId: string): Promise<FeedbackSummary> {
  const [groups, waitingAnonymous] = await Promise.all([
    db.sessionFeedback.groupBy({
      by: ["rating"],
      where: { sessionId },
      _count: { _all: true },
    }),
    waitingAnonymousRatings(db, sessionId),
  ]);
  const distribution: FeedbackSummary["distribution"] = [0, 0, 0, 0, 0];
  let count = 0;
  let total = 0;
  for (const group of groups) {
    distribution[group.rating - 1] = group._count._all;
    count += group._count._all;
    total += group.rating * group._count._all;
  }
  const average = count ? Math.round((total / count) * 10) / 10 : null;
  return { count, average, distribution, waitingAnonymous };
}

const commentKey = z.tuple([z.iso.date(), idSchema]);

/**
 * One page of a session's comments, newest day first. The order within a day is by the
 * random id, so it says nothing about who rated when.
 */
export async function feedbackComments(
  sessionId: string,
  options: { cursor?: string | null; take?: number } = {},
): Promise<Page<FeedbackComment>> {
  const take = options.take ?? AFTER_LIMITS.commentsPage;
  const after = decodeCursor(options.cursor, commentKey);
  const day = after ? new Date(`${after[0]}T00:00:00Z`) : null;
  const rows = await db.sessionFeedback.findMany({
    where: {
      sessionId,
      comment: { not: null },
      ...(after && day
        ? { OR: [{ createdOn: { lt: day } }, { createdOn: day, id: { gt: after[1] } }] }
        : {}),
    },
    orderBy: [{ createdOn: "desc" }, { id: "asc" }],
    take: take + 1,
    select: {
      id: true,
      rating: true,
      comment: true,
      createdOn: true,
      author: { select: { name: true } },
    },
  });
  const comments = rows.map((row) => ({
    id: row.id,
    rating: row.rating,
    comment: row.comment ?? "",
    from: row.author?.name ?? "Anonymous",
    createdOn: row.createdOn,
  }));
  return toPage(comments, take, (row) => [toDateInput(row.createdOn), row.id]);
}

async function ratingStateFor(
  viewer: Actor,
  row: Pick<SessionRow, "id" | "status" | "startsAt">,
): Promise<RatingState> {
  if (row.status === "CANCELLED" || !hasStarted(row)) return "closed";
  const key = { sessionId: row.id, userId: viewer.id };
  const [receipt, rsvp] = await Promise.all([
    db.sessionFeedbackReceipt.findUnique({ where: { sessionId_userId: key } }),
    db.sessionRsvp.findUnique({
      where: { sessionId_userId: key },
      select: { status: true, attendedAt: true },
    }),
  ]);
  if (receipt) return "rated";
  return attended(rsvp) ? "can-rate" : "not-attendee";
}

/**
 * What the session page shows after the start: null before it starts, and for a cancelled
 * session with nothing recorded.
 */
export async function afterSessionView(
  viewer: Actor & { timeZone?: string },
  sessionId: string,
  now = new Date(),
): Promise<AfterSessionView | null> {
  const found = await sessionFor(viewer, sessionId);
  if (!found || !hasStarted(found.row, now)) return null;
  const { row, manages } = found;
  const today = zonedDate(now, viewer.timeZone ?? "UTC");
  const [actionItems, feedback, rating, comments] = await Promise.all([
    actionItemsOf(
      viewer,
      row.id,
      row.hosts.map((host) => host.userId),
      today,
    ),
    feedbackSummary(row.id),
    ratingStateFor(viewer, row),
    manages ? feedbackComments(row.id, { take: AFTER_LIMITS.commentsOnSessionPage }) : null,
  ]);
  const cancelled = row.status === "CANCELLED";
  const recorded = row.summary || row.takeaways || row.recordingUrl || actionItems.length;
  if (cancelled && !recorded && !feedback.count) return null;
  const { hosts: _hosts, notesPost: _post, ...session } = row;
  return {
    session,
    manages,
    open: !cancelled,
    actionItems,
    ...notesPostFor(viewer, row, manages),
    rating,
    feedback,
    comments,
  };
}

/**
 * The feedback export's rows, for the session's managers only: null for an unknown session,
 * "forbidden" for anyone else.
 */
export async function feedbackExport(
  viewer: Actor,
  sessionId: string,
): Promise<{ title: string; rows: FeedbackExportRow[] } | "forbidden" | null> {
  const found = await sessionFor(viewer, sessionId);
  if (!found) return null;
  if (!found.manages) return "forbidden";
  const rows = await db.sessionFeedback.findMany({
    where: { sessionId },
    orderBy: [{ createdOn: "asc" }, { id: "asc" }],
    select: { rating: true, comment: true, createdOn: true, author: { select: { name: true } } },
  });
  return {
    title: found.row.title,
    rows: rows.map((row) => ({
      rating: row.rating,
      comment: row.comment,
      authorName: row.author?.name ?? null,
      createdOn: row.createdOn,
    })),
  };
}

export interface OpenActionItem {
  id: string;
  title: string;
  dueOn: Date | null;
  overdue: boolean;
  session: { id: string; title: string };
}

const openItemKey = z.tuple([z.iso.date().nullable(), z.iso.datetime(), idSchema]);

type OpenItemKey = z.infer<typeof openItemKey>;

/** Rows after the cursor in (dueOn nulls last, createdAt, id) order. */
function afterOpenItem(key: OpenItemKey | null) {
  if (!key) return sql<boolean>`TRUE`;
  const [due, created, id] = key;
  // Stored as UTC `timestamp(3)`; casting the ISO text drops its "Z" and keeps UTC.
  const sameDue = sql<boolean>`(i."createdAt", i."id") > (${created}::timestamp(3), ${id})`;
  if (due === null) return sql<boolean>`(i."dueOn" IS NULL AND ${sameDue})`;
  return sql<boolean>`(i."dueOn" > ${due}::date OR i."dueOn" IS NULL
    OR (i."dueOn" = ${due}::date AND ${sameDue}))`;
}

/**
 * A member's action items that are not done, soonest due first (no due date last), with
 * their sessions, in one statement. A malformed cursor reads as the first page.
 */
export async function openActionItemsFor(
  member: Viewer,
  options: { cursor?: string | null; timeZone?: string; take?: number; now?: Date } = {},
): Promise<Page<OpenActionItem>> {
  const take = options.take ?? AFTER_LIMITS.openItemsPage;
  const today = zonedDate(options.now ?? new Date(), options.timeZone ?? "UTC");
  const found = await rows(
    db,
    sqlb
      .selectFrom("SessionActionItem as i")
      .innerJoin("LearningSession as s", "s.id", "i.sessionId")
      .select([
        "i.id",
        "i.title",
        "i.dueOn",
        "i.createdAt",
        "s.id as sessionId",
        "s.title as sessionTitle",
      ])
      .where((eb) =>
        eb.and([
          eb("i.ownerId", "=", member.id),
          eb("i.doneAt", "is", null),
          readableContentSql("s", member),
          afterOpenItem(decodeCursor(options.cursor, openItemKey)),
        ]),
      )
      .orderBy(sql`i."dueOn" ASC NULLS LAST`)
      .orderBy("i.createdAt", "asc")
      .orderBy("i.id", "asc")
      .limit(take + 1),
  );
  const page = toPage(found, take, (row) => [
    row.dueOn ? toDateInput(row.dueOn) : null,
    row.createdAt.toISOString(),
    row.id,
  ]);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((row) => ({
      id: row.id,
      title: row.title,
      dueOn: row.dueOn,
      overdue: isOverdue(row.dueOn, null, today),
      session: { id: row.sessionId, title: row.sessionTitle },
    })),
  };
}

export interface NotesEditorView {
  session: AfterSessionView["session"];
  /** Whether notes and action items may change now: started and not cancelled. */
  open: boolean;
  started: boolean;
  actionItems: ActionItemView[];
  notesPost: NotesPostLink | null;
  draftBy: string | null;
  feedback: FeedbackSummary;
  comments: Page<FeedbackComment>;
}

/**
 * The notes page's data: "not found" (null) for an unknown session, "forbidden" for a
 * member who does not manage it.
 */
export async function notesEditorView(
  viewer: Actor & { timeZone?: string },
  sessionId: string,
  options: { commentsCursor?: string | null; now?: Date } = {},
): Promise<NotesEditorView | "forbidden" | null> {
  const found = await sessionFor(viewer, sessionId);
  if (!found) return null;
  if (!found.manages) return "forbidden";
  const { row } = found;
  const now = options.now ?? new Date();
  const [actionItems, feedback, comments] = await Promise.all([
    actionItemsOf(
      viewer,
      row.id,
      row.hosts.map((host) => host.userId),
      zonedDate(now, viewer.timeZone ?? "UTC"),
    ),
    feedbackSummary(row.id),
    feedbackComments(row.id, { cursor: options.commentsCursor }),
  ]);
  const started = hasStarted(row, now);
  const { hosts: _hosts, notesPost: _post, ...session } = row;
  return {
    session,
    open: started && row.status !== "CANCELLED",
    started,
    actionItems,
    ...notesPostFor(viewer, row, true),
    feedback,
    comments,
  };
}
