export const REPORT_LIMITS = { reasonMin: 5, reason: 500 } as const;
