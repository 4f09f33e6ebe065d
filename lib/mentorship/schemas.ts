// What the mentoring forms and buttons accept: preferences, a request for a mentor, a new
// pairing and its status changes. Form values arrive as strings; messages name the field's
// rule so that they can show beside it.
import { idSchema } from "@/lib/core/ids";
import { formatNumber } from "@/lib/core/format";
import { z } from "zod";
import { addMonths, formatCalendarDate, parseDateInput, utcToday } from "@/lib/core/dates";
import { MENTORSHIP_LIMITS } from "./limits";
import { multiLineText, singleLineText } from "@/lib/core/forms/text";

const L = MENTORSHIP_LIMITS;
const DAY_MS = 86_400_000;

/**
 * Trimmed text with browser line endings (\r\n) counted as one; missing reads as empty. Used
 * for values read further (dates, numbers); text kept as it is comes from lib/core/forms/text.
 */
const text = () =>
  z
    .preprocess((value) => (value === undefined || value === null ? "" : value), z.string())
    .transform((value) => value.replace(/\r\n?/g, "\n").trim());

/** A checkbox: "on" (or "true") when ticked, absent or anything else when not. */
const checkbox = z.preprocess(
  (value) => value === "on" || value === "true" || value === true,
  z.boolean(),
);

const memberId = (missing: string) =>
  singleLineText("Unknown member.").pipe(z.string().min(1, missing).max(40, "Unknown member."));

/** A whole number typed in a form; null when the value is not one. */
function wholeNumber(value: string): number | null {
  return /^-?\d+$/.test(value) ? Number(value) : null;
}

// ---------------------------------------------------------------------------------------------
// Preferences

export const MAX_MENTEES_MESSAGE = `Choose how many mentees you can take on at once, from 1 to ${L.maxMenteesMax}.`;

/**
 * The preferences form. `maxMentees` only counts when `openToMentor` is ticked: unticked, it
 * is neither checked nor saved (undefined), so the stored number is kept for next time.
 */
export const mentorshipProfileSchema = z
  .object({
    openToMentor: checkbox,
    maxMentees: singleLineText(MAX_MENTEES_MESSAGE),
    wantsMentor: checkbox,
    goals: multiLineText().pipe(
      z.string().max(L.goalsMax, `Keep your goals under ${formatNumber(L.goalsMax)} characters.`),
    ),
  })
  .transform(({ maxMentees, ...profile }, context) => {
    if (!profile.openToMentor) return { ...profile, maxMentees: undefined };
    const number = wholeNumber(maxMentees);
    if (number === null || number < 1 || number > L.maxMenteesMax) {
      context.addIssue({ code: "custom", path: ["maxMentees"], message: MAX_MENTEES_MESSAGE });
      return z.NEVER;
    }
    return { ...profile, maxMentees: number };
  });

export type MentorshipProfileInput = z.output<typeof mentorshipProfileSchema>;

// ---------------------------------------------------------------------------------------------
// Requests

export const mentorRequestSchema = z.object({
  note: multiLineText().pipe(
    z
      .string()
      .max(L.requestNoteMax, `Keep the note under ${formatNumber(L.requestNoteMax)} characters.`),
  ),
});

export const withdrawRequestSchema = z.object({ id: idSchema });

// ---------------------------------------------------------------------------------------------
// Pairings

/** A required "YYYY-MM-DD" date field, as a UTC midnight. */
const dateField = (missing: string) =>
  text().transform((value, context) => {
    if (!value) {
      context.addIssue({ code: "custom", message: missing });
      return z.NEVER;
    }
    const date = parseDateInput(value);
    if (!date) {
      context.addIssue({ code: "custom", message: "Enter a date as year, month and day." });
      return z.NEVER;
    }
    return date;
  });

/** An optional "YYYY-MM-DD" date field: empty means none. */
const optionalDateField = text().transform((value, context) => {
  if (!value) return null;
  const date = parseDateInput(value);
  if (!date) {
    context.addIssue({ code: "custom", message: "Enter a date as year, month and day." });
    return z.NEVER;
  }
  return date;
});

