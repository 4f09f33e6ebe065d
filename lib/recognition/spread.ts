// The leaders' fairness view: how public recognition is spread by team and by value over a
// period, and which active members received none lately. Counted in SQL over Recognition
// and RecognitionRecipient only: private feedback is never read here.
import "server-only";
import { idSchema } from "@/lib/core/ids";
import { z } from "zod";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import { rows, sql, sqlb } from "@/lib/core/db/typed-sql";
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
function spreadByTeam(start: string, end: string): Promise<TeamSpread[]> {
  return rows(
    db,
    sqlb
      .with("r", () => publicRecognitions(start, end).select(["id", "giverId"]))
      .with("given", (w) =>
        w
          .selectFrom("r")
          .innerJoin("User as u", "u.id", "r.giverId")
          .select(["u.teamId", COUNT])
          .groupBy("u.teamId"),
      )
      .with("received", (w) =>
        w
          .selectFrom("r")
          .innerJoin("RecognitionRecipient as rr", "rr.recognitionId", "r.id")
          .innerJoin("User as u", "u.id", "rr.userId")
          .select((eb) => [
            "u.teamId",
            COUNT,
            sql<number>`COUNT(DISTINCT ${eb.ref("u.id")})::int`.as("people"),
          ])
          .groupBy("u.teamId"),
      )
      .with("members", (w) =>
        w
          .selectFrom("User")
          .select(["teamId", COUNT])
          .where("status", "=", sql<"ACTIVE">`'ACTIVE'`)
          .groupBy("teamId"),
      )
      .with("teams", (w) =>
        w
          .selectFrom("Team")
          .select(["id", "name", "slug"])
          .$castTo<{ id: string | null; name: string | null; slug: string | null }>()
          .unionAll(
            sqlb.selectNoFrom([
              sql<null>`NULL`.as("id"),
              sql<null>`NULL`.as("name"),
              sql<null>`NULL`.as("slug"),
            ]),
          ),
      )
      .selectFrom("teams as t")
      .leftJoin("members as m", (join) =>
        join.on((eb) => eb("m.teamId", "is not distinct from", eb.ref("t.id"))),
      )
      .leftJoin("given as g", (join) =>
        join.on((eb) => eb("g.teamId", "is not distinct from", eb.ref("t.id"))),
      )
      .leftJoin("received as rc", (join) =>
        join.on((eb) => eb("rc.teamId", "is not distinct from", eb.ref("t.id"))),
      )
      .select((eb) => [
        "t.id as teamId",
        "t.name as teamName",
        "t.slug as teamSlug",
        sql<number>`COALESCE(${eb.ref("m.n")}, 0)`.as("activeMembers"),
        sql<number>`COALESCE(${eb.ref("g.n")}, 0)`.as("given"),
        sql<number>`COALESCE(${eb.ref("rc.n")}, 0)`.as("received"),
        sql<number>`COALESCE(${eb.ref("rc.people")}, 0)`.as("membersRecognised"),
      ])
      .where((eb) =>
        eb.or([eb("m.n", "is not", null), eb("g.n", "is not", null), eb("rc.n", "is not", null)]),
      )
      .orderBy("t.name", (ob) => ob.asc().nullsLast())
      .orderBy("t.id", "asc")
      .limit(500),
  );
}

/**
 * Every active value, and the archived ones recognitions in the period used. Not capped:
 * admins curate values one by one, and a capped list would silently drop some.
 */
function spreadByValue(start: string, end: string): Promise<ValueSpread[]> {
  return rows(
    db,
    sqlb
      .with("r", () => publicRecognitions(start, end).select(["id", "valueId"]))
      .selectFrom("CompanyValue as v")
      .leftJoin("r", "r.valueId", "v.id")
      .leftJoin("RecognitionRecipient as rr", "rr.recognitionId", "r.id")
      .select((eb) => [
        "v.id as valueId",
        "v.name",
        "v.emoji",
        "v.colour",
        sql<boolean>`(${eb.ref("v.archivedAt")} IS NOT NULL)`.as("archived"),
        sql<number>`COUNT(DISTINCT ${eb.ref("r.id")})::int`.as("given"),
        sql<number>`COUNT(${eb.ref("rr.userId")})::int`.as("received"),
      ])
      .groupBy("v.id")
      .having((eb) =>
        eb.or([eb("v.archivedAt", "is", null), sql<boolean>`COUNT(${eb.ref("r.id")}) > 0`]),
      )
      .orderBy("v.archivedAt", (ob) => ob.asc().nullsFirst())
      .orderBy("v.position", "asc")
      .orderBy("v.name", "asc"),
  );
}

const COUNT = sql<number>`COUNT(*)::int`.as("n");

/** Recognitions neither deleted nor hidden, created in [start, end) (ISO instants). */
function publicRecognitions(start: string, end: string) {
  return sqlb
    .selectFrom("Recognition")
    .where((eb) =>
      eb.and([
        eb("deletedAt", "is", null),
        eb("hiddenAt", "is", null),
        eb("createdAt", ">=", sql<Date>`(${start}::timestamptz AT TIME ZONE 'UTC')`),
        eb("createdAt", "<", sql<Date>`(${end}::timestamptz AT TIME ZONE 'UTC')`),
      ]),
    );
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
  const found = await rows(
    db,
    sqlb
      .selectFrom("User as u")
      .leftJoin("Team as t", "t.id", "u.teamId")
      .select(["u.id", "u.name", "u.title", "t.name as teamName", "t.slug as teamSlug"])
      .where("u.status", "=", sql<"ACTIVE">`'ACTIVE'`)
      .$if(!!options.teamSlug, (q) => q.where("t.slug", "=", options.teamSlug!))
      .$if(after !== null, (q) =>
        q.where(
          (eb) =>
            sql<boolean>`(${eb.ref("u.name")}, ${eb.ref("u.id")}) > (${after![0]}, ${after![1]})`,
        ),
      )
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("RecognitionRecipient as rr")
              .innerJoin("Recognition as r", "r.id", "rr.recognitionId")
              .select(sql<number>`1`.as("one"))
              .where((w) =>
                w.and([
                  w("rr.userId", "=", w.ref("u.id")),
                  w("r.deletedAt", "is", null),
                  w("r.hiddenAt", "is", null),
                  w("r.createdAt", ">=", sql<Date>`(${since}::timestamptz AT TIME ZONE 'UTC')`),
                ]),
              ),
          ),
        ),
      )
      .orderBy("u.name", "asc")
      .orderBy("u.id", "asc")
      .limit(take + 1),
  );
  const page = toPage(found, take, (row) => [row.name, row.id]);
  return {
    ...page,
    items: page.items.map(({ teamName, teamSlug, ...row }) => ({
      ...row,
      team: teamName && teamSlug ? { name: teamName, slug: teamSlug } : null,
    })),
  };
}
