// The "Ask for a mentor" note, started from a link (the skills gap's "Ask for mentoring"):
// ?learn=<skill name> becomes a sentence the member can change. Nothing is saved until they
// submit the form.
import { z } from "zod";
import { hasControlCharacters } from "@/lib/core/forms/text";

const SKILL_NAME_MAX = 100;

const skillName = z
  .string()
  .trim()
  .min(1)
  .max(SKILL_NAME_MAX)
  .refine((value) => !hasControlCharacters(value))
  .optional()
  .catch(undefined);

export const mentorRequestPrefillSchema = z.object({ learn: skillName });

/** The note's starting text, or "" when the URL names no usable skill. */
export function mentorRequestNotePrefill(query: Record<string, string | undefined>): string {
  const { learn } = mentorRequestPrefillSchema.parse({ learn: query.learn });
  return learn ? `I'd like a mentor to help me learn ${learn}.` : "";
}
