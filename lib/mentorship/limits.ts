// Sizes, ranges and windows for the mentoring programme, shared by schemas, services and forms.
export const MENTORSHIP_LIMITS = {
  /** The most mentees one mentor may say they take on at once. */
  maxMenteesMax: 10,
  goalsMax: 2000,
  requestNoteMax: 1000,
  /** Check-in cadence in days: from weekly-ish to quarterly. */
  cadenceMinDays: 3,
  cadenceMaxDays: 90,
  defaultCadenceDays: 14,
  /** Days past the cadence before a pairing counts as overdue. */
  graceDays: 7,
  /** A pairing lasts at most this long from its start (expected end). */
  maxLengthDays: 730,
  goalTitleMax: 200,
  goalsPerPairing: 20,
  checkInNotesMax: 5000,
  nextStepsMax: 2000,
  linkNoteMax: 300,
  linksPerPairing: 50,
  reflectionMax: 2000,
  endReasonMax: 500,
} as const;

/** Cadences offered in forms (any whole number of days in range is accepted). */
export const CADENCE_CHOICES = [
  { days: 7, label: "Every week" },
  { days: 14, label: "Every two weeks" },
  { days: 21, label: "Every three weeks" },
  { days: 28, label: "Every four weeks" },
  { days: 42, label: "Every six weeks" },
] as const;
