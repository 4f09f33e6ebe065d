// What the mailbox pages accept: the list's recipient filter and cursor, a message's id.
import { z } from "zod";
import { formId, urlText } from "@/lib/core/forms/text";

export const mailboxFilterSchema = z.object({
  to: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() || undefined : v),
    urlText(320).optional(),
  ),
  cursor: urlText(500).optional(),
});

export type MailboxFilter = z.infer<typeof mailboxFilterSchema>;

export const capturedMailParamsSchema = z.object({ id: formId() });
