"use client";
import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, FormState } from "@/lib/core/forms/action-result";

interface NumberSettingFormProps {
  /** The setting's server action. */
  action: (state: unknown, formData: FormData) => Promise<ActionResult>;
  name: string;
  label: string;
  hint: string;
  min: number;
  max: number;
  value: number;
  submitText: string;
}

/** A form for one whole-number organisation setting, with its errors beside the field. */
export function NumberSettingForm({
  action: save,
  value,
  submitText,
  ...field
}: NumberSettingFormProps) {
  const [state, action] = useActionState<FormState, FormData>(save, null);
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage state={state} />
      <TextField
        {...field}
        type="number"
        inputMode="numeric"
        defaultValue={String(value)}
        state={state}
        required
      />
      <SubmitButton pendingText="Saving…">{submitText}</SubmitButton>
    </form>
  );
}
