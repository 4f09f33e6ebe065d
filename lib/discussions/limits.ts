// Length limits shared by the zod schemas and the forms' hints.
export const DISCUSSION_LIMITS = {
  titleMin: 5,
  titleMax: 150,
  bodyMin: 1,
  bodyMax: 20_000,
  replyMin: 1,
  replyMax: 20_000,
  /** How much of a reply a "Reply to this" link quotes into the new reply. */
  quoteMax: 600,
} as const;

/** Replies per page of a thread (NodeBB and Discourse load 20 at a time; issue 18). */
export const REPLY_PAGE_SIZE = 25;

/** At most this many pinned discussions show above the list. */
export const PINNED_LIMIT = 10;
