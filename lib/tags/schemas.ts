import { z } from "zod";
import { isPlainLine, urlText } from "@/lib/core/forms/text";

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** Tag ids are Prisma cuids; anything else cannot name one. */
export const tagIdSchema = z
  .cuid({ error: "That is not a valid tag." })
  .refine(isPlainLine, "That is not a valid tag.");

/** The follow button's form: which tag, and whether to follow or stop following it. */
export const tagFollowSchema = z.object({
  tagId: tagIdSchema,
  follow: z.enum(["true", "false"], { error: "Choose to follow or unfollow." }),
});

export const TAG_FILTER_LENGTH = 40;

/** /tags URL parameters: a filter (the start of a tag's name) and the page cursor. */
export const tagsPageSchema = z.object({
  q: z.preprocess(blankToUndefined, urlText(200).optional()),
  cursor: z.preprocess(blankToUndefined, urlText(500).optional()),
});

/** The autocomplete's `?q=`: what has been typed of one tag. */
export const tagSuggestionQuerySchema = z.object({ q: urlText(100).default("") });
