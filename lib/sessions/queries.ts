// Page loaders for sessions. Each list is one query (hosts and the viewer's own RSVP come with
// it); the session page is a fixed handful of queries whatever the number of attendees.
import "server-only";
import { idSchema } from "@/lib/core/ids";
import { z } from "zod";
import type { Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import { rows, sql, sqlb, unionAll } from "@/lib/core/db/typed-sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RsvpStatus, SessionFormat, SessionStatus } from "@/lib/generated/prisma/enums";
import { decodeCursorOrThrow, toPage, type Page } from "@/lib/core/pagination/cursor";
import { plainExcerpt } from "@/lib/core/markdown/excerpt";
import { listedPostFor } from "@/lib/posts/access";
import { readableContentSql, readableContentWhere } from "@/lib/communities/visibility";
import { hostsSession, managesSession } from "./access";
import { LIST_LIMITS } from "./limits";

const timeKey = z.tuple([z.iso.datetime(), idSchema]);

export interface PersonLink {
  id: string;
  name: string;
}

export interface SessionSummary {
  id: string;
  title: string;
  format: SessionFormat;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  online: boolean;
  capacity: number | null;
  goingCount: number;
  status: SessionStatus;
  hosts: PersonLink[];
  /** The viewer's answer, or "HOSTING". */
  viewerStatus: RsvpStatus | "HOSTING" | null;
  hasNotes: boolean;
  /** The start of the hosts' summary, as plain text; null before notes are recorded. */
  notesExcerpt: string | null;
}

const summarySelect = (viewerId: string) =>
  ({
    id: true,
    title: true,
    format: true,
    startsAt: true,
    endsAt: true,
    location: true,
    meetingUrl: true,
    capacity: true,
    goingCount: true,
    status: true,
    summary: true,
    hosts: { orderBy: { position: "asc" }, select: { user: { select: { id: true, name: true } } } },
    rsvps: { where: { userId: viewerId }, select: { status: true } },
  }) satisfies Prisma.LearningSessionSelect;

type SummaryRow = Prisma.LearningSessionGetPayload<{ select: ReturnType<typeof summarySelect> }>;

function toSummary(row: SummaryRow, viewerId: string): SessionSummary {
  const hosts = row.hosts.map((host) => host.user);
  const hosting = hostsSession(
    { id: viewerId },
    hosts.map((host) => host.id),
  );
  return {
    id: row.id,
    title: row.title,
    format: row.format,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    location: row.location,
    online: row.meetingUrl !== null,
    capacity: row.capacity,
    goingCount: row.goingCount,
    status: row.status,
    hosts,
    viewerStatus: hosting ? "HOSTING" : (row.rsvps[0]?.status ?? null),
    hasNotes: Boolean(row.summary),
    notesExcerpt: row.summary ? plainExcerpt(row.summary, 240) : null,
  };
}

type Direction = "asc" | "desc";

/** One page of sessions matching `where`, by start time in `direction`, after the cursor. */
async function pageOfSessions(
  viewer: Actor,
  where: Prisma.LearningSessionWhereInput,
  direction: Direction,
  cursor?: string,
  take: number = LIST_LIMITS.page,
): Promise<Page<SessionSummary>> {
  const viewerId = viewer.id;
  const after = cursor ? decodeCursorOrThrow(cursor, timeKey) : null;
  const beyond = direction === "asc" ? "gt" : "lt";
  const rows = await db.learningSession.findMany({
    where: {
      AND: [
        where,
        readableContentWhere(viewer),
        after
          ? {
              OR: [
                { startsAt: { [beyond]: new Date(after[0]) } },
                { startsAt: new Date(after[0]), id: { [beyond]: after[1] } },
              ],
            }
          : {},
      ],
    },
    orderBy: [{ startsAt: direction }, { id: direction }],
    take: take + 1,
    select: summarySelect(viewerId),
  });
  const page = toPage(rows, take, (row) => [row.startsAt.toISOString(), row.id]);
  return { ...page, items: page.items.map((row) => toSummary(row, viewerId)) };
}

/** Sessions that have not ended yet (cancelled ones too, marked), soonest first. */
export function listUpcomingSessions(viewer: Actor, cursor?: string, take?: number) {
  return pageOfSessions(viewer, { endsAt: { gt: new Date() } }, "asc", cursor, take);
}

/** Sessions that took place (not cancelled ones), most recent first. */
export function listPastSessions(viewer: Actor, cursor?: string, take?: number) {
  return pageOfSessions(
    viewer,
    { endsAt: { lte: new Date() }, status: { not: "CANCELLED" } },
    "desc",
    cursor,
    take,
  );
}

/** Sessions the viewer hosts or has a seat or waitlist place at; upcoming or past. */
export function listMySessions(
  viewer: Actor,
  when: "upcoming" | "past",
  cursor?: string,
  take?: number,
) {
  const mine: Prisma.LearningSessionWhereInput = {
    OR: [
      { hosts: { some: { userId: viewer.id } } },
      { rsvps: { some: { userId: viewer.id, status: { in: ["GOING", "WAITLISTED"] } } } },
    ],
  };
  const now = new Date();
  return when === "upcoming"
    ? pageOfSessions(viewer, { ...mine, endsAt: { gt: now } }, "asc", cursor, take)
    : pageOfSessions(viewer, { ...mine, endsAt: { lte: now } }, "desc", cursor, take);
}

export interface NextSessions {
  /** Whether these are the viewer's own (hosting, going, waitlisted) or everyone's. */
  mine: boolean;
  sessions: SessionSummary[];
}

/** Upcoming sessions, soonest first, from one branch of `nextSessionsFor`'s union. */
function upcomingRefs(list: "mine" | "all", viewer: Actor, now: Date, take: number) {
  const viewerId = viewer.id;
  return sqlb
    .selectFrom("LearningSession as s")
    .select(["s.id", "s.startsAt", sql<"mine" | "all">`${sql.lit(list)}`.as("list")])
    .where((eb) =>
      eb.and([
        eb("s.endsAt", ">", now),
        readableContentSql("s", viewer),
        ...(list === "mine"
          ? [
              eb.or([
                eb.exists(
                  eb
                    .selectFrom("SessionHost as h")
                    .select(sql`1`.as("one"))
                    .whereRef("h.sessionId", "=", "s.id")
                    .where("h.userId", "=", viewerId),
                ),
                eb.exists(
                  eb
                    .selectFrom("SessionRsvp as r")
                    .select(sql`1`.as("one"))
                    .whereRef("r.sessionId", "=", "s.id")
                    .where("r.userId", "=", viewerId)
                    .where(sql<boolean>`r."status"::text IN ('GOING', 'WAITLISTED')`),
                ),
              ]),
            ]
          : []),
      ]),
    )
    .orderBy("s.startsAt", "asc")
    .orderBy("s.id", "asc")
    .limit(take);
}

/**
 * The home page's sessions in one statement: the viewer's own next ones (as
 * `listMySessions`), or else the next ones for everyone (as `listUpcomingSessions`) less
 * the cancelled among them.
 */
export async function nextSessionsFor(viewer: Actor, take: number): Promise<NextSessions> {
  const now = new Date();
  const found = await rows(
    db,
    sqlb
      .selectFrom(
        unionAll(
          "u",
          upcomingRefs("mine", viewer, now, take),
          upcomingRefs("all", viewer, now, take),
        ),
      )
      .innerJoin("LearningSession as ls", "ls.id", "u.id")
      .select((eb) => [
        "u.list",
        "ls.id",
        "ls.title",
        sql<SessionFormat>`${eb.ref("ls.format")}::text`.as("format"),
        "ls.startsAt",
        "ls.endsAt",
        "ls.location",
        "ls.meetingUrl",
        "ls.capacity",
        "ls.goingCount",
        sql<SessionStatus>`${eb.ref("ls.status")}::text`.as("status"),
        "ls.summary",
        sql<{ user: PersonLink }[]>`(SELECT coalesce(json_agg(json_build_object('user',
          json_build_object('id', hu."id", 'name', hu."name")) ORDER BY h."position"), '[]'::json)
          FROM "SessionHost" h JOIN "User" hu ON hu."id" = h."userId"
          WHERE h."sessionId" = ${eb.ref("ls.id")})`.as("hosts"),
        sql<RsvpStatus | null>`(SELECT r."status"::text FROM "SessionRsvp" r
          WHERE r."sessionId" = ${eb.ref("ls.id")} AND r."userId" = ${viewer.id})`.as("viewerRsvp"),
      ])
      .orderBy("ls.startsAt", "asc")
      .orderBy("ls.id", "asc"),
  );
  const summaries = (list: "mine" | "all") =>
    found
      .filter((row) => row.list === list)
      .map(({ list: _list, viewerRsvp, ...row }) =>
        toSummary({ ...row, rsvps: viewerRsvp ? [{ status: viewerRsvp }] : [] }, viewer.id),
      );
  const mine = summaries("mine");
  if (mine.length) return { mine: true, sessions: mine };
  return {
    mine: false,
    sessions: summaries("all").filter((session) => session.status !== "CANCELLED"),
  };
}

const pageSelect = (viewer: Actor) =>
  ({
    id: true,
    title: true,
    format: true,
    description: true,
    startsAt: true,
    endsAt: true,
    location: true,
    meetingUrl: true,
    capacity: true,
    goingCount: true,
    goals: true,
    scope: true,
    openQuestions: true,
    status: true,
    cancelledAt: true,
    cancelReason: true,
    completedAt: true,
    createdAt: true,
    scheduledBy: { select: { id: true, name: true } },
    hosts: {
      orderBy: { position: "asc" },
      select: { user: { select: { id: true, name: true, title: true, status: true } } },
    },
    proposal: {
      select: { id: true, title: true, proposer: { select: { id: true, name: true } } },
    },
    preReading: {
      where: { post: listedPostFor(viewer) },
      orderBy: { position: "asc" as const },
      select: { post: { select: { id: true, title: true, summary: true } } },
    },
    communityId: true,
    community: { select: { name: true, slug: true } },
  }) satisfies Prisma.LearningSessionSelect;

export type SessionPageData = NonNullable<Awaited<ReturnType<typeof getSessionPage>>>;

async function peopleWith(sessionId: string, status: RsvpStatus) {
  const rows = await db.sessionRsvp.findMany({
    where: { sessionId, status },
    orderBy:
      status === "WAITLISTED"
        ? [{ waitlistedAt: "asc" }, { createdAt: "asc" }, { userId: "asc" }]
        : [{ createdAt: "asc" }, { userId: "asc" }],
    take: LIST_LIMITS.people,
    select: { attendedAt: true, user: { select: { id: true, name: true, title: true } } },
  });
  return rows.map((row) => ({ ...row.user, attendedAt: row.attendedAt }));
}

/**
 * Everything the session page shows: the session, its hosts and agenda, the viewer's answer
 * (and waitlist place), who is going, and, for its managers, the waitlist in order.
 */
export async function getSessionPage(id: string, viewer: Actor) {
  const session = await db.learningSession.findFirst({
    where: { id, AND: [readableContentWhere(viewer)] },
    select: pageSelect(viewer),
  });
  if (!session) return null;
  const hosts = session.hosts.map((host) => host.user);
  const manages = managesSession(
    viewer,
    hosts.map((host) => host.id),
  );
  const [viewerRsvp, going, waitlisted, waitlistCount] = await Promise.all([
    db.sessionRsvp.findUnique({
      where: { sessionId_userId: { sessionId: id, userId: viewer.id } },
      select: { status: true, attendedAt: true, waitlistedAt: true },
    }),
    peopleWith(id, "GOING"),
    manages ? peopleWith(id, "WAITLISTED") : Promise.resolve([]),
    db.sessionRsvp.count({ where: { sessionId: id, status: "WAITLISTED" } }),
  ]);
  const position =
    viewerRsvp?.status === "WAITLISTED" && viewerRsvp.waitlistedAt
      ? 1 +
        (await db.sessionRsvp.count({
          where: {
            sessionId: id,
            status: "WAITLISTED",
            waitlistedAt: { lt: viewerRsvp.waitlistedAt },
          },
        }))
      : 0;
  return {
    ...session,
    hosts,
    preReading: session.preReading.map((row) => row.post),
    manages,
    hosting: hostsSession(
      viewer,
      hosts.map((host) => host.id),
    ),
    viewerRsvp: viewerRsvp ? { ...viewerRsvp, waitlistPosition: position } : null,
    going,
    waitlisted,
    waitlistCount,
  };
}

/** What the edit form starts from; null when the session does not exist or is not the viewer's to read. */
export async function getSessionForEdit(id: string, viewer: Actor) {
  return db.learningSession.findFirst({
    where: { id, AND: [readableContentWhere(viewer)] },
    select: {
      ...pageSelect(viewer),
      preReading: {
        orderBy: { position: "asc" },
        select: { post: { select: { id: true, title: true } } },
      },
    },
  });
}
