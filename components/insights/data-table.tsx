import type { ReactNode } from "react";
import { DataTable, type DataColumn, type DataRow } from "@/components/ui/data-table";

export type TableColumn = DataColumn;
export type TableRow = DataRow;

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
      <DataTable caption={caption} columns={columns} rows={rows} empty={empty} />
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
