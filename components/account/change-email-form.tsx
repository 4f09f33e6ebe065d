"use client";
import { useActionState } from "react";
import { requestEmailChangeAction } from "@/lib/account/actions/email-change";
import { EmailField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function ChangeEmailForm({ hasPassword }: { hasPassword: boolean }) {
  const [state, action] = useActionState(requestEmailChangeAction, null);
  return (
    <form action={action} className="max-w-md space-y-4" noValidate>
      <FormMessage state={state} />
      <EmailField label="New email address" state={state} />
      {hasPassword ? (
        <TextField
          name="password"
          label="Your password"
          hint="To confirm it's you."
          type="password"
          autoComplete="current-password"
          required
          state={state}
        />
      ) : null}
      <SubmitButton pendingText="Sending…">Send confirmation link</SubmitButton>
    </form>
  );
}
