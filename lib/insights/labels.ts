// The change of a figure since the previous period, to see ("▲ 12") and to hear ("up 12 from
// 40"). Values are written by measures.ts (formatMeasure, formatChange), so the dashboard, the
// report and the CSV agree; this adds the arrow and the words. Pure (no database), so client
// components can import it.
import { formatInteger, formatOneDecimal } from "@/lib/core/format";
import { formatChange, formatMeasure, type MeasureUnit } from "./measures";

type Figure = number | null | undefined;

const known = (value: Figure): value is number =>
  value !== null && value !== undefined && Number.isFinite(value);

/** A value as a screen reader should say it: "42%", "12.5 hours", "4.2 out of 5". */
function spokenValue(value: number, unit: MeasureUnit): string {
  switch (unit) {
    case "hours":
      return `${formatOneDecimal(value)} hours`;
    case "rating":
      return `${formatOneDecimal(value)} out of 5`;
    default:
      return formatMeasure(value, unit);
  }
}

/** The size of a change in words: "12", "5 percentage points", "1.5 hours", "0.04". */
function spokenSize(delta: number, unit: MeasureUnit): string {
  const size = Math.abs(delta);
  switch (unit) {
    case "count":
      return formatInteger(size);
    case "share": {
      const points = Math.round(size * 100);
      return `${formatInteger(points)} percentage ${points === 1 ? "point" : "points"}`;
    }
    case "coefficient":
      return size.toFixed(2);
    case "hours":
      return `${formatOneDecimal(size)} hours`;
    case "rating":
      return formatOneDecimal(size);
  }
}

export interface Change {
  direction: "up" | "down" | "same" | "unknown";
  /** "▲ 12", "▼ 5 pts", "no change", "—": shown, and hidden from screen readers. */
  symbol: string;
  /** "up 12 from 40", "down 5 percentage points from 45%", "no change from 40". */
  words: string;
}

/** The change from `previous` to `current`, never told by colour alone. */
export function describeChange(current: Figure, previous: Figure, unit: MeasureUnit): Change {
  if (!known(previous)) {
    return { direction: "unknown", symbol: "—", words: "no figure for the previous period" };
  }
  const was = spokenValue(previous, unit);
  if (!known(current)) {
    return { direction: "unknown", symbol: "—", words: `no figure now, ${was} before` };
  }
  const shown = formatChange(current - previous, unit);
  if (shown === "no change") {
    return { direction: "same", symbol: "no change", words: `no change from ${was}` };
  }
  const up = current > previous;
  return {
    direction: up ? "up" : "down",
    // formatChange's "+12" / "−5 pts" with the sign as an arrow.
    symbol: `${up ? "▲" : "▼"} ${shown.slice(1)}`,
    words: `${up ? "up" : "down"} ${spokenSize(current - previous, unit)} from ${was}`,
  };
}

/** formatMeasure for a figure that may be missing. */
export function figureText(value: Figure, unit: MeasureUnit): string {
  return formatMeasure(known(value) ? value : null, unit);
}
