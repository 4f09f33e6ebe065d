export const REQUEST_LIMITS = {
  titleMin: 5,
  titleMax: 150,
  detailsMax: 4000,
  pageSize: 20,
} as const;
