// One word for what a measure's change means, for the dashboard's summary table: better or
// worse where the measure has a direction that is an improvement, else only whether it moved.
// A change that rounds to nothing as the figure is written is "Steady". Pure (no database).
import { describeChange } from "./labels";
import type { MeasureRow } from "./measures";

export type ChangeMeaning = "Better" | "Worse" | "Steady" | "Changed" | "No comparison";

export function changeMeaning(row: MeasureRow): ChangeMeaning {
  if (!row.previousKnown) return "No comparison";
  const { direction } = describeChange(row.current, row.previous, row.unit);
  if (direction === "unknown") return "No comparison";
  if (direction === "same") return "Steady";
  if (row.better === null) return "Changed";
  return (direction === "up") === (row.better === "higher") ? "Better" : "Worse";
}