/** Start dates are accepted from a year ago to a year ahead ("today" read when parsing). */
const startsOn = dateField("Choose the day the mentorship starts.").superRefine((date, context) => {
  const today = utcToday();
  const earliest = addMonths(today, -12);
  const latest = addMonths(today, 12);
  if (date < earliest || date > latest) {
    context.addIssue({
      code: "custom",
      message: `Choose a start date within a year of today, from ${formatCalendarDate(earliest)} to ${formatCalendarDate(latest)}.`,
    });
  }
});

export const CADENCE_MESSAGE = `Choose how often to check in: every ${L.cadenceMinDays} to ${L.cadenceMaxDays} days.`;

const cadenceDays = text().transform((value, context) => {
  const days = wholeNumber(value);
  if (days === null) {
    context.addIssue({
      code: "custom",
      message: value
        ? `Enter the number of days between check-ins as a whole number, from ${L.cadenceMinDays} to ${L.cadenceMaxDays}.`
        : CADENCE_MESSAGE,
    });
    return z.NEVER;
  }
  if (days < L.cadenceMinDays || days > L.cadenceMaxDays) {
    context.addIssue({ code: "custom", message: CADENCE_MESSAGE });
    return z.NEVER;
  }
  return days;
});

const optionalId = singleLineText("Unknown request.").pipe(
  z
    .string()
    .max(40, "Unknown request.")
    .transform((value) => value || null),
);

export const createPairingSchema = z
  .object({
    mentorId: memberId("Choose a mentor."),
    menteeId: memberId("Choose a mentee."),
    goals: multiLineText().pipe(
      z
        .string()
        .min(1, "Write down what the mentee wants to work on, one goal a line.")
        .max(L.goalsMax, `Keep the goals under ${formatNumber(L.goalsMax)} characters.`),
    ),
    startsOn,
    cadenceDays,
    expectedEndOn: optionalDateField,
    requestId: optionalId,
  })
  // Checked even when other fields have problems, as long as both members were chosen.
  .refine((pairing) => pairing.mentorId !== pairing.menteeId, {
    path: ["menteeId"],
    message: "A member can't mentor themselves.",
    when: ({ issues }) =>
      !issues.some((issue) => issue.path?.[0] === "mentorId" || issue.path?.[0] === "menteeId"),
  })
  .superRefine((pairing, context) => {
    const end = pairing.expectedEndOn;
    if (!end) return;
    if (end <= pairing.startsOn) {
      context.addIssue({
        code: "custom",
        path: ["expectedEndOn"],
        message: "The expected end must be after the start date.",
      });
      return;
    }
    const latest = new Date(pairing.startsOn.getTime() + L.maxLengthDays * DAY_MS);
    if (end > latest) {
      context.addIssue({
        code: "custom",
        path: ["expectedEndOn"],
        message: `A mentorship runs for at most ${L.maxLengthDays} days: choose an expected end no later than ${formatCalendarDate(latest)}.`,
      });
    }
  });

export type CreatePairingInput = z.output<typeof createPairingSchema>;

/**
 * The pairing's goals as checklist items: each non-empty line, without a leading list marker
 * ("- ", "* ", "1. "), cut to the title limit; at most the first goalsPerPairing.
 */
export function goalTitles(goals: string): string[] {
  return goals
    .split("\n")
    .map((line) =>
      line
        .trim()
        .replace(/^(?:[-*•]|\d{1,3}[.)])\s+/u, "")
        .slice(0, L.goalTitleMax)
        .trim(),
    )
    .filter(Boolean)
    .slice(0, L.goalsPerPairing);
}

export const PAIRING_ACTIONS = ["pause", "resume", "complete", "end"] as const;
export type PairingAction = (typeof PAIRING_ACTIONS)[number];

const reason = multiLineText().pipe(
  z
    .string()
    .max(L.endReasonMax, `Keep the reason under ${formatNumber(L.endReasonMax)} characters.`),
);

export const changePairingStatusSchema = z
  .object({
    id: idSchema,
    action: z.enum(PAIRING_ACTIONS, "Choose what to do with the mentorship."),
    reason,
  })
  .superRefine((change, context) => {
    if (change.action === "end" && !change.reason) {
      context.addIssue({
        code: "custom",
        path: ["reason"],
        message: "Say why the mentorship is ending.",
      });
    }
  });

export const requestPairingEndSchema = z.object({
  id: idSchema,
  reason: reason.pipe(z.string().min(1, "Say why you'd like to end the mentorship.")),
});
