"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/ui/field";
import { REPORT_TARGET_NAMES } from "@/lib/moderation/labels";
import { REPORT_LIMITS } from "@/lib/moderation/limits";
import { reportContentAction } from "@/lib/moderation/reports/actions";

export type ReportTargetType = "DISCUSSION" | "REPLY" | "POST" | "COMMENT" | "RECOGNITION";

/** The reason box of a "Report" disclosure; once sent, the thanks in its place. */
export default function ReportForm({
  targetType,
  targetId,
}: {
  targetType: ReportTargetType;
  targetId: string;
}) {
  const [state, formAction] = useActionState(reportContentAction, null);
  const what = REPORT_TARGET_NAMES[targetType];
  if (state?.ok) return <FormMessage state={state} />;
  return (
    <form action={formAction} className="mt-2 max-w-md space-y-2">
      <input type="hidden" name="targetType" value={targetType} />
      <input type="hidden" name="targetId" value={targetId} />
      <TextAreaField
        name="reason"
        fieldId={`report-reason-${targetId}`}
        label={`Why should an admin look at this ${what}?`}
        state={state}
        rows={3}
        maxLength={REPORT_LIMITS.reason}
        required
      />
      <SubmitButton variant="secondary" pendingText="Sending…">
        Send report
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
