// What the forms of a pair's space accept: goals and their progress, check-ins, links to
// knowledge posts and sessions, and reflections. Form input arrives as strings; messages name
// the field's rule so that they can show beside it. Rules that need the pairing (its start
// date, its status, how many goals it has) are checked by the services in space.ts.
import { formatNumber } from "@/lib/core/format";
import { z } from "zod";
import { parseDateInput } from "@/lib/core/dates";
import { MENTORSHIP_LIMITS as L } from "@/lib/mentorship/limits";
import { multiLineText, singleLineText } from "@/lib/core/forms/text";
import { recordId } from "@/lib/core/ids";

const id = (missing = "Missing id.") => recordId({ missing });

/**
 * Trimmed text with browser line endings (\r\n) counted as one; missing reads as empty. Used
 * for values read further (dates, links); text kept as it is comes from lib/core/forms/text.
 */
const text = () =>
  z
    .string()
    .optional()
    .transform((value = "") => value.replace(/\r\n?/g, "\n").trim());

/** Text of several lines that must be given, at most `max` characters. */
const required = (max: number, missing: string, tooLong: string) =>
  multiLineText().pipe(z.string().min(1, missing).max(max, tooLong));

const optional = (max: number, tooLong: string) =>
  multiLineText().pipe(z.string().max(max, tooLong));

// Goals ---------------------------------------------------------------------------------

export const addGoalSchema = z.object({
  pairingId: id(),
  title: singleLineText().pipe(
    z
      .string()
      .min(1, "Say what the goal is.")
      .max(L.goalTitleMax, `Keep the goal under ${formatNumber(L.goalTitleMax)} characters.`),
  ),
});

const PROGRESS_MESSAGE = "Enter the progress as a whole number from 0 to 100.";

/** A whole percentage; "50" from a form or 50 from a caller, never "50.5" or "". */
const progress = z
  .union([z.string(), z.number()], PROGRESS_MESSAGE)
  .transform((value) => {
    if (typeof value === "number") return value;
    const trimmed = value.trim();
    return /^-?\d+$/.test(trimmed) ? Number(trimmed) : NaN;
  })
  .pipe(
    z
      .number(PROGRESS_MESSAGE)
      .int(PROGRESS_MESSAGE)
      .min(0, PROGRESS_MESSAGE)
      .max(100, PROGRESS_MESSAGE),
  );

export const updateGoalProgressSchema = z.object({ goalId: id(), progress });

export const goalIdSchema = z.object({ goalId: id() });

// Check-ins -----------------------------------------------------------------------------

/** A "YYYY-MM-DD" (an <input type="date">) naming a real day, as a UTC midnight. */
const heldOn = text().transform((value, context) => {
  if (!value) {
    context.addIssue({ code: "custom", message: "Enter the day you met." });
    return z.NEVER;
  }
  const date = parseDateInput(value);
  if (!date) {
    context.addIssue({ code: "custom", message: "Enter the day you met as year, month and day." });
    return z.NEVER;
  }
  return date;
});

export const logCheckInSchema = z.object({
  pairingId: id(),
  heldOn,
  notes: required(
    L.checkInNotesMax,
    "Write a few words about what you talked about.",
    `Keep the notes under ${formatNumber(L.checkInNotesMax)} characters.`,
  ),
  nextSteps: optional(
    L.nextStepsMax,
    `Keep the next steps under ${formatNumber(L.nextStepsMax)} characters.`,
  ),
});

// Links ---------------------------------------------------------------------------------

export type PairingLinkTarget =
  { type: "post"; postId: string } | { type: "session"; sessionId: string };

export const BAD_PAIRING_LINK =
  "Link to a knowledge post or a session on this site, such as /posts/… or /sessions/….";

const LINK_PATH = /^\/(posts|sessions)\/([A-Za-z0-9_-]{1,40})\/?$/;

/**
 * The knowledge post or session a link points at: a same-site path ("/posts/<id>",
 * "/sessions/<id>"), or a full http(s) address whose path is one of those (copied from the
 * browser's address bar). A query or an anchor is ignored; anything else is null.
 */
export function parsePairingLink(raw: string): PairingLinkTarget | null {
  const value = raw.trim();
  let path: string;
  if (value.startsWith("/")) {
    if (value.startsWith("//")) return null;
    path = value.split(/[?#]/, 1)[0] ?? "";
  } else {
    try {
      const url = new URL(value);
      if (url.protocol !== "https:" && url.protocol !== "http:") return null;
      path = url.pathname;
    } catch {
      return null;
    }
  }
  const match = LINK_PATH.exec(path);
  if (!match) return null;
  const [, kind, itemId] = match;
  return kind === "posts"
    ? { type: "post", postId: itemId! }
    : { type: "session", sessionId: itemId! };
}

const link = text().transform((value, context) => {
  if (!value) {
    context.addIssue({
      code: "custom",
      message: "Paste the link to a knowledge post or a session.",
    });
    return z.NEVER;
  }
  const target = value.length <= 2000 ? parsePairingLink(value) : null;
  if (!target) {
    context.addIssue({ code: "custom", message: BAD_PAIRING_LINK });
    return z.NEVER;
  }
  return target;
});

export const addPairingLinkSchema = z.object({
  pairingId: id(),
  link,
  note: singleLineText().pipe(
    z.string().max(L.linkNoteMax, `Keep the note under ${formatNumber(L.linkNoteMax)} characters.`),
  ),
});

export const linkIdSchema = z.object({ linkId: id() });

// Reflections ---------------------------------------------------------------------------

export const saveReflectionSchema = z.object({
  pairingId: id(),
  learned: required(
    L.reflectionMax,
    "Say what you learned.",
    `Keep what you learned under ${formatNumber(L.reflectionMax)} characters.`,
  ),
  nextSteps: required(
    L.reflectionMax,
    "Say what you will do next.",
    `Keep what you will do next under ${formatNumber(L.reflectionMax)} characters.`,
  ),
});
