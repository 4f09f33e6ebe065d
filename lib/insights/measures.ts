// The dashboard's scalar figures as a catalogue of measures (label, unit, which way is
// better), read off the figures the sections computed: the CSV's "key measures" table lists
// them all, the review report a curated few. Pure (types only from the figure modules), so
// that pages and client components can format with it.
import { formatInteger, formatOneDecimal } from "@/lib/core/format";
import type { KnowledgeFigures } from "./figures-knowledge";
import type { ParticipationFigures, VoicesFigures } from "./figures-members";
import type { MentorshipFigures } from "./figures-mentorship";
import type { RecognitionFigures } from "./figures-recognition";
import type { SessionFigures } from "./figures-sessions";
import type { Compared } from "./sql";

/**
 * count: a whole number; share: a fraction 0–1 shown as a percentage (its change in
 * percentage points); coefficient: 0–1 shown with two decimals; hours; rating: 1–5.
 */
export type MeasureUnit = "count" | "share" | "coefficient" | "hours" | "rating";

/** The figures of one period. */
export interface PeriodFigures {
  participation: ParticipationFigures;
  voices: VoicesFigures;
  knowledge: KnowledgeFigures;
  sessions: SessionFigures;
  recognition: RecognitionFigures;
  mentorship: MentorshipFigures;
}

/** The figures of both periods, section by section, as the dashboard returns them. */
export type HealthFigures = { [K in keyof PeriodFigures]: Compared<PeriodFigures[K]> };

export interface MeasureDefinition {
  key: string;
  label: string;
  unit: MeasureUnit;
  /** Which way is an improvement, or null when neither is. */
  better: "higher" | "lower" | null;
  value: (figures: PeriodFigures) => number | null;
  /** False when the previous period's figure cannot be known (its value is then null). */
  previousKnown?: false;
}

export const MEASURES = [
  {
    key: "members-active",
    label: "Members active",
    unit: "count",
    better: "higher",
    value: (f) => f.participation.membersActive,
  },
  {
    key: "members-contributing",
    label: "Members contributing",
    unit: "count",
    better: "higher",
    value: (f) => f.participation.membersContributing,
  },
  {
    key: "total-members",
    label: "Members",
    unit: "count",
    better: null,
    value: (f) => f.participation.totalMembers,
  },
  {
    key: "contributors",
    label: "Members with a contribution",
    unit: "count",
    better: "higher",
    value: (f) => f.voices.contributors,
  },
  {
    key: "total-contributions",
    label: "Contributions",
    unit: "count",
    better: "higher",
    value: (f) => f.voices.totalContributions,
  },
  {
    key: "top10-share",
    label: "Share of contributions from the top 10% of members",
    unit: "share",
    better: "lower",
    value: (f) => f.voices.top10Share,
  },
  {
    key: "gini",
    label: "Gini coefficient of contributions",
    unit: "coefficient",
    better: "lower",
    value: (f) => f.voices.gini,
  },
  {
    key: "discussions",
    label: "Discussions started",
    unit: "count",
    better: "higher",
    value: (f) => f.knowledge.discussions,
  },
  {
    key: "questions",
    label: "Questions asked",
    unit: "count",
    better: "higher",
    value: (f) => f.knowledge.questions,
  },
  {
    key: "questions-answered",
    label: "Questions with an accepted answer",
    unit: "count",
    better: "higher",
    value: (f) => f.knowledge.questionsAnswered,
  },
  {
    key: "answered-share",
    label: "Questions answered",
    unit: "share",
    better: "higher",
    value: (f) => f.knowledge.answeredShare,
  },
  {
    key: "median-hours-to-first-answer",
    label: "Median time to first answer",
    unit: "hours",
    better: "lower",
    value: (f) => f.knowledge.medianHoursToFirstAnswer,
  },
  {
    key: "posts-published",
    label: "Knowledge posts published",
    unit: "count",
    better: "higher",
    value: (f) => f.knowledge.postsPublished,
  },
  {
    key: "posts-past-review",
    label: "Posts past their review date",
    unit: "count",
    better: "lower",
    value: (f) => f.knowledge.postsPastReview,
  },
  {
    key: "sessions-held",
    label: "Sessions held",
    unit: "count",
    better: "higher",
    value: (f) => f.sessions.held,
  },
  {
    key: "sessions-going",
    label: "Going (RSVPs to sessions held)",
    unit: "count",
    better: "higher",
    value: (f) => f.sessions.going,
  },
  {
    key: "sessions-attended",
    label: "Attended",
    unit: "count",
    better: "higher",
    value: (f) => f.sessions.attended,
  },
  {
    key: "attendance-rate",
    label: "Attendance (attended / going)",
    unit: "share",
    better: "higher",
    value: (f) => f.sessions.attendanceRate,
  },
  {
    key: "average-rating",
    label: "Average session rating",
    unit: "rating",
    better: "higher",
    value: (f) => f.sessions.averageRating,
  },
  {
    key: "ratings",
    label: "Session ratings given",
    unit: "count",
    better: "higher",
    value: (f) => f.sessions.ratings,
  },
  {
    key: "action-items-due",
    label: "Action items due",
    unit: "count",
    better: null,
    value: (f) => f.sessions.actionItemsDue,
  },
  {
    key: "action-items-done-on-time",
    label: "Action items done on time",
    unit: "count",
    better: "higher",
    value: (f) => f.sessions.actionItemsDoneOnTime,
  },
  {
    key: "action-items-on-time-share",
    label: "Action items done on time",
    unit: "share",
    better: "higher",
    value: (f) => f.sessions.actionItemsOnTimeShare,
  },
  {
    key: "recognitions-given",
    label: "Recognitions given",
    unit: "count",
    better: "higher",
    value: (f) => f.recognition.given,
  },
  {
    key: "recognitions-received",
    label: "Recognitions received",
    unit: "count",
    better: "higher",
    value: (f) => f.recognition.received,
  },
  {
    key: "distinct-recipients",
    label: "Members recognised",
    unit: "count",
    better: "higher",
    value: (f) => f.recognition.distinctRecipients,
  },
  {
    key: "active-pairings",
    label: "Active mentoring pairings",
    unit: "count",
    better: "higher",
    value: (f) => f.mentorship.activePairings,
  },
  {
    key: "overdue-check-ins",
    label: "Pairings overdue for a check-in",
    unit: "count",
    better: "lower",
    value: (f) => f.mentorship.overdue,
    // Past check-in schedules are not kept, so "overdue" at an earlier date is not known.
    previousKnown: false,
  },
  {
    key: "mentees-waiting",
    label: "Mentees waiting for a mentor",
    unit: "count",
    better: "lower",
    value: (f) => f.mentorship.menteesWaiting,
  },
] as const satisfies readonly MeasureDefinition[];

