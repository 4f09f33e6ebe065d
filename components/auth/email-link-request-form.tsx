"use client";
import { useActionState } from "react";
import {
  requestPasswordResetAction,
  resendVerificationAction,
} from "@/lib/account/actions/recovery";
import { EmailField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

const PURPOSES = {
  "password-reset": { action: requestPasswordResetAction, submit: "Email me a reset link" },
  "email-verification": { action: resendVerificationAction, submit: "Send the link again" },
} as const;

/** "Email me a link": an address in, a reset or confirmation link out (the same answer either way). */
export function EmailLinkRequestForm({ purpose }: { purpose: keyof typeof PURPOSES }) {
  const { action: requestLink, submit } = PURPOSES[purpose];
  const [state, action] = useActionState(requestLink, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <EmailField state={state} />
      <SubmitButton className="w-full" pendingText="Sending…">
        {submit}
      </SubmitButton>
    </form>
  );
}
