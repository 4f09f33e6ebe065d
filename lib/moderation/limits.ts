import type { ReportTarget } from "@/lib/generated/prisma/enums";

export const REPORT_LIMITS = { reasonMin: 5, reason: 500 } as const;

/** What a member can report (no schema here: client components import this module). */
export const REPORT_TARGETS = [
  "DISCUSSION",
  "REPLY",
  "POST",
  "COMMENT",
  "RECOGNITION",
] as const satisfies readonly ReportTarget[];
