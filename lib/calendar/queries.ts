import "server-only";
import { db } from "@/lib/core/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readableContentWhere, type Viewer } from "@/lib/communities/visibility";
import type { CalendarSession } from "./ics";

/** How far back a feed reaches, and how many sessions it holds at most. */
export const FEED_PAST_DAYS = 60;
export const FEED_LIMIT = 500;

const DAY_MS = 86_400_000;

function calendarSelect(memberId: string) {
  return {
    id: true,
    title: true,
    description: true,
    startsAt: true,
    endsAt: true,
    location: true,
    meetingUrl: true,
    status: true,
    cancelReason: true,
    createdAt: true,
    updatedAt: true,
    hosts: { orderBy: { position: "asc" }, take: 1, select: { user: { select: { name: true } } } },
    rsvps: { where: { userId: memberId }, select: { status: true } },
  } satisfies Prisma.LearningSessionSelect;
}

type CalendarRow = Prisma.LearningSessionGetPayload<{
  select: ReturnType<typeof calendarSelect>;
}>;

function toCalendarSession({ hosts, rsvps, ...session }: CalendarRow): CalendarSession {
  return {
    ...session,
    leadHostName: hosts[0]?.user.name ?? null,
    waitlisted: rsvps[0]?.status === "WAITLISTED",
  };
}

/**
 * One session as the member's calendar shows it; null for an unknown id, and, with `reader`,
 * for a session of a private community the reader may not read.
 */
export async function calendarSession(
  id: string,
  memberId: string,
  reader?: Viewer,
): Promise<CalendarSession | null> {
  const row = await db.learningSession.findFirst({
    where: { id, ...(reader ? { AND: [readableContentWhere(reader)] } : {}) },
    select: calendarSelect(memberId),
  });
  return row ? toCalendarSession(row) : null;
}

/**
 * The member's feed: the sessions they host and those they are going to or waitlisted for,
 * cancelled ones included, from FEED_PAST_DAYS ago on, soonest first.
 */
export async function feedSessions(member: Viewer, now = new Date()): Promise<CalendarSession[]> {
  const memberId = member.id;
  const rows = await db.learningSession.findMany({
    where: {
      startsAt: { gte: new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS) },
      AND: [readableContentWhere(member)],
      OR: [
        { hosts: { some: { userId: memberId } } },
        { rsvps: { some: { userId: memberId, status: { in: ["GOING", "WAITLISTED"] } } } },
      ],
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: FEED_LIMIT,
    select: calendarSelect(memberId),
  });
  return rows.map(toCalendarSession);
}

/** When the member's current feed link was made, or null when they have none. */
export async function feedCreatedAt(memberId: string): Promise<Date | null> {
  const feed = await db.calendarFeedToken.findUnique({
    where: { userId: memberId },
    select: { createdAt: true },
  });
  return feed?.createdAt ?? null;
}
