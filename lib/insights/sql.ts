// SQL building blocks shared by the insights' figures. Timestamps are stored as UTC without
// a zone, so instants are passed as ISO strings and turned into UTC timestamps in SQL.
import type { TransactionClient } from "@/lib/core/db/create-client";
import { sql as typedSql, sqlb, type RawClient } from "@/lib/core/db/typed-sql";
import type { Expression } from "kysely";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Periods } from "./period";

/** Reads raw SQL: the app's client, or a transaction (tests run figures in one they roll back). */
export type SqlClient = Pick<TransactionClient, "$queryRaw"> & RawClient;

/** Each figure set is computed for the current period and for the previous one. */
export interface Compared<T> {
  current: T;
  previous: T;
}

/** An instant as a UTC `timestamp` (the columns' type). */
export function ts(instant: Date): Prisma.Sql {
  return Prisma.sql`(CAST(${instant.toISOString()} AS timestamptz) AT TIME ZONE 'UTC')`;
}

/** ts() for queries built with lib/core/db/typed-sql (docs/decisions/015-typed-sql.md). */
export function utcTimestamp(instant: Date) {
  return typedSql<Date>`(CAST(${instant.toISOString()} AS timestamptz) AT TIME ZONE 'UTC')`;
}

/**
 * The CTE `periods("key", "from", "to")`, one row per period, so that one statement counts
 * both periods (each section's figures are grouped or joined by period key).
 */
export function periodsCte(periods: Periods): Prisma.Sql {
  return Prisma.sql`periods("key", "from", "to") AS (
      VALUES ('current', ${ts(periods.current.from)}, ${ts(periods.current.to)}),
             ('previous', ${ts(periods.previous.from)}, ${ts(periods.previous.to)})
    )`;
}

/**
 * periodsCte() for queries built with lib/core/db/typed-sql: `periods` as a typed query,
 * ("key", "from", "to") per period, for `.with("periods", () => periodsQuery(periods))`.
 */
export function periodsQuery(periods: Periods) {
  const row = (key: "current" | "previous", from: Date, to: Date) =>
    sqlb.selectNoFrom([
      typedSql<string>`${typedSql.lit(key)}::text`.as("key"),
      utcTimestamp(from).as("from"),
      utcTimestamp(to).as("to"),
    ]);
  return row("current", periods.current.from, periods.current.to).unionAll(
    row("previous", periods.previous.from, periods.previous.to),
  );
}

/**
 * From the earliest start to the latest end of the periods, as literals (parameters) rather
 * than read from the CTE, so that the planner sees the range and estimates rows from it.
 */
export interface Span {
  lo: Prisma.Sql;
  hi: Prisma.Sql;
}

export function spanOf(periods: Periods): Span {
  const { current, previous } = periods;
  return {
    lo: ts(new Date(Math.min(current.from.getTime(), previous.from.getTime()))),
    hi: ts(new Date(Math.max(current.to.getTime(), previous.to.getTime()))),
  };
}

/**
 * Which period an instant falls in, "current" or "previous" (null in neither): a CASE on
 * literals rather than a join to `periods`, which would compare every row with both periods.
 * The two periods never overlap (the previous one ends where the current one starts).
 */
export function periodKeyOf(expression: Prisma.Sql, periods: Periods): Prisma.Sql {
  const { current, previous } = periods;
  return Prisma.sql`CASE
      WHEN ${expression} >= ${ts(current.from)} AND ${expression} < ${ts(current.to)} THEN 'current'
      WHEN ${expression} >= ${ts(previous.from)} AND ${expression} < ${ts(previous.to)} THEN 'previous'
    END`;
}

/** periodKeyOf() for queries built with lib/core/db/typed-sql. */
export function periodKeyExpr(expression: Expression<Date | null>, periods: Periods) {
  const { current, previous } = periods;
  return typedSql<"current" | "previous" | null>`CASE
      WHEN ${expression} >= ${utcTimestamp(current.from)} AND ${expression} < ${utcTimestamp(current.to)} THEN 'current'
      WHEN ${expression} >= ${utcTimestamp(previous.from)} AND ${expression} < ${utcTimestamp(previous.to)} THEN 'previous'
    END`;
}

/** spanOf() for queries built with lib/core/db/typed-sql: [lo, hi) as UTC timestamps. */
export function typedSpanOf(periods: Periods) {
  const { current, previous } = periods;
  return {
    lo: utcTimestamp(new Date(Math.min(current.from.getTime(), previous.from.getTime()))),
    hi: utcTimestamp(new Date(Math.max(current.to.getTime(), previous.to.getTime()))),
  };
}

/** `column` within the span: [lo, hi). */
export function inSpan(column: string, span: Span): Prisma.Sql {
  return Prisma.sql`${Prisma.raw(column)} >= ${span.lo} AND ${Prisma.raw(column)} < ${span.hi}`;
}

/** Rows keyed by period ("current"/"previous") as { current, previous }. */
export function byPeriod<R extends { key: string }, T>(
  rows: R[],
  map: (row: R | undefined) => T,
): Compared<T> {
  return {
    current: map(rows.find((row) => row.key === "current")),
    previous: map(rows.find((row) => row.key === "previous")),
  };
}

/** Neither soft-deleted nor hidden by moderation, for a row aliased `alias`. */
export function visible(alias: string): Prisma.Sql {
  return Prisma.raw(`${alias}."deletedAt" IS NULL AND ${alias}."hiddenAt" IS NULL`);
}
