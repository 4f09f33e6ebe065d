"use client";
import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { updateSurveySettingsAction } from "@/lib/settings/actions";

export function SurveySettingsForm({ minResponses }: { minResponses: number }) {
  const [state, action] = useActionState(updateSurveySettingsAction, null);
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage state={state} />
      <TextField
        name="minResponses"
        type="number"
        inputMode="numeric"
        min={3}
        max={50}
        label="Responses a group needs before its results show"
        hint="From 3 to 50. Applies to the whole organisation and to each team: a smaller group's results, free-text answers and even its number of responses stay hidden."
        defaultValue={String(minResponses)}
        state={state}
        required
      />
      <SubmitButton pendingText="Saving…">Save threshold</SubmitButton>
    </form>
  );
}
