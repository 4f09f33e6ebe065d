// Length and count limits for knowledge posts and their comments, shared by the zod schemas
// and the forms' hints.
export const POST_LIMITS = {
  titleMin: 5,
  titleMax: 150,
  summaryMin: 10,
  summaryMax: 300,
  bodyMax: 50_000,
} as const;

export const COMMENT_LIMITS = { bodyMax: 10_000 } as const;

export const REVIEW = {
  /** A post is due for review this many months after publishing, editing or reviewing. */
  intervalMonths: 6,
  /** The furthest an author may push the next review. */
  maxYearsAhead: 3,
} as const;

export const POST_PAGE_LIMITS = {
  comments: 50,
  related: 5,
  pinned: 10,
  /** The table of contents shows only when the body has at least this many headings. */
  tocMinHeadings: 2,
  tocMaxEntries: 40,
} as const;
