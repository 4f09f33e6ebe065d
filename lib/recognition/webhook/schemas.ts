// What the chat-webhook admin forms accept. Messages name the rule, to show beside the field.
import { z } from "zod";
import { SETTINGS } from "@/lib/core/settings/registry";
import { formId, singleLineText, urlText } from "@/lib/core/forms/text";

const URL_MAX = 2000;

const isWebAddress = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
};

/** The incoming-webhook URL: a full http(s) address, or empty to turn posting off. */
export const webhookUrlFormSchema = z.object({
  url: singleLineText()
    .pipe(
      z
        .string()
        .max(URL_MAX, `Keep the address under ${URL_MAX} characters.`)
        .refine(
          (value) => value === "" || isWebAddress(value),
          "Enter a full web address starting with https://, or leave it empty to turn posting off.",
        ),
    )
    .pipe(SETTINGS["recognition.webhookUrl"].schema),
});

export const deliveryIdSchema = z.object({
  id: formId({ missing: "Missing delivery.", unknown: "Unknown delivery." }),
});

export const DELIVERY_STATUSES = ["PENDING", "DELIVERED", "FAILED"] as const;

/** The deliveries list's URL query: an optional status filter and a page cursor. */
export const deliveryFilterSchema = z.object({
  status: z.preprocess((v) => (v === "" ? undefined : v), z.enum(DELIVERY_STATUSES).optional()),
  cursor: urlText(500).optional(),
});

export type DeliveryFilter = z.infer<typeof deliveryFilterSchema>;
