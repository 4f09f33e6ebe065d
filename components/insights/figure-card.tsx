import type { ReactNode } from "react";
import { ChangeText } from "./change-text";
import type { MeasureKey, MeasureRow, MeasureUnit } from "@/lib/insights/measures";
import { figureText } from "@/lib/insights/labels";

export interface FigureCardProps {
  label: string;
  current: number | null | undefined;
  /**
   * The previous period's figure: null when there was nothing to measure (no question asked),
   * undefined when it cannot be known (past check-ins are not kept).
   */
  previous: number | null | undefined;
  unit?: MeasureUnit;
  /** A short line under the figure: what is counted, or "12 of 40 members". */
  note?: ReactNode;
}

/** One figure of the dashboard: this period's value, the previous one and the change. */
export function FigureCard({ label, current, previous, unit = "count", note }: FigureCardProps) {
  return (
    <li className="insights-card flex flex-col gap-1 rounded-lg border border-stone-200 bg-white p-4">
      <span className="text-sm font-medium text-stone-700">{label}</span>
      <span className="text-2xl font-semibold tabular-nums text-stone-900">
        {figureText(current, unit)}
      </span>
      {previous === undefined ? (
        <span className="text-sm text-stone-700">Not known for the period before</span>
      ) : previous === null ? (
        <span className="text-sm text-stone-700">No figure for the period before</span>
      ) : (
        <span className="text-sm tabular-nums text-stone-700">
          <ChangeText current={current} previous={previous} unit={unit} />
          <span aria-hidden="true"> · before: {figureText(previous, unit)}</span>
        </span>
      )}
      {note ? <span className="text-xs text-stone-600">{note}</span> : null}
    </li>
  );
}

/** A responsive grid of figure cards, read as a list. */
export function FigureGrid({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ul aria-label={label} className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {children}
    </ul>
  );
}

export interface MeasureCardSpec {
  measure: MeasureKey;
  /** A shorter label than the measure's own, where the section already says the rest. */
  label?: string;
  note?: ReactNode;
}

/** A section's figure cards, each one of the catalogued measures (lib/insights/measures). */
export function MeasureCards({
  label,
  rows,
  cards,
}: {
  label: string;
  rows: Record<MeasureKey, MeasureRow>;
  cards: readonly MeasureCardSpec[];
}) {
  return (
    <FigureGrid label={label}>
      {cards.map(({ measure, label: cardLabel, note }) => {
        const row = rows[measure];
        return (
          <FigureCard
            key={measure}
            label={cardLabel ?? row.label}
            unit={row.unit}
            current={row.current}
            previous={row.previousKnown ? row.previous : undefined}
            note={note}
          />
        );
      })}
    </FigureGrid>
  );
}
