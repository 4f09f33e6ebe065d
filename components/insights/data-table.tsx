import type { ReactNode } from "react";
import { ScrollableTable } from "@/components/ui/scrollable-table";

export interface TableColumn {
  label: string;
  /** Right-aligned, with tabular figures. */
  numeric?: boolean;
}

export interface TableRow {
  key: string;
  /** One cell per column; the first is the row's header. */
  cells: ReactNode[];
}

const CELL = "border-b border-stone-200 px-3 py-2 text-left align-top";
const NUMBER = `${CELL} text-right tabular-nums`;

/** A captioned table of one breakdown, with its "Download CSV" link underneath. */
export function InsightsTable({
  caption,
  columns,
  rows,
  csvHref,
  empty = "Nothing to show for this period.",
}: {
  caption: string;
  columns: TableColumn[];
  rows: TableRow[];
  csvHref?: string;
  empty?: string;
}) {
  return (
    <div className="insights-table space-y-2">
      <ScrollableTable label={caption}>
        <table className="w-full text-sm">
          <caption className="p-3 text-left font-semibold">{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.label} scope="col" className={column.numeric ? NUMBER : CELL}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, index) =>
                  index === 0 ? (
                    <th key={index} scope="row" className={`${CELL} font-medium`}>
                      {cell}
                    </th>
                  ) : (
                    <td key={index} className={columns[index]?.numeric ? NUMBER : CELL}>
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length ? null : <p className="p-3 text-stone-700">{empty}</p>}
      </ScrollableTable>
      {csvHref ? <CsvLink href={csvHref} what={caption} /> : null}
    </div>
  );
}

/** "Download CSV", named for screen readers by what it downloads. */
export function CsvLink({
  href,
  what,
  text = "Download CSV",
}: {
  href: string;
  what: string;
  text?: string;
}) {
  return (
    <p className="print-hidden text-sm">
      <a href={href} download>
        {text}
        <span className="sr-only">: {what}</span>
      </a>
    </p>
  );
}

/** A chart and, right after it, the table with the same numbers. */
export function ChartFigure({
  caption,
  chart,
  table,
}: {
  caption: string;
  chart: ReactNode;
  table: ReactNode;
}) {
  return (
    <figure className="insights-figure min-w-0 space-y-3">
      <figcaption className="font-semibold">{caption}</figcaption>
      {chart}
      {table}
    </figure>
  );
}
