// Search limits, shared by the URL schema, the queries and the form's hints.
export const SEARCH_LIMITS = {
  /** Longer queries are cut to this many characters rather than refused. */
  queryLength: 200,
  /** Results per type on the "All" view; each links on to its own paginated view. */
  perTypeOnAll: 5,
  /** Results per page on a single type's view. */
  pageSize: 20,
  /**
   * At most this many matching rows of a type (the newest ones) are ranked per query, so a
   * very common word costs about what a rare one does; more words or a tag narrow the matches.
   */
  candidates: 300,
  /** Characters of a body that snippets are cut from (ts_headline's cost grows with it). */
  snippetSourceLength: 2000,
} as const;
