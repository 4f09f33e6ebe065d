import { z } from "zod";
import { urlText } from "@/lib/core/forms/text";

const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);

/** The audit page's URL filters; anything malformed is a 404, not a guess. */
export const auditFilterSchema = z.object({
  action: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[a-z0-9._-]{1,80}$/i)
      .optional(),
  ),
  entityType: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_]{1,40}$/)
      .optional(),
  ),
  cursor: z.preprocess(blankToUndefined, urlText(500).optional()),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** Sort key of the last entry shown: newest first by (createdAt, id). */
export const auditCursorSchema = z.tuple([z.iso.datetime(), z.string().min(1).max(64)]);
