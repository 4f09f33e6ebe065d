// The dashboard's tables as CSV (RFC 4180, cells safe from spreadsheet formulas). Tables by
// team and by value are "long": one row per period and group, with the period's first and
// last day, so that both periods sit in one sheet.
import "server-only";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { csvCell } from "@/lib/core/csv/cell";
import { db } from "@/lib/core/db/client";
import { toDateInput } from "@/lib/core/dates";
import { INSIGHTS_PERMISSION, healthFigures } from "./dashboard";
import { memberFigures, participation } from "./figures-members";
import { recognitionGiven } from "./figures-recognition";
import { CSV_UNITS, csvNumber, measureRows } from "./measures";
import { periodDays, periodLabel, type Period, type Periods } from "./period";
import { notHeardFrom } from "./quiet";
import { openActionItems } from "./report";
import { LIVE, rollupStatus, type ActivitySource } from "./rollup";
import type { Compared, SqlClient } from "./sql";

export const INSIGHT_TABLES = {
  "participation-by-team": { title: "Participation by team" },
  "recognition-by-team": { title: "Recognition by team" },
  "recognition-by-value": { title: "Recognition by value" },
  "not-heard-from": { title: "Members not heard from in 90 days" },
  "key-measures": { title: "Key measures" },
  "open-action-items": { title: "Open action items due longest ago" },
} as const;

export type InsightTable = keyof typeof INSIGHT_TABLES;

export function isInsightTable(value: unknown): value is InsightTable {
  return typeof value === "string" && Object.hasOwn(INSIGHT_TABLES, value);
}

/** "insights-participation-by-team-2026-09-01-to-2026-11-29.csv" */
export function insightsCsvFilename(table: InsightTable, periods: Periods): string {
  const { first, last } = periodDays(periods.current);
  return `insights-${table}-${first}-to-${last}.csv`;
}

/**
 * csvCell, except that a plain number ("-3", "12.5") is left as a number: csvCell would make
 * a negative change text ("'-3"), and a cell that is only a number cannot be a formula.
 */
function cell(value: string): string {
  return /^-?\d+(\.\d+)?$/.test(value) ? `"${value}"` : csvCell(value);
}

function toCsv(lines: string[][]): string {
  return `${lines.map((cells) => cells.map(cell).join(",")).join("\r\n")}\r\n`;
}

const PERIOD_HEADER = ["Period", "From", "To"];

/** Rows for both periods: "Current"/"Previous", first day, last day, then `cells(row)`. */
function longRows<T>(
  periods: Periods,
  figures: Compared<T[]>,
  cells: (row: T) => string[],
): string[][] {
  const rowsOf = (name: string, period: Period, rows: T[]) => {
    const { first, last } = periodDays(period);
    return rows.map((row) => [name, first, last, ...cells(row)]);
  };
  return [
    ...rowsOf("Current", periods.current, figures.current),
    ...rowsOf("Previous", periods.previous, figures.previous),
  ];
}

/** One table as CSV, as `client` sees the data (no permission check: callers do it). */
export async function insightsCsvAsSeenBy(
  client: SqlClient,
  table: InsightTable,
  periods: Periods,
  now = new Date(),
  source: ActivitySource = LIVE,
): Promise<string> {
  switch (table) {
    case "participation-by-team": {
      const figures = await participation(client, periods, now, source);
      return toCsv([
        [...PERIOD_HEADER, "Team", "Members", "Active", "Contributing"],
        ...longRows(
          periods,
          { current: figures.current.byTeam, previous: figures.previous.byTeam },
          (row) => [
            row.teamName,
            String(row.members),
            String(row.active),
            String(row.contributing),
          ],
        ),
      ]);
    }
    case "recognition-by-team": {
      const figures = (await memberFigures(client, periods, now, source)).received;
      return toCsv([
        [...PERIOD_HEADER, "Team", "Recognitions received", "Members recognised"],
        ...longRows(
          periods,
          { current: figures.current.byTeam, previous: figures.previous.byTeam },
          (row) => [row.teamName, String(row.received), String(row.recipients)],
        ),
      ]);
    }
    case "recognition-by-value": {
      const figures = await recognitionGiven(client, periods);
      return toCsv([
        [...PERIOD_HEADER, "Value", "Recognitions given"],
        ...longRows(
          periods,
          { current: figures.current.byValue, previous: figures.previous.byValue },
          (row) => [row.emoji ? `${row.emoji} ${row.name}` : row.name, String(row.count)],
        ),
      ]);
    }
    case "not-heard-from": {
      const quiet = await notHeardFrom(client, { now, limit: null, source });
      return toCsv([
        ["Member", "Team", "Last heard from"],
        ...quiet.items.map((row) => [
          row.name,
          row.teamName ?? "",
          row.lastHeardAt ? toDateInput(row.lastHeardAt) : "Never",
        ]),
      ]);
    }
    case "open-action-items": {
      const items = await openActionItems(client, now);
      return toCsv([
        ["Action item", "Owner", "Session", "Due", "Days overdue"],
        ...items.map((item) => [
          item.title,
          item.ownerName,
          item.sessionTitle,
          item.dueOn ? toDateInput(item.dueOn) : "",
          item.overdueDays === null ? "" : String(item.overdueDays),
        ]),
      ]);
    }
    case "key-measures": {
      const rows = measureRows(await healthFigures(client, periods, now, source));
      return toCsv([
        [
          "Measure",
          "Unit",
          `Current (${periodLabel(periods.current)})`,
          `Previous (${periodLabel(periods.previous)})`,
          "Change",
        ],
        ...rows.map((row) => [
          row.label,
          CSV_UNITS[row.unit],
          csvNumber(row.current, row.unit),
          csvNumber(row.previous, row.unit),
          csvNumber(row.change, row.unit),
        ]),
      ]);
    }
  }
}

/** One of the dashboard's tables as CSV, for leaders and admins. */
export async function insightsCsv(
  actor: Actor,
  table: InsightTable,
  periods: Periods,
  now = new Date(),
): Promise<string> {
  authorize(actor, INSIGHTS_PERMISSION);
  const { source } = await rollupStatus(db, now);
  return insightsCsvAsSeenBy(db, table, periods, now, source);
}
