"use client";
import { useActionState } from "react";
import { TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { MENTORSHIP_LIMITS } from "@/lib/mentorship/limits";
import { saveReflectionAction } from "@/lib/mentorship/space/actions";
import { formatNumber } from "@/lib/core/format";

/** The viewer's own reflection on a completed mentorship; saving again edits it. */
export function ReflectionForm({
  pairingId,
  initial,
}: {
  pairingId: string;
  initial: { learned: string; nextSteps: string } | null;
}) {
  const [state, formAction] = useActionState(saveReflectionAction, null);
  const limit = formatNumber(MENTORSHIP_LIMITS.reflectionMax);
  return (
    <form action={formAction} className="max-w-2xl space-y-4" noValidate>
      <input type="hidden" name="pairingId" value={pairingId} />
      <TextAreaField
        name="learned"
        fieldId="reflection-learned"
        label="What I learned"
        hint={`Up to ${limit} characters.`}
        rows={3}
        maxLength={MENTORSHIP_LIMITS.reflectionMax}
        defaultValue={initial?.learned}
        state={state}
        required
      />
      <TextAreaField
        name="nextSteps"
        fieldId="reflection-next-steps"
        label="What I'll do next"
        hint={`Up to ${limit} characters.`}
        rows={3}
        maxLength={MENTORSHIP_LIMITS.reflectionMax}
        defaultValue={initial?.nextSteps}
        state={state}
        required
      />
      <SubmitButton pendingText="Saving…">
        {initial ? "Save changes to my reflection" : "Save my reflection"}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
