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
import { rows, sql, sqlb, type RawClient } from "@/lib/core/db/typed-sql";
import type { Expression } from "kysely";
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

/**
 * HEALTH_SQL for alias `p` with today's UTC date written in (a date we formatted, no input).
 * HEALTH_SQL names the pairing's columns on alias p in its own text.
 */
function healthSql(today: Date) {
  const day = toDateInput(today);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error("Invalid date for HEALTH_SQL.");
  return sql<PairingHealth>`${sql.raw(`(${HEALTH_SQL.replaceAll("$TODAY", `DATE '${day}'`)})`)}`;
}

const ACTIVE_SQL = sql<"ACTIVE">`'ACTIVE'`;
const PAUSED_SQL = sql<"PAUSED">`'PAUSED'`;
const WAITING_SQL = sql<"WAITING">`'WAITING'`;
const COUNT = sql<number>`COUNT(*)::int`.as("n");
/** A scalar subquery's one value (a COUNT, never null). */
const scalar = (query: Expression<unknown>) => sql<number>`${query}`;

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

const newestKey = z.tuple([z.iso.datetime(), idSchema]);
const checkInKey = z.tuple([z.string().refine((v) => parseDateInput(v) !== null), idSchema]);

/** The pairings matching the filters, in the sort's order, after the cursor's row. */
async function pairingRows(
  filters: PairingFilters,
  cursor: string | null | undefined,
  take: number | null,
  today: Date,
) {
  const health = healthSql(today);
  let query = sqlb
    .selectFrom("MentorPairing as p")
    .innerJoin("User as mr", "mr.id", "p.mentorId")
    .innerJoin("User as me", "me.id", "p.menteeId")
    .select((eb) => [
      "p.id",
      "p.mentorId",
      "mr.name as mentorName",
      "p.menteeId",
      "me.name as menteeName",
      "p.status",
      health.as("health"),
      "p.startsOn",
      "p.expectedEndOn",
      "p.cadenceDays",
      "p.lastCheckInOn",
      sql<boolean>`(${eb.ref("p.endRequestedAt")} IS NOT NULL)`.as("endRequested"),
      "p.createdAt",
    ]);
  const { status, health: wantedHealth, q } = filters;
  if (status)
    query = query.where("p.status", "=", sql<PairingStatus>`CAST(${status} AS "PairingStatus")`);
  if (wantedHealth) query = query.where(health, "=", wantedHealth);
  if (q) {
    const pattern = containsPattern(q);
    query = query.where((eb) =>
      eb.or([eb("mr.name", "ilike", pattern), eb("me.name", "ilike", pattern)]),
    );
  }
  if (filters.sort === "oldest-check-in") {
    // Longest without a check-in (or since the start) first: the most overdue lead.
    const lastOrStart = sql<Date>`COALESCE(${sql.ref("p.lastCheckInOn")}, ${sql.ref("p.startsOn")})`;
    const after = cursor ? decodeCursorOrThrow(cursor, checkInKey) : null;
    if (after) {
      query = query.where(
        (eb) =>
          sql<boolean>`(COALESCE(${eb.ref("p.lastCheckInOn")}, ${eb.ref("p.startsOn")}), ${eb.ref("p.id")}) > (CAST(${after[0]} AS date), ${after[1]})`,
      );
    }
    query = query.orderBy(lastOrStart, "asc").orderBy("p.id", "asc");
  } else {
    const after = cursor ? decodeCursorOrThrow(cursor, newestKey) : null;
    if (after) {
      // Timestamps are stored as UTC without a zone.
      query = query.where(
        (eb) =>
          sql<boolean>`(${eb.ref("p.createdAt")}, ${eb.ref("p.id")}) < ((CAST(${after[0]} AS timestamptz) AT TIME ZONE 'UTC'), ${after[1]})`,
      );
    }
    query = query.orderBy("p.createdAt", "desc").orderBy("p.id", "desc");
  }
  return rows(db, take === null ? query : query.limit(take + 1));
}

