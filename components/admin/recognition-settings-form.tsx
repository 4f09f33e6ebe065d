"use client";
import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { updateRecognitionSettingsAction } from "@/lib/settings/actions";

export function RecognitionSettingsForm({ dailyLimit }: { dailyLimit: number }) {
  const [state, action] = useActionState(updateRecognitionSettingsAction, null);
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage state={state} />
      <TextField
        name="dailyLimit"
        type="number"
        inputMode="numeric"
        min={1}
        max={100}
        label="Recognitions a member can give per day"
        hint="Against spam: from 1 to 100. Counted per giver, from midnight UTC."
        defaultValue={String(dailyLimit)}
        state={state}
        required
      />
      <SubmitButton pendingText="Saving…">Save limit</SubmitButton>
    </form>
  );
}
