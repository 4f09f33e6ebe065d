import { z } from "zod";
import { tagListSchema } from "@/lib/tags/schemas";
import { DISCUSSION_LIMITS as L } from "./limits";
import { cuidId } from "@/lib/core/ids";
import { communityChoiceSchema, communityMoveSchema } from "@/lib/communities/posting-choice";
import { multiLineText, singleLineText, urlText } from "@/lib/core/forms/text";
import { formatNumber } from "@/lib/core/format";

export const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const idSchema = cuidId("That is not a valid id.");

/**
 * Markdown as the editor counts it: line endings normalised, outer whitespace trimmed, no
 * control characters but tabs and line breaks.
 */
function markdown(what: string, min: number, max: number) {
  return multiLineText().pipe(
    z
      .string()
      .min(min, `Write the ${what}.`)
      .max(max, `Keep the ${what} under ${formatNumber(max)} characters.`),
  );
}

/** One line: line breaks and control characters refused, inner whitespace collapsed. */
const title = singleLineText()
  .transform((value) => value.replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(L.titleMin, `Give it a title of at least ${L.titleMin} characters.`)
      .max(L.titleMax, `Keep the title under ${L.titleMax} characters.`),
  );

export const DISCUSSION_KINDS = ["DISCUSSION", "QUESTION"] as const;

export const createDiscussionSchema = z.object({
  kind: z.enum(DISCUSSION_KINDS, { error: "Choose a discussion or a question." }),
  title,
  body: markdown("body", L.bodyMin, L.bodyMax),
  tags: tagListSchema,
  communityId: communityChoiceSchema,
});

export const editDiscussionSchema = z.object({
  id: idSchema,
  title,
  body: markdown("body", L.bodyMin, L.bodyMax),
  tags: tagListSchema,
  communityId: communityMoveSchema,
});

export const createReplySchema = z.object({
  discussionId: idSchema,
  parentId: z.preprocess(blankToUndefined, idSchema.optional()),
  body: markdown("reply", L.replyMin, L.replyMax),
});

export const editReplySchema = z.object({
  id: idSchema,
  body: markdown("reply", L.replyMin, L.replyMax),
});

export const byIdSchema = z.object({ id: idSchema });

export const acceptAnswerSchema = z.object({
  discussionId: idSchema,
  /** Empty: no accepted answer. */
  replyId: z.preprocess(blankToUndefined, idSchema.optional()),
});

export const flag = z.enum(["true", "false"]).transform((value) => value === "true");

export const pinSchema = z.object({ id: idSchema, pinned: flag });
export const lockSchema = z.object({ id: idSchema, locked: flag });

// The list page's URL. Anything malformed is a 404; an empty value means "any".
export const LIST_SORTS = ["activity", "newest", "reactions"] as const;
export type ListSort = (typeof LIST_SORTS)[number];
export const LIST_KINDS = ["discussion", "question"] as const;
export const LIST_STATUSES = ["unanswered", "answered"] as const;
export const LIST_SCOPES = ["mine", "following"] as const;

export const listParamsSchema = z.object({
  tag: z.preprocess(blankToUndefined, urlText(60).optional()),
  kind: z.preprocess(blankToUndefined, z.enum(LIST_KINDS).optional()),
  status: z.preprocess(blankToUndefined, z.enum(LIST_STATUSES).optional()),
  scope: z.preprocess(blankToUndefined, z.enum(LIST_SCOPES).optional()),
  sort: z.preprocess(blankToUndefined, z.enum(LIST_SORTS).default("activity")),
  cursor: z.preprocess(blankToUndefined, urlText(500).optional()),
});

export type ListParams = z.infer<typeof listParamsSchema>;

/** How a thread's replies are ordered: most votes first, oldest first, newest first. */
export const THREAD_SORTS = ["votes", "oldest", "newest"] as const;
export type ThreadSort = (typeof THREAD_SORTS)[number];

/** A question opens on its best answers, a discussion in the order it was written. */
export const defaultThreadSort = (kind: "DISCUSSION" | "QUESTION"): ThreadSort =>
  kind === "QUESTION" ? "votes" : "oldest";

// The thread page's URL. No sort: the kind's default, or, with a cursor, oldest first (the
// cursors of replyLocation, which a reply's permanent link and the reply form redirect to).
export const threadParamsSchema = z.object({
  sort: z.preprocess(blankToUndefined, z.enum(THREAD_SORTS).optional()),
  cursor: z.preprocess(blankToUndefined, urlText(500).optional()),
  replyTo: z.preprocess(blankToUndefined, urlText(40).optional()),
});

export type ThreadParams = z.infer<typeof threadParamsSchema>;

export const WATCH_LEVELS = ["WATCHING", "TRACKING", "MUTED"] as const;

/** Watching / normal (tracking) / muted for one discussion, from the discussion page. */
export const watchLevelSchema = z.object({
  discussionId: idSchema,
  level: z.enum(WATCH_LEVELS, { error: "Pick watching, normal or muted." }),
});
