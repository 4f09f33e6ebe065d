"use client";
import { useActionState, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/ui/field";
import { REPORT_TARGET_NAMES } from "@/lib/moderation/labels";
import { REPORT_LIMITS } from "@/lib/moderation/limits";
import { reportContentAction } from "@/lib/moderation/reports/actions";

type ReportTargetType = "DISCUSSION" | "REPLY" | "POST" | "COMMENT" | "RECOGNITION";

/** "Report" disclosure: a reason box that sends the item to the admins' queue. */
export function ReportButton({
  targetType,
  targetId,
}: {
  targetType: ReportTargetType;
  targetId: string;
}) {
  const [state, formAction] = useActionState(reportContentAction, null);
  const what = REPORT_TARGET_NAMES[targetType];
  // The form is rendered once the disclosure is first opened: a thread page has one per
  // reply, and the closed ones cost HTML, RSC payload and form keys on every page view.
  const [opened, setOpened] = useState(false);
  return (
    <details className="text-sm" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary className="cursor-pointer text-stone-600 hover:text-stone-900">
        Report<span className="sr-only">{` this ${what}`}</span>
      </summary>
      {!opened && !state ? null : state?.ok ? (
        <FormMessage state={state} />
      ) : (
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
      )}
    </details>
  );
}
