import { SURVEY_STATUS_LABELS as STATUS_LABELS, type SurveyStatus } from "@/lib/surveys/status";

const TONES: Record<SurveyStatus, string> = {
  scheduled: "border-amber-300 bg-amber-50 text-amber-900",
  open: "border-green-300 bg-green-50 text-green-900",
  closed: "border-stone-300 bg-stone-100 text-stone-800",
};

/** Scheduled / Open / Closed, in words (the colour only repeats them). */
export function StatusBadge({ status }: { status: SurveyStatus }) {
  return (
    <span
      className={`inline-block rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${TONES[status]}`}
    >
      {STATUS_LABELS[status]}
    </span>
  );
}
