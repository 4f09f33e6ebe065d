// The leaders' fairness view: how public recognition is spread by team and by value over a
// period, and which active members received none lately. Counted in SQL over Recognition
// and RecognitionRecipient only: private feedback is never read here.
import "server-only";
import { idSchema } from "@/lib/core/ids";
import { z } from "zod";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  decodeCursorOrThrow,
  DEFAULT_PAGE_SIZE,
  toPage,
  type Page,
} from "@/lib/core/pagination/cursor";
import { parseDateInput, toDateInput, utcToday } from "@/lib/core/dates";

const DAY_MS = 24 * 60 * 60_000;
export const DEFAULT_PERIOD_DAYS = 90;
/** "Received none lately" looks this far back, whatever period the tables show. */
export const QUIET_DAYS = 90;
export const MAX_PERIOD_DAYS = 3 * 366;

export interface Period {
  /** Inclusive first day and last day, as "YYYY-MM-DD" (UTC). */
  from: string;
  to: string;
}

const dateField = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .refine(
      (value) => !value || parseDateInput(value) !== null,
      `Enter the ${label} date as year, month and day.`,
    );

/** The form's from/to dates; empty means the last 90 days up to today (UTC). */
export const periodSchema = z
  .object({ from: dateField("first"), to: dateField("last") })
  .transform(({ from, to }) => {
    const today = utcToday();
    const last = to ? parseDateInput(to)! : today;
    const first = from
      ? parseDateInput(from)!
      : new Date(last.getTime() - (DEFAULT_PERIOD_DAYS - 1) * DAY_MS);
    return { from: toDateInput(first), to: toDateInput(last) };
  })
  .refine(({ from, to }) => from <= to, {
    message: "The first day must not be after the last day.",
    path: ["to"],
  })
  .refine(({ from, to }) => spanDays({ from, to }) <= MAX_PERIOD_DAYS, {
    message: `Choose a period of at most ${MAX_PERIOD_DAYS} days.`,
    path: ["from"],
  });

const spanDays = ({ from, to }: Period) =>
  (parseDateInput(to)!.getTime() - parseDateInput(from)!.getTime()) / DAY_MS + 1;

/** The period as [start, end) instants; timestamps are stored as UTC without a zone. */
function bounds({ from, to }: Period) {
  const start = parseDateInput(from)!;
  const end = new Date(parseDateInput(to)!.getTime() + DAY_MS);
  return { start: start.toISOString(), end: end.toISOString() };
}

export interface TeamSpread {
  teamId: string | null;
  teamName: string | null;
  teamSlug: string | null;
  activeMembers: number;
  /** Recognitions given by the team's members. */
  given: number;
  /** Times the team's members were recognised (one per recipient). */
  received: number;
  /** Distinct members of the team who were recognised. */
  membersRecognised: number;
}

export interface ValueSpread {
  valueId: string;
  name: string;
  emoji: string;
  colour: string;
  archived: boolean;
  /** Recognitions given for the value. */
  given: number;
  /** Times members were recognised for it (one per recipient). */
  received: number;
}

export interface RecognitionSpread {
  period: Period;
  byTeam: TeamSpread[];
  byValue: ValueSpread[];
}

/** Counted over current teams: a member who moved counts for the team they are in now. */
function spreadByTeam(start: string, end: string) {
  return db.$queryRaw<TeamSpread[]>`
    WITH r AS (
      SELECT "id", "giverId" FROM "Recognition"
      WHERE "deletedAt" IS NULL AND "hiddenAt" IS NULL
        AND "createdAt" >= (${start}::timestamptz AT TIME ZONE 'UTC')
        AND "createdAt" < (${end}::timestamptz AT TIME ZONE 'UTC')
    ),
    given AS (
      SELECT u."teamId", COUNT(*)::int AS "n"
      FROM r JOIN "User" u ON u."id" = r."giverId" GROUP BY u."teamId"
    ),
    received AS (
      SELECT u."teamId", COUNT(*)::int AS "n", COUNT(DISTINCT u."id")::int AS "people"
      FROM r
      JOIN "RecognitionRecipient" rr ON rr."recognitionId" = r."id"
      JOIN "User" u ON u."id" = rr."userId"
      GROUP BY u."teamId"
    ),
    members AS (
      SELECT "teamId", COUNT(*)::int AS "n" FROM "User" WHERE "status" = 'ACTIVE' GROUP BY "teamId"
    ),
    teams AS (
      SELECT "id", "name", "slug" FROM "Team"
      UNION ALL SELECT NULL, NULL, NULL
    )
    SELECT t."id" AS "teamId", t."name" AS "teamName", t."slug" AS "teamSlug",
           COALESCE(m."n", 0) AS "activeMembers", COALESCE(g."n", 0) AS "given",
           COALESCE(rc."n", 0) AS "received", COALESCE(rc."people", 0) AS "membersRecognised"
    FROM teams t
    LEFT JOIN members m ON m."teamId" IS NOT DISTINCT FROM t."id"
    LEFT JOIN given g ON g."teamId" IS NOT DISTINCT FROM t."id"
    LEFT JOIN received rc ON rc."teamId" IS NOT DISTINCT FROM t."id"
    WHERE m."n" IS NOT NULL OR g."n" IS NOT NULL OR rc."n" IS NOT NULL
    ORDER BY t."name" ASC NULLS LAST, t."id" ASC
    LIMIT 500`;
}

