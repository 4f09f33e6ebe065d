import { z } from "zod";
import { cuidId } from "@/lib/core/ids";
import { multiLineText, singleLineText, urlText } from "@/lib/core/forms/text";
import { tagListSchema } from "@/lib/tags/schemas";
import { REQUEST_LIMITS as L } from "./limits";

const requestId = cuidId("That is not a valid request.");

export const createRequestSchema = z.object({
  title: singleLineText()
    .transform((value) => value.replace(/\s+/g, " "))
    .pipe(
      z
        .string()
        .min(L.titleMin, `Say what the post should cover in at least ${L.titleMin} characters.`)
        .max(L.titleMax, `Keep the title under ${L.titleMax} characters.`),
    ),
  details: multiLineText().pipe(
    z.string().max(L.detailsMax, `Keep the details under ${L.detailsMax} characters.`),
  ),
  tags: tagListSchema,
});

export const voteRequestSchema = z.object({
  requestId,
  vote: z.enum(["on", "off"], { error: "Vote or take your vote back." }),
});

export const fulfilRequestSchema = z.object({
  requestId,
  postId: cuidId("Choose one of your published posts."),
});

export const REQUEST_SORTS = ["votes", "newest"] as const;

export const requestListSchema = z.object({
  sort: z.enum(REQUEST_SORTS).default("votes"),
  cursor: urlText(500).optional(),
});
