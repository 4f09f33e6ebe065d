"use client";
import { useActionState, useState } from "react";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { MENTORSHIP_LIMITS } from "@/lib/mentorship/limits";
import { logCheckInAction } from "@/lib/mentorship/space/actions";
import { formatNumber } from "@/lib/core/format";

/** Logs a check-in: when the pair met, what they talked about, and what comes next. */
export function CheckInForm({ pairingId, today }: { pairingId: string; today: string }) {
  // A new key after each saved check-in empties the fields again.
  const [logged, setLogged] = useState(0);
  const [state, formAction] = useActionState(async (prev: unknown, formData: FormData) => {
    const result = await logCheckInAction(prev, formData);
    if (result.ok) setLogged((count) => count + 1);
    return result;
  }, null);
  return (
    <form action={formAction} className="max-w-2xl space-y-4" noValidate>
      <input type="hidden" name="pairingId" value={pairingId} />
      <div key={logged} className="space-y-4">
        <TextField
          name="heldOn"
          fieldId="check-in-held-on"
          type="date"
          label="Date"
          hint="When you met; today unless you are catching up."
          defaultValue={today}
          max={today}
          state={state}
          required
        />
        <TextAreaField
          name="notes"
          fieldId="check-in-notes"
          label="Notes"
          hint={`What you talked about and how the goals are going. Up to ${formatNumber(MENTORSHIP_LIMITS.checkInNotesMax)} characters.`}
          rows={4}
          maxLength={MENTORSHIP_LIMITS.checkInNotesMax}
          state={state}
          required
        />
        <TextAreaField
          name="nextSteps"
          fieldId="check-in-next-steps"
          label="Next steps (optional)"
          hint="What each of you will do before the next check-in."
          rows={2}
          maxLength={MENTORSHIP_LIMITS.nextStepsMax}
          state={state}
        />
      </div>
      <SubmitButton pendingText="Saving…">Log check-in</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
