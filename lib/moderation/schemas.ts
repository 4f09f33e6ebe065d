import { z } from "zod";
import { plainIdSchema as idSchema } from "@/lib/core/ids";
import { REPORT_LIMITS, REPORT_TARGETS } from "./limits";
import { singleLineText, urlText } from "@/lib/core/forms/text";

export const moderationTargetSchema = z.object({
  targetType: z.enum(REPORT_TARGETS),
  targetId: idSchema,
  /** The admin's note for the audit log; optional. */
  reason: singleLineText()
    .pipe(
      z
        .string()
        .max(REPORT_LIMITS.reason, `Keep the reason under ${REPORT_LIMITS.reason} characters.`),
    )
    .transform((value) => value || undefined),
});

export type ModerationTarget = z.infer<typeof moderationTargetSchema>;

export const MODERATION_INTENTS = ["hide", "restore", "dismiss"] as const;
export type ModerationIntent = (typeof MODERATION_INTENTS)[number];

export const moderationIntentSchema = z.object({
  intent: z.enum(MODERATION_INTENTS, "Choose Hide, Restore or Dismiss."),
});

export const QUEUE_VIEWS = ["open", "hidden"] as const;

const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);

/** /admin/reports URL query; a malformed one is a 404. */
export const reportQueueQuerySchema = z.object({
  view: z.preprocess(blankToUndefined, z.enum(QUEUE_VIEWS).default("open")),
  cursor: z.preprocess(blankToUndefined, urlText(500).optional()),
});

/** Sort key of the last row shown: (time, targetType, targetId), newest first. */
export const queueCursorSchema = z.tuple([z.iso.datetime(), z.enum(REPORT_TARGETS), idSchema]);

export type ReportQueueQuery = z.infer<typeof reportQueueQuerySchema>;
