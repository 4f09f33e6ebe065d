import { z } from "zod";
import { tagSlug } from "@/lib/tags/schemas";
import { cleanSearchText } from "./query-text";
import { urlText } from "@/lib/core/forms/text";

export const SEARCH_TYPES = ["all", "discussions", "replies", "posts", "members"] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];
export type ResultType = Exclude<SearchType, "all">;
export const RESULT_TYPES = SEARCH_TYPES.filter((t): t is ResultType => t !== "all");

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/**
 * /search URL parameters. The text is cleaned and cut to length rather than refused, so any
 * typed query shows a results page; an unknown type or an over-long cursor is a 404.
 */
export const searchPageSchema = z.object({
  q: z.preprocess((v) => v ?? "", z.string().transform(cleanSearchText)),
  type: z.preprocess(blankToUndefined, z.enum(SEARCH_TYPES).default("all")),
  tag: z.preprocess(
    blankToUndefined,
    z
      .string()
      .max(200)
      .transform((tag) => tagSlug(tag) || undefined)
      .optional(),
  ),
  cursor: z.preprocess(blankToUndefined, urlText(500).optional()),
});

export type SearchPageParams = z.output<typeof searchPageSchema>;
