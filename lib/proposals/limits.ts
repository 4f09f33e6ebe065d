// Length limits for topic proposals and the size of a page of them, shared by the zod
// schemas, the form's hints and the list.
export const PROPOSAL_LIMITS = {
  titleMin: 5,
  titleMax: 150,
  whyMin: 10,
  whyMax: 5_000,
} as const;

/** Proposals per page of each tab of /sessions/proposals. */
export const PROPOSAL_PAGE_SIZE = 20;
