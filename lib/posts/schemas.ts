// What a post, a comment and the small post actions accept. Messages name the field's rule
// so they can show beside it.
import { communityChoiceSchema, communityMoveSchema } from "@/lib/communities/posting-choice";
import { idSchema } from "@/lib/core/ids";
import { z } from "zod";
import { tagListSchema } from "@/lib/tags/schemas";
import { formatCalendarDate, parseDateInput, utcToday } from "@/lib/core/dates";
import { latestReviewDate } from "./review-dates";
import { COMMENT_LIMITS, POST_LIMITS } from "./limits";
import { POST_TYPES } from "./types";
import { multiLineText, singleLineText, urlText } from "@/lib/core/forms/text";
import { formatNumber } from "@/lib/core/format";

// Text fields come from lib/core/forms/text: line endings as the browser sends them (\r\n) count as
// one character, as in the editor; a missing field reads as empty, so it gets the field's own
// "too short" message; control characters (and line breaks in the title) are refused.

const { titleMin, titleMax, summaryMin, summaryMax, bodyMax } = POST_LIMITS;

export const postFieldsSchema = z.object({
  type: z.enum(POST_TYPES, "Choose what kind of post this is."),
  title: singleLineText().pipe(
    z
      .string()
      .min(titleMin, `Give the post a title of at least ${titleMin} characters.`)
      .max(titleMax, `Keep the title under ${titleMax} characters.`),
  ),
  summary: multiLineText().pipe(
    z
      .string()
      .min(summaryMin, `Write a summary of at least ${summaryMin} characters.`)
      .max(summaryMax, `Keep the summary under ${summaryMax} characters.`),
  ),
  body: multiLineText().pipe(
    z
      .string()
      .min(1, "Write the post.")
      .max(bodyMax, `Keep the post under ${formatNumber(bodyMax)} characters.`),
  ),
  tags: tagListSchema,
});

/**
 * An optional "YYYY-MM-DD" from a date field: empty means "the default", otherwise a real
 * date from today (UTC) up to REVIEW.maxYearsAhead years ahead. "Today" is read when parsing.
 */
export const reviewBySchema = z
  .string()
  .trim()
  .optional()
  .transform((value, context) => {
    if (!value) return undefined;
    const date = parseDateInput(value);
    if (!date) {
      context.addIssue({ code: "custom", message: "Enter a date as year, month and day." });
      return z.NEVER;
    }
    if (date < utcToday()) {
      context.addIssue({ code: "custom", message: "Choose today or a later date." });
      return z.NEVER;
    }
    const latest = latestReviewDate();
    if (date > latest) {
      context.addIssue({
        code: "custom",
        message: `Choose a date no later than ${formatCalendarDate(latest)}.`,
      });
      return z.NEVER;
    }
    return date;
  });

export const createPostSchema = postFieldsSchema.extend({ communityId: communityChoiceSchema });

export const updatePostSchema = postFieldsSchema.extend({
  id: idSchema,
  reviewBy: reviewBySchema,
  communityId: communityMoveSchema,
});

export const publishPostSchema = z.object({ id: idSchema, reviewBy: reviewBySchema });

export const markReviewedSchema = z.object({ id: idSchema, reviewBy: reviewBySchema });

export const postIdSchema = z.object({ id: idSchema });

const onOff = z.enum(["true", "false"]).transform((value) => value === "true");

export const pinSchema = z.object({ id: idSchema, pinned: onOff });

export const helpfulSchema = z.object({ id: idSchema, helpful: onOff });

export const bookmarkSchema = z.object({ id: idSchema, saved: onOff });

const commentBody = multiLineText().pipe(
  z
    .string()
    .min(1, "Write a comment.")
    .max(
      COMMENT_LIMITS.bodyMax,
      `Keep the comment under ${formatNumber(COMMENT_LIMITS.bodyMax)} characters.`,
    ),
);

export const addCommentSchema = z.object({ postId: idSchema, body: commentBody });

export const editCommentSchema = z.object({ id: idSchema, body: commentBody });

export const commentIdSchema = z.object({ id: idSchema });

/** The /posts list's URL: type by its slug, tag by its slug, and the page cursor. */
export const postListParamsSchema = z.object({
  type: urlText(40).optional(),
  tag: urlText(80).optional(),
  cursor: urlText(500).optional(),
});

export const cursorParamsSchema = z.object({ cursor: urlText(500).optional() });
