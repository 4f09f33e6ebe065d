"use client";
// One button that uses a mailed link. The link's page does not act on opening: mail
// scanners open links too, so a person has to press the button.
import { useActionState } from "react";
import Link from "next/link";
import type { ActionResult, FormState } from "@/lib/core/forms/action-result";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

type Action = (prev: FormState, formData: FormData) => Promise<ActionResult>;

export function ConfirmLinkForm({
  action,
  token,
  label,
  doneHref,
  doneLabel,
  passwordLabel,
}: {
  action: Action;
  token: string;
  label: string;
  doneHref: string;
  doneLabel: string;
  /** Asks for the account's password with the link (the link alone proves only the inbox). */
  passwordLabel?: string;
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <div className="space-y-4">
      <FormMessage state={state} />
      {state?.ok ? (
        <p>
          <Link href={doneHref}>{doneLabel}</Link>
        </p>
      ) : (
        <form action={formAction} className="space-y-4" noValidate>
          <input type="hidden" name="token" value={token} />
          {passwordLabel ? (
            <TextField
              name="password"
              label={passwordLabel}
              type="password"
              autoComplete="current-password"
              required
              state={state}
            />
          ) : null}
          <SubmitButton className="w-full" pendingText="Confirming…">
            {label}
          </SubmitButton>
        </form>
      )}
    </div>
  );
}
