// Any member reports a discussion, reply, knowledge post, comment or recognition for admins
// to review.
import { z } from "zod";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { failure, invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { NotFound } from "@/lib/core/forms/errors";
import { formId, multiLineText } from "@/lib/core/forms/text";
import type { ReportTarget } from "@/lib/generated/prisma/enums";
import { mayReport } from "@/lib/moderation/access";
import { REPORT_LIMITS, REPORT_TARGETS } from "@/lib/moderation/limits";

export { REPORT_TARGETS };

export const reportSchema = z.object({
  targetType: z.enum(REPORT_TARGETS),
  targetId: formId(),
  reason: multiLineText().pipe(
    z
      .string()
      .min(REPORT_LIMITS.reasonMin, "Say in a few words what is wrong.")
      .max(REPORT_LIMITS.reason, `Keep the reason under ${REPORT_LIMITS.reason} characters.`),
  ),
});

interface ReportedContent {
  authorId: string;
}

/** The reported item's author, if the item exists and is visible (not hidden, not a draft). */
async function visibleTarget(
  tx: TransactionClient,
  type: ReportTarget,
  id: string,
): Promise<ReportedContent | null> {
  const visible = { hiddenAt: null };
  const select = { authorId: true };
  switch (type) {
    case "DISCUSSION":
      return tx.discussion.findFirst({ where: { id, ...visible }, select });
    case "REPLY":
      return tx.reply.findFirst({ where: { id, ...visible, discussion: visible }, select });
    case "POST":
      return tx.knowledgePost.findFirst({ where: { id, ...visible, status: "PUBLISHED" }, select });
    case "COMMENT":
      return tx.postComment.findFirst({
        where: { id, ...visible, post: { ...visible, status: "PUBLISHED" } },
        select,
      });
    case "RECOGNITION": {
      const row = await tx.recognition.findFirst({
        where: { id, ...visible, deletedAt: null },
        select: { giverId: true },
      });
      return row && { authorId: row.giverId };
    }
  }
}

export async function reportContent(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "create:report:any");
  const parsed = reportSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { targetType, targetId, reason } = parsed.data;
  return db.$transaction(async (tx) => {
    const target = await visibleTarget(tx, targetType, targetId);
    if (!target) throw new NotFound("The item you reported");
    if (!mayReport(actor, target)) return failure("You can't report your own writing.");
    const { count } = await tx.report.createMany({
      data: [{ reporterId: actor.id, targetType, targetId, reason }],
      skipDuplicates: true,
    });
    if (count === 0) return failure("You have already reported this. An admin will look at it.");
    return success("Thank you. An admin will review your report.");
  });
}
