// What the "Propose a topic" form starts with when a link fills it in (the skills gap's
// "Propose a session"): ?title= and ?why=, each dropped when it does not fit the form's rules.
// Only the form's starting text: nothing is saved until the member submits it.
import { z } from "zod";
import { hasControlCharacters } from "@/lib/core/forms/text";
import { PROPOSAL_LIMITS as L } from "./limits";

const oneLine = z
  .string()
  .trim()
  .max(L.titleMax)
  .refine((value) => !hasControlCharacters(value))
  .optional()
  .catch(undefined);

const text = z
  .string()
  .trim()
  .max(L.whyMax)
  .refine((value) => !hasControlCharacters(value, { multiLine: true }))
  .optional()
  .catch(undefined);

export const proposalPrefillSchema = z.object({ title: oneLine, why: text });
export type ProposalPrefill = z.infer<typeof proposalPrefillSchema>;

type Query = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The form's starting values from the URL's raw (first) values, read here rather than through
 * firstValues() because the reason may hold line breaks; anything unfit is left out.
 */
export function proposalPrefill(query: Query): ProposalPrefill {
  return proposalPrefillSchema.parse({ title: first(query.title), why: first(query.why) });
}
