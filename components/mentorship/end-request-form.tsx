"use client";
import { useActionState } from "react";
import { TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { MENTORSHIP_LIMITS } from "@/lib/mentorship/limits";
import { requestPairingEndAction } from "@/lib/mentorship/actions";

/** Either member asks to end the mentorship; the admins decide and close it. */
export function EndRequestForm({ pairingId }: { pairingId: string }) {
  const [state, formAction] = useActionState(requestPairingEndAction, null);
  return (
    <form action={formAction} className="max-w-2xl space-y-4" noValidate>
      <input type="hidden" name="id" value={pairingId} />
      <TextAreaField
        name="reason"
        fieldId="end-request-reason"
        label="Why do you want to end it?"
        hint="The admins and the other member of the pair see this. An admin then ends or completes the mentorship."
        rows={3}
        maxLength={MENTORSHIP_LIMITS.endReasonMax}
        state={state}
        required
      />
      <SubmitButton variant="secondary" pendingText="Sending…">
        Ask to end this mentorship
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
