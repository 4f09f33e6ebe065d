// SQL building blocks shared by the insights' figures. Timestamps are stored as UTC without
// a zone, so instants are passed as ISO strings and turned into UTC timestamps in SQL.
import type { TransactionClient } from "@/lib/core/db/create-client";
import { sql as typedSql, sqlb, type RawClient } from "@/lib/core/db/typed-sql";
import type { Expression } from "kysely";
import type { Periods } from "./period";

/** Reads raw SQL: the app's client, or a transaction (tests run figures in one they roll back). */
export type SqlClient = Pick<TransactionClient, "$queryRaw"> & RawClient;

/** Each figure set is computed for the current period and for the previous one. */
export interface Compared<T> {
  current: T;
  previous: T;
}

/** An instant as a UTC `timestamp` (the columns' type), for lib/core/db/typed-sql queries. */
export function utcTimestamp(instant: Date) {
  return typedSql<Date>`(CAST(${instant.toISOString()} AS timestamptz) AT TIME ZONE 'UTC')`;
}

/**
 * The CTE `periods`, one row ("key", "from", "to") per period, for
 * `.with("periods", () => periodsQuery(periods))`, so that one statement counts both periods
 * (each section's figures are grouped or joined by period key).
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
 * Which period an instant falls in, "current" or "previous" (null in neither): a CASE on
 * literals rather than a join to `periods`, which would compare every row with both periods.
 * The two periods never overlap (the previous one ends where the current one starts).
 */
export function periodKeyExpr(expression: Expression<Date | null>, periods: Periods) {
  const { current, previous } = periods;
  return typedSql<"current" | "previous" | null>`CASE
      WHEN ${expression} >= ${utcTimestamp(current.from)} AND ${expression} < ${utcTimestamp(current.to)} THEN 'current'
      WHEN ${expression} >= ${utcTimestamp(previous.from)} AND ${expression} < ${utcTimestamp(previous.to)} THEN 'previous'
    END`;
}

/**
 * From the earliest start to the latest end of the periods, [lo, hi) as UTC timestamps, as
 * literals (parameters) rather than read from the CTE, so that the planner sees the range.
 */
export function typedSpanOf(periods: Periods) {
  const { current, previous } = periods;
  return {
    lo: utcTimestamp(new Date(Math.min(current.from.getTime(), previous.from.getTime()))),
    hi: utcTimestamp(new Date(Math.max(current.to.getTime(), previous.to.getTime()))),
  };
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
