import { z } from "zod";
import { urlText } from "@/lib/core/forms/text";
import { cuidId } from "@/lib/core/ids";
import type { EmailFrequency } from "@/lib/generated/prisma/client";
import { choicesFor, PREFERENCE_KINDS, type PreferenceKind } from "./preferences";

export const notificationIdSchema = cuidId("That is not a valid notification id.");

export const markReadSchema = z.object({ id: notificationIdSchema });

export const NOTIFICATION_FILTERS = ["all", "unread"] as const;
export type NotificationFilter = (typeof NOTIFICATION_FILTERS)[number];

const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);

/** /notifications URL parameters; anything malformed is a 404. */
export const notificationsPageSchema = z.object({
  filter: z.preprocess(blankToUndefined, z.enum(NOTIFICATION_FILTERS).default("all")),
  cursor: z.preprocess(blankToUndefined, urlText(500).optional()),
});

export type NotificationsPageQuery = z.infer<typeof notificationsPageSchema>;

/** Sort key of the last notification shown: newest first by (createdAt, id). */
export const notificationCursorSchema = z.tuple([z.iso.datetime(), notificationIdSchema]);

/**
 * The preferences form: one field per kind, named by the kind, holding one of that kind's
 * choices. Kinds left out keep what they were.
 */
export const preferencesFormSchema = z
  .object(
    Object.fromEntries(
      PREFERENCE_KINDS.map((kind) => [
        kind,
        z.enum(choicesFor(kind) as [EmailFrequency, ...EmailFrequency[]], {
          error: "Pick one of the choices.",
        }),
      ]),
    ) as unknown as Record<PreferenceKind, z.ZodType<EmailFrequency>>,
  )
  .partial();
