// The optional community field of the discussion, post and session forms: blank is the
// company-wide stream. Only the id's shape is checked here (this module is safe for client
// bundles); whether the author may post there is the services' question
// (mayPostInCommunity in ./visibility).
import { z } from "zod";
import { recordId } from "@/lib/core/ids";

/** The field error for a community one may not post into (unknown, not a member, archived). */
export const NOT_A_POSTING_COMMUNITY = "Choose one of your communities, or none.";

export const communityChoiceSchema = z.preprocess(
  (value: unknown) => (value === "" || value === null ? undefined : value),
  recordId({ unknown: NOT_A_POSTING_COMMUNITY }).optional(),
);

/**
 * The same field on the edit forms, where leaving it out keeps the community (undefined) and a
 * blank choice moves the content to the company-wide stream (null): a request without the
 * field never makes a private community's content public.
 */
export const communityMoveSchema = z.preprocess(
  (value: unknown) => (value === "" ? null : value === null ? undefined : value),
  recordId({ unknown: NOT_A_POSTING_COMMUNITY }).nullable().optional(),
);
