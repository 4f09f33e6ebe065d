// Words and numbers shared by the survey pages. Pure (no database), so client components can
// import it.
import { plural } from "@/lib/core/format";
import { formatDay } from "@/lib/core/dates";
import { zonedDateTime } from "@/lib/core/zoned-time";
import { SCALE_LABELS, SCORES, type Score } from "./template";

/** The 1–5 answers, as the answer form and the results name them. */
export const SCALE: readonly { score: Score; label: string }[] = SCORES.map((score) => ({
  score,
  label: SCALE_LABELS[score],
}));

/** "3.8": an average on the 1–5 scale. */
export function formatAverage(average: number): string {
  return average.toFixed(1);
}

/**
 * A change since the previous round: the mark and signed number people see, and the words a
 * screen reader says instead ("up 0.4 since the previous round").
 */
export function describeChange(change: number): { mark: string; words: string; tone: string } {
  const rounded = Math.round(change * 10) / 10;
  const size = Math.abs(rounded).toFixed(1);
  if (rounded > 0) {
    return {
      mark: `▲ +${size}`,
      words: `up ${size} since the previous round`,
      tone: "text-green-800",
    };
  }
  if (rounded < 0) {
    return {
      mark: `▼ −${size}`,
      words: `down ${size} since the previous round`,
      tone: "text-red-800",
    };
  }
  return { mark: "= 0.0", words: "no change since the previous round", tone: "text-stone-700" };
}

/** "12%": a count's share of the total (0% when there is nothing). */
export function percent(count: number, total: number): string {
  return `${total ? Math.round((count / total) * 100) : 0}%`;
}

/**
 * When a survey stops taking answers, in the reader's zone: "the end of 19 December 2026" when
 * it closes at their midnight (the leader's zone, or the same offset), else "20 December 2026
 * at 01:00" — a survey closes at the end of its last day in the zone of the leader who set it.
 */
export function closingText(closesAt: Date, timeZone: string): string {
  const local = zonedDateTime(closesAt, timeZone);
  if (local.endsWith("T00:00:00")) {
    return `the end of ${formatDay(new Date(closesAt.getTime() - 1), timeZone)}`;
  }
  return `${formatDay(closesAt, timeZone)} at ${local.slice(11, 16)}`;
}

/** The same, short, for a table cell: "19 December 2026" or "20 December 2026, 01:00". */
export function closingDay(closesAt: Date, timeZone: string): string {
  const text = closingText(closesAt, timeZone);
  return text.startsWith("the end of ")
    ? text.slice("the end of ".length)
    : text.replace(" at ", ", ");
}

export function responsesText(count: number): string {
  return plural(count, "response", "responses");
}

/** The answer an average is nearest to, as a word for a results summary: "Agree". */
export function averageMeaning(average: number): string {
  const nearest = Math.min(5, Math.max(1, Math.round(average)));
  return SCALE[nearest - 1]!.label;
}
