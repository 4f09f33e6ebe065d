// Length and count limits for sessions, shared by the zod schemas and the forms' hints.
export const SESSION_LIMITS = {
  titleMin: 5,
  titleMax: 150,
  descriptionMax: 10_000,
  agendaFieldMax: 5_000,
  locationMax: 200,
  urlMax: 500,
  cancelReasonMin: 5,
  cancelReasonMax: 500,
  capacityMax: 10_000,
  maxHosts: 5,
  maxPreReading: 10,
  /** The longest a session may run. */
  maxHours: 12,
  /** How far ahead a session may be scheduled. */
  maxYearsAhead: 2,
  /** Attendees may check themselves in from this long before the start until the end. */
  checkInEarlyMinutes: 15,
} as const;

export const NOTES_LIMITS = {
  summaryMax: 10_000,
  takeawaysMax: 10_000,
  actionTitleMax: 200,
  maxActionItems: 50,
  feedbackCommentMax: 2_000,
} as const;

export const LIST_LIMITS = {
  /** Sessions per page of the upcoming and past lists. */
  page: 20,
  /** Members shown per list (attendees, waitlist) on a session page. */
  people: 200,
} as const;

/**
 * Anonymous ratings wait sealed until this many of a session's have come, then appear
 * together (lib/sessions/after/anonymous-feedback.ts): no one of them can be told from the others.
 */
export const ANONYMOUS_FEEDBACK_BATCH = 3;
