"use client";
import { useActionState } from "react";
import { resendVerificationAction } from "@/lib/account/actions/recovery";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function ResendVerificationForm() {
  const [state, action] = useActionState(resendVerificationAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        state={state}
      />
      <SubmitButton className="w-full" pendingText="Sending…">
        Send the link again
      </SubmitButton>
    </form>
  );
}
