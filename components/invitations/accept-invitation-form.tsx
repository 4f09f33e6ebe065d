"use client";
import { useActionState } from "react";
import { acceptInvitationAction } from "@/lib/invitations/actions";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { BrowserTimeZone } from "@/components/auth/browser-time-zone";
import { NewPasswordFields } from "./new-password-fields";

export function AcceptInvitationForm({
  token,
  email,
  passwordMinLength,
}: {
  token: string;
  email: string;
  passwordMinLength: number;
}) {
  const [state, action] = useActionState(acceptInvitationAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <TextField
        name="email"
        label="Email"
        type="email"
        value={email}
        readOnly
        autoComplete="username"
      />
      <TextField name="name" label="Your name" autoComplete="name" required state={state} />
      <BrowserTimeZone />
      <NewPasswordFields state={state} minLength={passwordMinLength} />
      <SubmitButton className="w-full" pendingText="Creating your account…">
        Create account
      </SubmitButton>
    </form>
  );
}
