import { ScrollableTable } from "@/components/ui/scrollable-table";
import { CELL, NUMBER } from "./pairings-table";
import { formatMonth } from "./format";

export interface TrendRow {
  month: string;
  started: number;
  completed: number;
  ended: number;
  activeAtEnd: number;
}

/** Pairings started, completed and ended per month, and how many were active at its end. */
export function TrendTable({ rows }: { rows: TrendRow[] }) {
  const first = rows[0];
  const last = rows[rows.length - 1];
  const span = first && last ? `, ${formatMonth(first.month)} to ${formatMonth(last.month)}` : "";
  const caption = `Pairings by month${span}`;
  return (
    <ScrollableTable label={caption}>
      <table className="relative w-full text-sm">
        <caption className="p-3 text-left font-semibold">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={CELL}>
              Month
            </th>
            <th scope="col" className={NUMBER}>
              Started
            </th>
            <th scope="col" className={NUMBER}>
              Completed
            </th>
            <th scope="col" className={NUMBER}>
              Ended
            </th>
            <th scope="col" className={NUMBER}>
              Active at month end
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.month}>
              <th scope="row" className={`${CELL} font-medium whitespace-nowrap`}>
                <time dateTime={row.month}>{formatMonth(row.month)}</time>
              </th>
              <td className={NUMBER}>{row.started.toLocaleString("en")}</td>
              <td className={NUMBER}>{row.completed.toLocaleString("en")}</td>
              <td className={NUMBER}>{row.ended.toLocaleString("en")}</td>
              <td className={NUMBER}>{row.activeAtEnd.toLocaleString("en")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
