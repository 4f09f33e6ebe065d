// How long a community's fields may be, shared by the schemas and the forms.
export const COMMUNITY_LIMITS = {
  nameMin: 3,
  nameMax: 80,
  purposeMin: 10,
  purposeMax: 4000,
  searchMax: 100,
  /** Slugs that name pages under /communities and so can never be a community's. */
  reservedSlugs: ["new", "by-id"],
} as const;
