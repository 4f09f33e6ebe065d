// The sizes private feedback keeps to.
export const PRIVATE_FEEDBACK_LIMITS = {
  messageMax: 2000,
  /** Notes one member may send in any 24 hours: kindness needs no more, abuse would. */
  perDay: 20,
  page: 20,
  excerpt: 160,
} as const;