/**
 * Every active value, and the archived ones recognitions in the period used. Not capped:
 * admins curate values one by one, and a capped list would silently drop some.
 */
function spreadByValue(start: string, end: string) {
  return db.$queryRaw<ValueSpread[]>`
    WITH r AS (
      SELECT "id", "valueId" FROM "Recognition"
      WHERE "deletedAt" IS NULL AND "hiddenAt" IS NULL
        AND "createdAt" >= (${start}::timestamptz AT TIME ZONE 'UTC')
        AND "createdAt" < (${end}::timestamptz AT TIME ZONE 'UTC')
    )
    SELECT v."id" AS "valueId", v."name", v."emoji", v."colour",
           (v."archivedAt" IS NOT NULL) AS "archived",
           COUNT(DISTINCT r."id")::int AS "given", COUNT(rr."userId")::int AS "received"
    FROM "CompanyValue" v
    LEFT JOIN r ON r."valueId" = v."id"
    LEFT JOIN "RecognitionRecipient" rr ON rr."recognitionId" = r."id"
    GROUP BY v."id"
    HAVING v."archivedAt" IS NULL OR COUNT(r."id") > 0
    ORDER BY v."archivedAt" ASC NULLS FIRST, v."position" ASC, v."name" ASC`;
}

/** Recognition given and received by team and by value over the period. Leaders only. */
export async function recognitionSpread(viewer: Actor, period: Period): Promise<RecognitionSpread> {
  authorize(viewer, "read:recognition-insights:any");
  const { start, end } = bounds(period);
  const [byTeam, byValue] = await Promise.all([
    spreadByTeam(start, end),
    spreadByValue(start, end),
  ]);
  return { period, byTeam, byValue };
}

export interface QuietMember {
  id: string;
  name: string;
  title: string | null;
  team: { name: string; slug: string } | null;
}

const nameKey = z.tuple([z.string().max(200), idSchema]);

/**
 * Active members who received no public recognition in the last 90 days, by name, keyset
 * paginated on (name, id); optionally one team's (by slug). Leaders only.
 */
export async function quietMembers(
  viewer: Actor,
  options: { teamSlug?: string; cursor?: string } = {},
  take = DEFAULT_PAGE_SIZE,
  now = new Date(),
): Promise<Page<QuietMember>> {
  authorize(viewer, "read:recognition-insights:any");
  const since = new Date(now.getTime() - QUIET_DAYS * DAY_MS).toISOString();
  const after = options.cursor ? decodeCursorOrThrow(options.cursor, nameKey) : null;
  const rows = await db.$queryRaw<
    {
      id: string;
      name: string;
      title: string | null;
      teamName: string | null;
      teamSlug: string | null;
    }[]
  >`
    SELECT u."id", u."name", u."title", t."name" AS "teamName", t."slug" AS "teamSlug"
    FROM "User" u
    LEFT JOIN "Team" t ON t."id" = u."teamId"
    WHERE u."status" = 'ACTIVE'
      ${options.teamSlug ? Prisma.sql`AND t."slug" = ${options.teamSlug}` : Prisma.empty}
      ${after ? Prisma.sql`AND (u."name", u."id") > (${after[0]}, ${after[1]})` : Prisma.empty}
      AND NOT EXISTS (
        SELECT 1 FROM "RecognitionRecipient" rr
        JOIN "Recognition" r ON r."id" = rr."recognitionId"
        WHERE rr."userId" = u."id" AND r."deletedAt" IS NULL AND r."hiddenAt" IS NULL
          AND r."createdAt" >= (${since}::timestamptz AT TIME ZONE 'UTC')
      )
    ORDER BY u."name" ASC, u."id" ASC
    LIMIT ${take + 1}`;
  const page = toPage(rows, take, (row) => [row.name, row.id]);
  return {
    ...page,
    items: page.items.map(({ teamName, teamSlug, ...row }) => ({
      ...row,
      team: teamName && teamSlug ? { name: teamName, slug: teamSlug } : null,
    })),
  };
}