type RawPairing = Awaited<ReturnType<typeof pairingRows>>[number];

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
  /** Mentors the mentee already has (active or paused pairings), by name. */
  currentMentors: string[];
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
  let query = sqlb
    .selectFrom("MentorRequest as r")
    .innerJoin("User as u", "u.id", "r.menteeId")
    .leftJoin("Team as t", "t.id", "u.teamId")
    .select((eb) => [
      "r.id as requestId",
      "u.id as menteeId",
      "u.name as menteeName",
      "t.name as teamName",
      "r.note",
      "r.createdAt",
      sql<number>`(CAST(${today} AS date) - CAST(${eb.ref("r.createdAt")} AS date))::int`.as(
        "daysWaiting",
      ),
      sql<
        string[]
      >`ARRAY(SELECT m."name" FROM "MentorPairing" p JOIN "User" m ON m."id" = p."mentorId"
        WHERE p."menteeId" = ${eb.ref("u.id")} AND p."status" IN (${ACTIVE_SQL}, ${PAUSED_SQL})
        ORDER BY p."createdAt")`.as("currentMentors"),
    ])
    .where((eb) => eb.and([eb("r.status", "=", WAITING_SQL), eb("u.status", "=", ACTIVE_SQL)]));
  if (after) {
    query = query.where(
      (eb) =>
        sql<boolean>`(${eb.ref("r.createdAt")}, ${eb.ref("r.id")}) > ((CAST(${after[0]} AS timestamptz) AT TIME ZONE 'UTC'), ${after[1]})`,
    );
  }
  const found = await rows(
    db,
    query
      .orderBy("r.createdAt", "asc")
      .orderBy("r.id", "asc")
      .limit(PROGRAMME_PAGE_SIZE + 1),
  );
  const page = toPage(found, PROGRAMME_PAGE_SIZE, (row) => [
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
  const mentors: MentorWithCapacity[] = await rows(
    db,
    sqlb
      .with("taken", () => takenPlaces())
      .with("mentors", (w) =>
        w
          .selectFrom("MentorshipProfile as mp")
          .innerJoin("User as u", "u.id", "mp.userId")
          .leftJoin("Team as t", "t.id", "u.teamId")
          .leftJoin("taken as tk", "tk.mentorId", "u.id")
          .select((eb) => [
            "u.id",
            "u.name",
            "t.name as teamName",
            "mp.maxMentees",
            sql<number>`COALESCE(${eb.ref("tk.n")}, 0)`.as("activeMentees"),
            sql<number>`${eb.ref("mp.maxMentees")} - COALESCE(${eb.ref("tk.n")}, 0)`.as(
              "freeSeats",
            ),
          ])
          .where((eb) => eb.and([eb.ref("mp.openToMentor"), eb("u.status", "=", ACTIVE_SQL)])),
      )
      .selectFrom("mentors as m")
      .selectAll("m")
      .select((eb) => {
        const offered = eb
          .selectFrom("MemberSkill as ms")
          .innerJoin("Skill as s", "s.id", "ms.skillId")
          .select((e) =>
            sql<
              string[]
            >`array_agg(${e.ref("s.name")} ORDER BY ${e.ref("s.name")}, ${e.ref("s.id")})`.as(
              "names",
            ),
          )
          .where((e) =>
            e.and([
              e("ms.userId", "=", e.ref("m.id")),
              e("ms.kind", "=", sql<"OFFERED">`'OFFERED'`),
            ]),
          );
        return sql<string[]>`COALESCE(${offered}, ARRAY[]::text[])`.as("offers");
      })
      .where("m.freeSeats", ">", sql<number>`0`)
      .orderBy("m.freeSeats", "desc")
      .orderBy("m.name", "asc")
      .orderBy("m.id", "asc"),
  );
  return mentors;
}

/** Mentors' places taken: active and paused pairings as mentor, per mentor ("mentorId", "n"). */
function takenPlaces() {
  return sqlb
    .selectFrom("MentorPairing")
    .select(["mentorId", COUNT])
    .where("status", "in", [ACTIVE_SQL, PAUSED_SQL])
    .groupBy("mentorId");
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
type SqlReader = RawClient;

/** The programme's figures today. */
export async function programmeSummary(actor: Actor, now = new Date()): Promise<ProgrammeSummary> {
  authorize(actor, PERMISSION);
  return summaryAsSeenBy(db, utcToday(now));
}

/** programmeSummary's figures as `client` sees them (no permission check: callers do it). */
export async function summaryAsSeenBy(client: SqlReader, today: Date): Promise<ProgrammeSummary> {
  const health = healthSql(today);
  const status = (value: PairingStatus) => sql<PairingStatus>`${sql.lit(value)}`;
  const [counts] = await rows(
    client,
    sqlb
      .with("pairings", (w) =>
        w.selectFrom("MentorPairing as p").select(["p.status", health.as("health")]),
      )
      .with("taken", () => takenPlaces())
      .with("free", (w) =>
        w
          .selectFrom("MentorshipProfile as mp")
          .innerJoin("User as u", "u.id", "mp.userId")
          .leftJoin("taken as tk", "tk.mentorId", "mp.userId")
          .select((eb) =>
            sql<number>`${eb.ref("mp.maxMentees")} - COALESCE(${eb.ref("tk.n")}, 0)`.as("seats"),
          )
          .where((eb) => eb.and([eb.ref("mp.openToMentor"), eb("u.status", "=", ACTIVE_SQL)])),
      )
      .selectNoFrom((eb) => {
        const pairings = eb.selectFrom("pairings").select(COUNT);
        const free = eb.selectFrom("free").where("seats", ">", sql<number>`0`);
        return [
          scalar(pairings.where("status", "=", status("ACTIVE"))).as("ACTIVE"),
          scalar(pairings.where("status", "=", status("PAUSED"))).as("PAUSED"),
          scalar(pairings.where("status", "=", status("COMPLETED"))).as("COMPLETED"),
          scalar(pairings.where("status", "=", status("ENDED"))).as("ENDED"),
          scalar(pairings.where("health", "=", sql<PairingHealth>`'overdue'`)).as("overdue"),
          scalar(pairings.where("health", "=", sql<PairingHealth>`'due'`)).as("due"),
          scalar(
            eb
              .selectFrom("MentorRequest as r")
              .innerJoin("User as u", "u.id", "r.menteeId")
              .select(COUNT)
              .where((w) =>
                w.and([w("r.status", "=", WAITING_SQL), w("u.status", "=", ACTIVE_SQL)]),
              ),
          ).as("waiting"),
          scalar(free.select(COUNT)).as("mentorsWithFreeSeats"),
          scalar(
            free.select((f) => sql<number>`COALESCE(SUM(${f.ref("seats")}), 0)::int`.as("n")),
          ).as("freeSeats"),
        ];
      }),
  );
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
  const trend: TrendMonth[] = await rows(
    client,
    sqlb
      .with(
        "months",
        () => sql<{ start: Date; next: Date }>`(
          SELECT CAST(m AS date) AS "start", CAST(m + INTERVAL '1 month' AS date) AS "next"
          FROM generate_series(CAST(${toDateInput(first)} AS timestamp),
                               CAST(${toDateInput(last)} AS timestamp), INTERVAL '1 month') AS m)`,
      )
      .selectFrom("months as m")
      .select((eb) => {
        const pairings = eb.selectFrom("MentorPairing as p").select(COUNT);
        const within = (column: "p.startsOn" | "p.completedAt" | "p.endedAt") =>
          scalar(
            pairings.where((w) =>
              w.and([w(column, ">=", w.ref("m.start")), w(column, "<", w.ref("m.next"))]),
            ),
          );
        return [
          sql<string>`to_char(${eb.ref("m.start")}, 'YYYY-MM')`.as("month"),
          within("p.startsOn").as("started"),
          within("p.completedAt").as("completed"),
          within("p.endedAt").as("ended"),
          scalar(
            pairings.where((w) =>
              w.and([
                w("p.startsOn", "<", w.ref("m.next")),
                w.or([
                  w("p.status", "in", [ACTIVE_SQL, PAUSED_SQL]),
                  w(
                    sql<Date | null>`COALESCE(${w.ref("p.completedAt")}, ${w.ref("p.endedAt")})`,
                    ">=",
                    w.ref("m.next"),
                  ),
                ]),
              ]),
            ),
          ).as("activeAtEnd"),
        ];
      })
      .orderBy("m.start", "asc"),
  );
  return trend;
}
