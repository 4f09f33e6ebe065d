"use client";
import { useActionState } from "react";
import { signUpAction } from "@/lib/invitations/actions";
import { EmailField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { BrowserTimeZone } from "@/components/auth/browser-time-zone";
import { NewPasswordFields } from "./new-password-fields";

export function SignUpForm({
  allowedDomains,
  passwordMinLength,
}: {
  allowedDomains: string[];
  passwordMinLength: number;
}) {
  const [state, action] = useActionState(signUpAction, null);
  const domains = allowedDomains.map((d) => `@${d}`).join(", ");
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <EmailField label="Work email" hint={`Use your address at ${domains}.`} state={state} />
      <TextField name="name" label="Your name" autoComplete="name" required state={state} />
      <BrowserTimeZone />
      <NewPasswordFields state={state} minLength={passwordMinLength} />
      <SubmitButton className="w-full" pendingText="Creating your account…">
        Create account
      </SubmitButton>
    </form>
  );
}
