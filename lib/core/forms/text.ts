// Text from forms and URLs, declared one way. Every text field of the app's zod schemas is one
// of these, so that a NUL byte (which PostgreSQL text cannot hold: error 22021) or a line
// break in a one-line field (which would end a line of an .ics file or of a header) is
// refused beside the field, before it reaches the database, a file or a header.
//
//   singleLineText()  titles, names, places, teams, links, tag and value names: no control
//                     character at all (a tab reads as a space); trimmed.
//   multiLineText()   textareas and markdown bodies: line breaks (\r\n read as \n) and tabs
//                     kept, no other control character; trimmed.
//   formId()          ids from forms and URLs: no control character, at most 40 characters.
//   urlText()         a URL query value (a filter, a cursor): no control character.
import { z } from "zod";

/** C0 controls (NUL, line feed, escape…), DEL, C1 controls, and the Unicode line breaks. */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
/** Control characters but TAB and LF, which multi-line text keeps (CR reads as LF first). */
const CONTROL_BUT_TAB_AND_LF = /[^\P{Cc}\t\n]/u;

export const SINGLE_LINE_MESSAGE =
  "Use a single line of plain text: no line breaks or invisible control characters.";
export const CONTROL_CHARACTER_MESSAGE =
  "Remove the invisible control characters (such as a null byte) from this text.";

/** Whether `value` holds a character that no text field accepts (multi-line: TAB and LF aside). */
export function hasControlCharacters(value: string, options: { multiLine?: boolean } = {}) {
  return (options.multiLine ? CONTROL_BUT_TAB_AND_LF : CONTROL).test(value);
}

/** For `.refine()`: true when `value` holds no control character at all. */
export const isPlainLine = (value: string) => !hasControlCharacters(value);

/** A single form value; a missing one reads as empty, so it gets the field's own message. */
const formValue = z.preprocess(
  (value) => (value === undefined || value === null ? "" : value),
  z.string(),
);

/**
 * One line of text (an <input>): refused with `message` when it holds a line break or any
 * other control character; a tab (pasted) reads as a space; trimmed. Pipe it into the field's
 * own rules: `singleLineText().pipe(z.string().min(3, "…").max(120, "…"))`.
 */
export function singleLineText(message = SINGLE_LINE_MESSAGE) {
  return formValue
    .transform((value) => value.replaceAll("\t", " "))
    .refine((value) => !hasControlCharacters(value), message)
    .transform((value) => value.trim());
}

/**
 * Text of several lines (a <textarea>, markdown): line breaks as the browser sends them
 * (\r\n) read as one \n, tabs kept; refused with `message` when it holds any other control
 * character; trimmed.
 */
export function multiLineText(message = CONTROL_CHARACTER_MESSAGE) {
  return formValue
    .transform((value) => value.replace(/\r\n?/g, "\n"))
    .refine((value) => !hasControlCharacters(value, { multiLine: true }), message)
    .transform((value) => value.trim());
}

/**
 * A record id from a form field or a URL segment: trimmed, present, at most `max` characters,
 * and without control characters (so that a crafted id is "unknown", not a database error).
 */
export function formId(messages: { missing?: string; unknown?: string } = {}, max = 40) {
  const unknown = messages.unknown ?? "Unknown id.";
  return z
    .string(messages.missing ?? "Missing id.")
    .trim()
    .min(1, messages.missing ?? "Missing id.")
    .max(max, unknown)
    .refine((value) => !hasControlCharacters(value), unknown);
}

/**
 * A value of a URL's query (a filter, a search, a page cursor): at most `max` characters and
 * no control character. The list pages answer a refused one with their 404.
 */
export function urlText(max: number) {
  return z
    .string()
    .max(max)
    .refine((value) => !hasControlCharacters(value), "That address holds a control character.");
}
