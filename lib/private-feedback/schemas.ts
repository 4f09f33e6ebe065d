// What the private feedback form, its URLs and its one button accept. Messages are written
// to show beside the field.
import { z } from "zod";
import { PRIVATE_FEEDBACK_LIMITS as L } from "./limits";
import { isPlainLine, multiLineText, urlText } from "@/lib/core/forms/text";
import { plainId } from "@/lib/core/ids";
import { formatNumber } from "@/lib/core/format";

export const feedbackIdSchema = plainId({
  missing: "Unknown feedback.",
  unknown: "Unknown feedback.",
});

const recipientId = z
  .string("Choose one member to send it to.")
  .trim()
  .min(1, "Choose the member to send it to.")
  .max(64, "Choose a member from the suggestions.")
  .refine(isPlainLine, "Choose a member from the suggestions.");

/** Line endings as the browser sends them (\r\n) count as one; a missing field reads as empty. */
const message = multiLineText().pipe(
  z
    .string()
    .min(1, "Write your feedback.")
    .max(L.messageMax, `Keep your feedback under ${formatNumber(L.messageMax)} characters.`),
);

export const sendFeedbackSchema = z.object({ recipientId, message });

export const markReadSchema = z.object({ id: feedbackIdSchema });

export const FEEDBACK_TABS = ["received", "sent"] as const;
export type FeedbackTab = (typeof FEEDBACK_TABS)[number];

/** /feedback?tab=sent&cursor=…: a malformed one is a 404. */
export const feedbackListParamsSchema = z.object({
  tab: z.enum(FEEDBACK_TABS).default("received"),
  cursor: urlText(500).optional(),
});

/** /feedback/new?to=<memberId>: an unusable id just leaves the recipient empty. */
export const newFeedbackParamsSchema = z.object({
  to: urlText(64).optional().catch(undefined),
});

/** Sort key of the last note shown: (createdAt, id), newest first. */
export const feedbackCursorSchema = z.tuple([z.iso.datetime(), feedbackIdSchema]);
