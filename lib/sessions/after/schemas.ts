// What the after-session forms accept: notes, action items, ratings and "publish as post".
// Messages name the field's rule so they can show beside it.
import { z } from "zod";
import { parseDateInput } from "@/lib/core/dates";
import { NOTES_LIMITS, SESSION_LIMITS } from "@/lib/sessions/limits";
import { multiLineText, singleLineText } from "@/lib/core/forms/text";
import { recordId } from "@/lib/core/ids";
import { formatNumber } from "@/lib/core/format";

const id = (missing = "Missing id.") => recordId({ missing });

/** Line endings as the browser sends them (\r\n) count as one character, as in the editor. */
const text = (max: number, tooLong: string) => multiLineText().pipe(z.string().max(max, tooLong));

/** One line (no line breaks or control characters), trimmed. */
const line = (max: number, tooLong: string) => singleLineText().pipe(z.string().max(max, tooLong));

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/** Empty means "no recording"; otherwise an http(s) address (never javascript: and the like). */
export const recordingUrlSchema = singleLineText()
  .transform((value) => value || null)
  .pipe(
    z
      .string()
      .max(SESSION_LIMITS.urlMax, `Keep the link under ${SESSION_LIMITS.urlMax} characters.`)
      .refine(isWebAddress, "Enter a web address that starts with https:// or http://.")
      .nullable(),
  );

export const saveNotesSchema = z.object({
  sessionId: id(),
  summary: text(
    NOTES_LIMITS.summaryMax,
    `Keep the summary under ${formatNumber(NOTES_LIMITS.summaryMax)} characters.`,
  ),
  takeaways: text(
    NOTES_LIMITS.takeawaysMax,
    `Keep the key takeaways under ${formatNumber(NOTES_LIMITS.takeawaysMax)} characters.`,
  ),
  recordingUrl: recordingUrlSchema,
});

/** An optional "YYYY-MM-DD" (an <input type="date">) naming a real day; null when empty. */
export const dueOnSchema = z
  .string()
  .trim()
  .optional()
  .transform((value, context) => {
    if (!value) return null;
    const date = parseDateInput(value);
    if (!date) {
      context.addIssue({ code: "custom", message: "Enter the due date as year, month and day." });
      return z.NEVER;
    }
    return date;
  });

const actionItemFields = {
  title: line(
    NOTES_LIMITS.actionTitleMax,
    `Keep the action item under ${NOTES_LIMITS.actionTitleMax} characters.`,
  ).pipe(z.string().min(1, "Say what needs doing.")),
  ownerId: id("Choose who owns this action item from the suggestions."),
  dueOn: dueOnSchema,
};

export const addActionItemSchema = z.object({ sessionId: id(), ...actionItemFields });

export const editActionItemSchema = z.object({ id: id(), ...actionItemFields });

export const actionItemIdSchema = z.object({ id: id() });

/** A checkbox: sent as "true" or "on" when ticked, absent when not. */
const checkbox = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((value) => value === true || value === "true" || value === "on");

export const setActionItemDoneSchema = z.object({ id: id(), done: checkbox });

export const rateSessionSchema = z.object({
  sessionId: id(),
  rating: z
    .union([z.string(), z.number()], "Choose a rating from 1 to 5.")
    .transform((value) => (typeof value === "string" && !value.trim() ? NaN : Number(value)))
    .pipe(
      z
        .number("Choose a rating from 1 to 5.")
        .int("Choose a rating from 1 to 5.")
        .min(1, "Choose a rating from 1 to 5.")
        .max(5, "Choose a rating from 1 to 5."),
    ),
  comment: text(
    NOTES_LIMITS.feedbackCommentMax,
    `Keep the comment under ${formatNumber(NOTES_LIMITS.feedbackCommentMax)} characters.`,
  ),
  anonymous: checkbox,
});

export const sessionIdSchema = z.object({ sessionId: id() });
