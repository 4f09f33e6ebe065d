"use client";
import { useActionState } from "react";
import Link from "next/link";
import { UNVERIFIED_MESSAGE } from "@/lib/account/sign-in-messages";
import { signInWithPassword } from "@/lib/account/actions/sign-in";
import { EmailField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState(signInWithPassword, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {state?.ok === false && state.message === UNVERIFIED_MESSAGE ? (
        <p className="text-sm">
          <Link href="/verify-email">Send the confirmation link again</Link>
        </p>
      ) : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <EmailField state={state} />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        state={state}
      />
      <SubmitButton className="w-full" pendingText="Signing in…">
        Sign in
      </SubmitButton>
      <p className="text-sm">
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
    </form>
  );
}
