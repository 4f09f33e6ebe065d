import { DataTable } from "@/components/ui/data-table";
import { figureText } from "@/lib/insights/labels";
import { changeMeaning } from "@/lib/insights/meaning";
import type { MeasureRow } from "@/lib/insights/measures";
import { ChangeText } from "./change-text";

/**
 * The dashboard's lead: each key measure in one row, with this period's figure, the change
 * since the period before and what that change means.
 */
export function MeasureSummary({
  rows,
  span,
  previousSpan,
}: {
  rows: MeasureRow[];
  span: string;
  previousSpan: string;
}) {
  return (
    <DataTable
      caption={`Key measures, ${span}, compared with ${previousSpan}`}
      label="Key measures"
      columns={[
        { label: "Measure" },
        { label: "This period", numeric: true },
        { label: "Change", numeric: true },
        { label: "Meaning" },
      ]}
      rows={rows.map((row) => ({
        key: row.key,
        cells: [
          row.label,
          figureText(row.current, row.unit),
          row.previousKnown ? (
            <ChangeText current={row.current} previous={row.previous} unit={row.unit} />
          ) : (
            "—"
          ),
          changeMeaning(row),
        ],
      }))}
      empty="No measures."
    />
  );
}
