import type { ReactNode } from "react";
import { ScrollableTable } from "./scrollable-table";

export interface DataColumn {
  label: string;
  /** Right-aligned, with tabular figures. */
  numeric?: boolean;
  /** Read by screen readers only (e.g. a column of action links). */
  labelHidden?: boolean;
  /** More classes for this column's body cells (e.g. "whitespace-nowrap"). */
  className?: string;
}

export interface DataRow {
  key: string;
  /** One cell per column; the first is the row's header. */
  cells: ReactNode[];
}

const CELL = "border-b border-stone-200 px-3 py-2 text-left align-top";
const NUMBER = `${CELL} text-right tabular-nums`;

const cellClass = (column: DataColumn | undefined) =>
  [column?.numeric ? NUMBER : CELL, column?.className].filter(Boolean).join(" ");

/**
 * A captioned table in a frame that scrolls sideways on a phone; `empty` is shown under the
 * headers when there are no rows. The first cell of each row is its header (`scope="row"`).
 */
export function DataTable({
  caption,
  label = caption,
  columns,
  rows,
  empty,
  rowHeaderClassName = "font-medium",
  captionHidden = false,
}: {
  caption: string;
  /** Read by screen readers only, when the page's heading already says it. */
  captionHidden?: boolean;
  /** The scrollable region's name, when shorter than the caption. */
  label?: string;
  columns: DataColumn[];
  rows: DataRow[];
  empty: ReactNode;
  rowHeaderClassName?: string;
}) {
  return (
    <ScrollableTable label={label}>
      <table className="relative w-full text-sm">
        <caption className={captionHidden ? "sr-only" : "p-3 text-left font-semibold"}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.numeric ? NUMBER : CELL}>
                {column.labelHidden ? (
                  <span className="sr-only">{column.label}</span>
                ) : (
                  column.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, index) =>
                index === 0 ? (
                  <th
                    key={index}
                    scope="row"
                    className={`${cellClass(columns[0])} ${rowHeaderClassName}`}
                  >
                    {cell}
                  </th>
                ) : (
                  <td key={index} className={cellClass(columns[index])}>
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
  );
}