export type MeasureKey = (typeof MEASURES)[number]["key"];

/** The review report's key measures, in its order. */
export const REPORT_MEASURE_KEYS = [
  "members-active",
  "members-contributing",
  "top10-share",
  "gini",
  "answered-share",
  "median-hours-to-first-answer",
  "posts-published",
  "posts-past-review",
  "sessions-held",
  "attendance-rate",
  "average-rating",
  "action-items-on-time-share",
  "recognitions-given",
  "active-pairings",
  "mentees-waiting",
] as const satisfies readonly MeasureKey[];

export interface MeasureRow {
  key: MeasureKey;
  label: string;
  unit: MeasureUnit;
  better: "higher" | "lower" | null;
  current: number | null;
  previous: number | null;
  /** False when the previous period's figure cannot be known, rather than absent. */
  previousKnown: boolean;
  /** current − previous (for shares, in fractions: × 100 for percentage points); null if either is. */
  change: number | null;
}

/** The figures of one period out of the compared sections. */
export function periodFigures(
  figures: HealthFigures,
  period: "current" | "previous",
): PeriodFigures {
  return {
    participation: figures.participation[period],
    voices: figures.voices[period],
    knowledge: figures.knowledge[period],
    sessions: figures.sessions[period],
    recognition: figures.recognition[period],
    mentorship: figures.mentorship[period],
  };
}

/** The measures named (all of them by default) with both periods' values and the change. */
export function measureRows(
  figures: HealthFigures,
  keys: readonly MeasureKey[] = MEASURES.map((measure) => measure.key),
): MeasureRow[] {
  const current = periodFigures(figures, "current");
  const previous = periodFigures(figures, "previous");
  return keys.map((key) => {
    const measure: MeasureDefinition = MEASURES.find((m) => m.key === key)!;
    const now = measure.value(current);
    const before = measure.value(previous);
    return {
      key,
      label: measure.label,
      unit: measure.unit,
      better: measure.better,
      current: now,
      previous: before,
      previousKnown: measure.previousKnown ?? true,
      change: now === null || before === null ? null : now - before,
    };
  });
}

/** Every measure's row, by its key. */
export function measureRowsByKey(figures: HealthFigures): Record<MeasureKey, MeasureRow> {
  return Object.fromEntries(measureRows(figures).map((row) => [row.key, row])) as Record<
    MeasureKey,
    MeasureRow
  >;
}

/** "1,234", "42%", "0.35", "3.5 h", "4.2 / 5"; "—" when there is no figure. */
export function formatMeasure(value: number | null, unit: MeasureUnit): string {
  if (value === null || !Number.isFinite(value)) return "—";
  switch (unit) {
    case "count":
      return formatInteger(value);
    case "share":
      return `${formatInteger(value * 100)}%`;
    case "coefficient":
      return value.toFixed(2);
    case "hours":
      return `${formatOneDecimal(value)} h`;
    case "rating":
      return `${formatOneDecimal(value)} / 5`;
  }
}

/** "+12", "−5 pts", "+0.04", "no change"; "—" when there is no change to show. */
export function formatChange(change: number | null, unit: MeasureUnit): string {
  if (change === null || !Number.isFinite(change)) return "—";
  const scaled = unit === "share" ? change * 100 : change;
  const digits = unit === "coefficient" ? 2 : unit === "count" || unit === "share" ? 0 : 1;
  const rounded = Number(scaled.toFixed(digits));
  if (rounded === 0) return "no change";
  const sign = rounded > 0 ? "+" : "−";
  const size = Math.abs(rounded).toFixed(digits);
  const suffix = unit === "share" ? " pts" : unit === "hours" ? " h" : "";
  return `${sign}${unit === "count" ? formatInteger(Math.abs(rounded)) : size}${suffix}`;
}

/** A plain number for a spreadsheet: shares as percentages (one decimal). */
export function csvNumber(value: number | null, unit: MeasureUnit): string {
  if (value === null || !Number.isFinite(value)) return "";
  const text = {
    count: () => Math.round(value).toFixed(0),
    share: () => (value * 100).toFixed(1),
    coefficient: () => value.toFixed(3),
    hours: () => value.toFixed(1),
    rating: () => value.toFixed(2),
  }[unit]();
  // A change that rounds to nothing is "0", not "-0".
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

/** The unit as a CSV column says it. */
export const CSV_UNITS: Record<MeasureUnit, string> = {
  count: "count",
  share: "% (change in points)",
  coefficient: "0 to 1",
  hours: "hours",
  rating: "1 to 5",
};
