import { formatNumber } from "@/lib/core/format";
import { DataTable } from "@/components/ui/data-table";
import { formatMonth } from "@/lib/mentorship/labels";

export interface TrendRow {
  month: string;
  started: number;
  completed: number;
  ended: number;
  activeAtEnd: number;
}

const COLUMNS = [
  { label: "Month", className: "whitespace-nowrap" },
  { label: "Started", numeric: true },
  { label: "Completed", numeric: true },
  { label: "Ended", numeric: true },
  { label: "Active at month end", numeric: true },
];

/** Pairings started, completed and ended per month, and how many were active at its end. */
export function TrendTable({ rows }: { rows: TrendRow[] }) {
  const first = rows[0];
  const last = rows[rows.length - 1];
  const span = first && last ? `, ${formatMonth(first.month)} to ${formatMonth(last.month)}` : "";
  return (
    <DataTable
      caption={`Pairings by month${span}`}
      columns={COLUMNS}
      empty="No pairings yet."
      rows={rows.map((row) => ({
        key: row.month,
        cells: [
          <time key="month" dateTime={row.month}>
            {formatMonth(row.month)}
          </time>,
          formatNumber(row.started),
          formatNumber(row.completed),
          formatNumber(row.ended),
          formatNumber(row.activeAtEnd),
        ],
      }))}
    />
  );
}
