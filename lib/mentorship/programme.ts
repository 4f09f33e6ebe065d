// The admins' programme view: every pairing with its status and health (filtered, sorted,
// keyset paginated, and as CSV), mentees waiting for a mentor, mentors with free places, and
// counts now and over time. Counted in SQL; health uses HEALTH_SQL so that the filter, the
// sort and the badge agree. "Today" is the UTC date.
import { csvCell } from "@/lib/core/csv/cell";
import "server-only";
import { idSchema } from "@/lib/core/ids";
import { z } from "zod";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PairingStatus } from "@/lib/generated/prisma/enums";
import { decodeCursorOrThrow, toPage, type Page } from "@/lib/core/pagination/cursor";
import { firstValues } from "@/lib/core/pagination/search-params";
import { parseDateInput, toDateInput, utcToday } from "@/lib/core/dates";
import {
  HEALTH_LABELS,
  HEALTH_SQL,
  PAIRING_STATUS_LABELS,
  PAIRING_STATUSES,
  type PairingHealth,
} from "./health";
import { dueDateOf, type PersonRef } from "./queries";

const PERMISSION = "read:mentorship-programme:any";
export const PROGRAMME_PAGE_SIZE = 25;
export const MAX_TREND_MONTHS = 60;

const HEALTHS = Object.keys(HEALTH_LABELS) as PairingHealth[];

export type PairingSort = "newest" | "oldest-check-in";
export const PAIRING_SORTS: readonly PairingSort[] = ["newest", "oldest-check-in"];

export interface PairingFilters {
  status?: PairingStatus;
  health?: PairingHealth;
  /** Part of the mentor's or the mentee's name. */
  q?: string;
  sort: PairingSort;
}

/** The list's URL query as filters; unknown or malformed values are ignored, not refused. */
export function parsePairingFilters(
  searchParams: Record<string, string | string[] | undefined>,
): PairingFilters {
  const query = firstValues(searchParams);
  const status = query.status?.trim().toUpperCase();
  const health = query.health?.trim().toLowerCase();
  const q = query.q?.trim().slice(0, 100);
  const sort = query.sort?.trim().toLowerCase();
  return {
    ...(status && (PAIRING_STATUSES as readonly string[]).includes(status)
      ? { status: status as PairingStatus }
      : {}),
    ...(health && (HEALTHS as string[]).includes(health)
      ? { health: health as PairingHealth }
      : {}),
    ...(q ? { q } : {}),
    sort: sort === "oldest-check-in" ? "oldest-check-in" : "newest",
  };
}

/** HEALTH_SQL for alias `p` with today's UTC date written in (a date we formatted, no input). */
function healthSql(today: Date): Prisma.Sql {
  const day = toDateInput(today);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error("Invalid date for HEALTH_SQL.");
  return Prisma.raw(`(${HEALTH_SQL.replaceAll("$TODAY", `DATE '${day}'`)})`);
}

/** A LIKE pattern matching `text` anywhere, with its own % _ \ taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface PairingRow {
  id: string;
  mentor: PersonRef;
  mentee: PersonRef;
  status: PairingStatus;
  health: PairingHealth;
  startsOn: Date;
  expectedEndOn: Date | null;
  cadenceDays: number;
  lastCheckInOn: Date | null;
  /** Null unless the pairing is active. */
  nextCheckInDue: Date | null;
  endRequested: boolean;
}

interface RawPairing {
  id: string;
  mentorId: string;
  mentorName: string;
  menteeId: string;
  menteeName: string;
  status: PairingStatus;
  health: PairingHealth;
  startsOn: Date;
  expectedEndOn: Date | null;
  cadenceDays: number;
  lastCheckInOn: Date | null;
  endRequested: boolean;
  createdAt: Date;
}

const newestKey = z.tuple([z.iso.datetime(), idSchema]);
const checkInKey = z.tuple([z.string().refine((v) => parseDateInput(v) !== null), idSchema]);

