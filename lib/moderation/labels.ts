// Words for the kinds of content members report and admins moderate. Pure (no database), so
// client components can import it.
import type { ReportTarget } from "@/lib/generated/prisma/enums";

/** Words for messages and buttons: "This reply is hidden.", "Hide this knowledge post". */
export const TARGET_NAMES: Record<ReportTarget, string> = {
  DISCUSSION: "discussion",
  REPLY: "reply",
  POST: "knowledge post",
  COMMENT: "comment",
  RECOGNITION: "recognition",
};

/** A kind as the report button says it ("Report this post"). */
export const REPORT_TARGET_NAMES: Record<ReportTarget, string> = {
  DISCUSSION: "discussion",
  REPLY: "reply",
  POST: "post",
  COMMENT: "comment",
  RECOGNITION: "recognition",
};

/** A kind as the admins' lists badge it. */
export const TARGET_LABELS: Record<ReportTarget, string> = {
  DISCUSSION: "Discussion",
  REPLY: "Reply",
  POST: "Knowledge post",
  COMMENT: "Comment",
  RECOGNITION: "Recognition",
};
