// What the topic proposal services accept. Messages name the field's rule so that they can
// show beside it.
import { z } from "zod";
import { PROPOSAL_LIMITS as L } from "./limits";
import { cuidId } from "@/lib/core/ids";
import { multiLineText, singleLineText, urlText } from "@/lib/core/forms/text";
import { formatNumber } from "@/lib/core/format";

export const proposalIdSchema = cuidId("That is not a valid proposal.");

/** One line: line breaks and control characters refused, inner whitespace collapsed. */
const title = singleLineText()
  .transform((value) => value.replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(L.titleMin, `Give the topic a title of at least ${L.titleMin} characters.`)
      .max(L.titleMax, `Keep the title under ${L.titleMax} characters.`),
  );

/** Markdown as the editor counts it: line endings normalised, outer whitespace trimmed. */
const why = multiLineText().pipe(
  z
    .string()
    .min(L.whyMin, `Say in at least ${L.whyMin} characters why this topic matters.`)
    .max(L.whyMax, `Keep the reason under ${formatNumber(L.whyMax)} characters.`),
);

/** An HTML checkbox: sent as "on" (or "true") when ticked, absent when not. */
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const proposeTopicSchema = z.object({ title, why, willHost: checkbox });

const flag = z.enum(["true", "false"]).transform((value) => value === "true");
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const voteSchema = z.object({
  id: proposalIdSchema,
  /** The state the member asked for; absent: the opposite of the current one. */
  on: z.preprocess(blankToUndefined, flag.optional()),
});

export const proposalByIdSchema = z.object({ id: proposalIdSchema });

export const PROPOSAL_TABS = ["open", "scheduled", "declined"] as const;
export type ProposalTab = (typeof PROPOSAL_TABS)[number];

/** /sessions/proposals' URL: which tab, and the page cursor. */
export const proposalListParamsSchema = z.object({
  status: z.enum(PROPOSAL_TABS).optional(),
  cursor: urlText(500).optional(),
});