/** The pairings matching the filters, in the sort's order, after the cursor's row. */
async function pairingRows(
  filters: PairingFilters,
  cursor: string | null | undefined,
  take: number | null,
  today: Date,
): Promise<RawPairing[]> {
  const health = healthSql(today);
  const lastOrStart = Prisma.sql`COALESCE(p."lastCheckInOn", p."startsOn")`;
  const conditions: Prisma.Sql[] = [];
  if (filters.status)
    conditions.push(Prisma.sql`p."status" = CAST(${filters.status} AS "PairingStatus")`);
  if (filters.health) conditions.push(Prisma.sql`${health} = ${filters.health}`);
  if (filters.q) {
    const pattern = containsPattern(filters.q);
    conditions.push(Prisma.sql`(mr."name" ILIKE ${pattern} OR me."name" ILIKE ${pattern})`);
  }
  let order: Prisma.Sql;
  if (filters.sort === "oldest-check-in") {
    // Longest without a check-in (or since the start) first: the most overdue lead.
    const after = cursor ? decodeCursorOrThrow(cursor, checkInKey) : null;
    if (after) {
      conditions.push(
        Prisma.sql`(${lastOrStart}, p."id") > (CAST(${after[0]} AS date), ${after[1]})`,
      );
    }
    order = Prisma.sql`${lastOrStart} ASC, p."id" ASC`;
  } else {
    const after = cursor ? decodeCursorOrThrow(cursor, newestKey) : null;
    if (after) {
      // Timestamps are stored as UTC without a zone.
      conditions.push(
        Prisma.sql`(p."createdAt", p."id") < ((CAST(${after[0]} AS timestamptz) AT TIME ZONE 'UTC'), ${after[1]})`,
      );
    }
    order = Prisma.sql`p."createdAt" DESC, p."id" DESC`;
  }
  const where = conditions.length
    ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}`
    : Prisma.empty;
  return db.$queryRaw<RawPairing[]>`
    SELECT p."id", p."mentorId", mr."name" AS "mentorName", p."menteeId", me."name" AS "menteeName",
           p."status", ${health} AS "health", p."startsOn", p."expectedEndOn", p."cadenceDays",
           p."lastCheckInOn", (p."endRequestedAt" IS NOT NULL) AS "endRequested", p."createdAt"
    FROM "MentorPairing" p
    JOIN "User" mr ON mr."id" = p."mentorId"
    JOIN "User" me ON me."id" = p."menteeId"
    ${where}
    ORDER BY ${order}
    ${take === null ? Prisma.empty : Prisma.sql`LIMIT ${take + 1}`}`;
}

function toPairingRow(row: RawPairing): PairingRow {
  return {
    id: row.id,
    mentor: { id: row.mentorId, name: row.mentorName },
    mentee: { id: row.menteeId, name: row.menteeName },
    status: row.status,
    health: row.health,
    startsOn: row.startsOn,
    expectedEndOn: row.expectedEndOn,
    cadenceDays: row.cadenceDays,
    lastCheckInOn: row.lastCheckInOn,
    nextCheckInDue: dueDateOf(row),
    endRequested: row.endRequested,
  };
}

/** All pairings, filtered and sorted, 25 a page. A malformed cursor throws InvalidCursor. */
export async function listPairings(
  actor: Actor,
  filters: PairingFilters,
  cursor?: string | null,
  now = new Date(),
): Promise<Page<PairingRow>> {
  authorize(actor, PERMISSION);
  const rows = await pairingRows(filters, cursor, PROGRAMME_PAGE_SIZE, utcToday(now));
  const page = toPage(rows, PROGRAMME_PAGE_SIZE, (row) =>
    filters.sort === "oldest-check-in"
      ? [toDateInput(row.lastCheckInOn ?? row.startsOn), row.id]
      : [row.createdAt.toISOString(), row.id],
  );
  return { nextCursor: page.nextCursor, items: page.items.map(toPairingRow) };
}

const CSV_HEADER = [
  "Mentor",
  "Mentee",
  "Status",
  "Health",
  "Started",
  "Expected end",
  "Cadence (days)",
  "Last check-in",
  "Next check-in due",
  "End requested",
];

const day = (date: Date | null) => (date ? toDateInput(date) : "");

/** Every pairing matching the filters (no paging), in the list's order, as CSV. */
export async function pairingsCsv(
  actor: Actor,
  filters: PairingFilters,
  now = new Date(),
): Promise<string> {
  authorize(actor, PERMISSION);
  const rows = (await pairingRows(filters, null, null, utcToday(now))).map(toPairingRow);
  const lines = [
    CSV_HEADER,
    ...rows.map((row) => [
      row.mentor.name,
      row.mentee.name,
      PAIRING_STATUS_LABELS[row.status],
      HEALTH_LABELS[row.health],
      day(row.startsOn),
      day(row.expectedEndOn),
      String(row.cadenceDays),
      day(row.lastCheckInOn),
      day(row.nextCheckInDue),
      row.endRequested ? "Yes" : "No",
    ]),
  ];
  return `${lines.map((cells) => cells.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

export interface WaitingMentee {
  requestId: string;
  mentee: { id: string; name: string; teamName: string | null };
  note: string;
  createdAt: Date;
  /** Whole UTC days since the request (0 on the day it was made). */
  daysWaiting: number;
}

const waitingKey = z.tuple([z.iso.datetime(), idSchema]);

/**
 * Requests waiting for a mentor, oldest first, 25 a page. Requests of deactivated members
 * are left out: they can't be paired.
 */
export async function waitingMentees(
  actor: Actor,
  cursor?: string | null,
  now = new Date(),
): Promise<Page<WaitingMentee>> {
  authorize(actor, PERMISSION);
  const after = cursor ? decodeCursorOrThrow(cursor, waitingKey) : null;
  const today = toDateInput(utcToday(now));
  const rows = await db.$queryRaw<
    {
      requestId: string;
      menteeId: string;
      menteeName: string;
      teamName: string | null;
      note: string;
      createdAt: Date;
      daysWaiting: number;
    }[]
  >`
    SELECT r."id" AS "requestId", u."id" AS "menteeId", u."name" AS "menteeName",
           t."name" AS "teamName", r."note", r."createdAt",
           (CAST(${today} AS date) - CAST(r."createdAt" AS date))::int AS "daysWaiting"
    FROM "MentorRequest" r
    JOIN "User" u ON u."id" = r."menteeId"
    LEFT JOIN "Team" t ON t."id" = u."teamId"
    WHERE r."status" = 'WAITING' AND u."status" = 'ACTIVE'
      ${
        after
          ? Prisma.sql`AND (r."createdAt", r."id") > ((CAST(${after[0]} AS timestamptz) AT TIME ZONE 'UTC'), ${after[1]})`
          : Prisma.empty
      }
    ORDER BY r."createdAt" ASC, r."id" ASC
    LIMIT ${PROGRAMME_PAGE_SIZE + 1}`;
  const page = toPage(rows, PROGRAMME_PAGE_SIZE, (row) => [
    row.createdAt.toISOString(),
    row.requestId,
  ]);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map(({ menteeId, menteeName, teamName, ...row }) => ({
      ...row,
      mentee: { id: menteeId, name: menteeName, teamName },
    })),
  };
}

export interface MentorWithCapacity {
  id: string;
  name: string;
  teamName: string | null;
  maxMentees: number;
  /** Active and paused pairings as mentor: both hold a place. */
  activeMentees: number;
  freeSeats: number;
  /** Names of the skills the mentor offers, alphabetically. */
  offers: string[];
}

/** Active members open to mentoring who have a free place, most free places first. */
export async function mentorsWithCapacity(actor: Actor): Promise<MentorWithCapacity[]> {
  authorize(actor, PERMISSION);
  return db.$queryRaw<MentorWithCapacity[]>`
    WITH taken AS (
      SELECT "mentorId", COUNT(*)::int AS "n" FROM "MentorPairing"
      WHERE "status" IN ('ACTIVE', 'PAUSED') GROUP BY "mentorId"
    ),
    mentors AS (
      SELECT u."id", u."name", t."name" AS "teamName", mp."maxMentees",
             COALESCE(tk."n", 0) AS "activeMentees", mp."maxMentees" - COALESCE(tk."n", 0) AS "freeSeats"
      FROM "MentorshipProfile" mp
      JOIN "User" u ON u."id" = mp."userId"
      LEFT JOIN "Team" t ON t."id" = u."teamId"
      LEFT JOIN taken tk ON tk."mentorId" = u."id"
      WHERE mp."openToMentor" AND u."status" = 'ACTIVE'
    )
    SELECT m.*,
           COALESCE((
             SELECT array_agg(s."name" ORDER BY s."name", s."id")
             FROM "MemberSkill" ms JOIN "Skill" s ON s."id" = ms."skillId"
             WHERE ms."userId" = m."id" AND ms."kind" = 'OFFERED'
           ), ARRAY[]::text[]) AS "offers"
    FROM mentors m
    WHERE m."freeSeats" > 0
    ORDER BY m."freeSeats" DESC, m."name" ASC, m."id" ASC`;
}

export interface ProgrammeSummary {
  byStatus: Record<PairingStatus, number>;
  /** Active pairings past their check-in's grace period, and inside it. */
  overdue: number;
  due: number;
  /** Requests waiting for a mentor (of active members). */
  waiting: number;
  mentorsWithFreeSeats: number;
  freeSeats: number;
}

/** Reads raw SQL: the app's client, or a transaction that holds a snapshot (tests). */
type SqlReader = Pick<TransactionClient, "$queryRaw">;

/** The programme's figures today. */
export async function programmeSummary(actor: Actor, now = new Date()): Promise<ProgrammeSummary> {
  authorize(actor, PERMISSION);
  return summaryAsSeenBy(db, utcToday(now));
}

/** programmeSummary's figures as `client` sees them (no permission check: callers do it). */
export async function summaryAsSeenBy(client: SqlReader, today: Date): Promise<ProgrammeSummary> {
  const health = healthSql(today);
  const [counts] = await client.$queryRaw<
    (Record<PairingStatus, number> & Omit<ProgrammeSummary, "byStatus">)[]
  >`
    WITH pairings AS (
      SELECT p."status", ${health} AS "health" FROM "MentorPairing" p
    ),
    taken AS (
      SELECT "mentorId", COUNT(*)::int AS "n" FROM "MentorPairing"
      WHERE "status" IN ('ACTIVE', 'PAUSED') GROUP BY "mentorId"
    ),
    free AS (
      SELECT mp."maxMentees" - COALESCE(tk."n", 0) AS "seats"
      FROM "MentorshipProfile" mp
      JOIN "User" u ON u."id" = mp."userId"
      LEFT JOIN taken tk ON tk."mentorId" = mp."userId"
      WHERE mp."openToMentor" AND u."status" = 'ACTIVE'
    )
    SELECT
      (SELECT COUNT(*)::int FROM pairings WHERE "status" = 'ACTIVE') AS "ACTIVE",
      (SELECT COUNT(*)::int FROM pairings WHERE "status" = 'PAUSED') AS "PAUSED",
      (SELECT COUNT(*)::int FROM pairings WHERE "status" = 'COMPLETED') AS "COMPLETED",
      (SELECT COUNT(*)::int FROM pairings WHERE "status" = 'ENDED') AS "ENDED",
      (SELECT COUNT(*)::int FROM pairings WHERE "health" = 'overdue') AS "overdue",
      (SELECT COUNT(*)::int FROM pairings WHERE "health" = 'due') AS "due",
      (SELECT COUNT(*)::int FROM "MentorRequest" r JOIN "User" u ON u."id" = r."menteeId"
        WHERE r."status" = 'WAITING' AND u."status" = 'ACTIVE') AS "waiting",
      (SELECT COUNT(*)::int FROM free WHERE "seats" > 0) AS "mentorsWithFreeSeats",
      (SELECT COALESCE(SUM("seats"), 0)::int FROM free WHERE "seats" > 0) AS "freeSeats"`;
  const { ACTIVE, PAUSED, COMPLETED, ENDED, ...rest } = counts!;
  return { byStatus: { ACTIVE, PAUSED, COMPLETED, ENDED }, ...rest };
}

export interface TrendMonth {
  /** "2026-03" (UTC). */
  month: string;
  /** Pairings whose start date falls in the month. */
  started: number;
  /** Pairings completed, and ended, during the month. */
  completed: number;
  ended: number;
  /** Pairings running at the month's end; see programmeTrend. */
  activeAtEnd: number;
}

/**
 * Counts per UTC month for the last `months` months (this one included), oldest first.
 *
 * "Active at the month's end" counts the pairings that had started by the month's last day
 * (startsOn before the next month) and had not closed by then: they are still active or paused
 * today, or they completed or ended after the month (completedAt/endedAt in a later month).
 * A pause does not stop a pairing counting, as a paused pairing still holds its mentor's place
 * (and pauses are not dated historically anyway). For the current month "the month's end" is
 * in the future, so the figure is the pairings running now plus any starting later this month.
 */
export async function programmeTrend(
  actor: Actor,
  months = 12,
  now = new Date(),
): Promise<TrendMonth[]> {
  authorize(actor, PERMISSION);
  return trendAsSeenBy(db, months, utcToday(now));
}

/** programmeTrend's figures as `client` sees them (no permission check: callers do it). */
export async function trendAsSeenBy(
  client: SqlReader,
  months: number,
  today: Date,
): Promise<TrendMonth[]> {
  const count = Math.min(Math.max(Math.trunc(months) || 1, 1), MAX_TREND_MONTHS);
  const last = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
  const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - (count - 1), 1));
  return client.$queryRaw<TrendMonth[]>`
    WITH months AS (
      SELECT CAST(m AS date) AS "start", CAST(m + INTERVAL '1 month' AS date) AS "next"
      FROM generate_series(CAST(${toDateInput(first)} AS timestamp),
                           CAST(${toDateInput(last)} AS timestamp), INTERVAL '1 month') AS m
    )
    SELECT to_char(m."start", 'YYYY-MM') AS "month",
      (SELECT COUNT(*)::int FROM "MentorPairing" p
        WHERE p."startsOn" >= m."start" AND p."startsOn" < m."next") AS "started",
      (SELECT COUNT(*)::int FROM "MentorPairing" p
        WHERE p."completedAt" >= m."start" AND p."completedAt" < m."next") AS "completed",
      (SELECT COUNT(*)::int FROM "MentorPairing" p
        WHERE p."endedAt" >= m."start" AND p."endedAt" < m."next") AS "ended",
      (SELECT COUNT(*)::int FROM "MentorPairing" p
        WHERE p."startsOn" < m."next"
          AND (p."status" IN ('ACTIVE', 'PAUSED')
               OR COALESCE(p."completedAt", p."endedAt") >= m."next")) AS "activeAtEnd"
    FROM months m
    ORDER BY m."start" ASC`;
}
