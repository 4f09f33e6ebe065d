"use client";
import { useActionState } from "react";
import { TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { cancelSessionAction, completeSessionAction } from "@/lib/sessions/actions";
import { SESSION_LIMITS } from "@/lib/sessions/limits";

/** Cancelling, with the reason attendees will read on the session page. */
export function CancelSessionForm({ sessionId }: { sessionId: string }) {
  const [state, formAction] = useActionState(cancelSessionAction, null);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <input type="hidden" name="id" value={sessionId} />
      <FormMessage state={state} />
      <TextAreaField
        name="reason"
        label="Why is it cancelled?"
        hint="Shown on the session page; everyone going or waiting is told."
        state={state}
        rows={3}
        maxLength={SESSION_LIMITS.cancelReasonMax}
        required
      />
      <SubmitButton variant="danger" pendingText="Cancelling…">
        Cancel the session
      </SubmitButton>
    </form>
  );
}

export function CompleteSessionForm({ sessionId }: { sessionId: string }) {
  const [state, formAction] = useActionState(completeSessionAction, null);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="id" value={sessionId} />
      <FormMessage state={state} />
      <SubmitButton variant="secondary" pendingText="Saving…">
        Mark as completed
      </SubmitButton>
    </form>
  );
}
