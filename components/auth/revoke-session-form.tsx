"use client";
import { useActionState } from "react";
import { revokeSessionAction } from "@/lib/account/actions/sessions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

/** "Sign out" for one session; once done, the outcome stays in its place until the next visit. */
export function RevokeSessionForm({ sessionId, label }: { sessionId: string; label: string }) {
  const [state, formAction] = useActionState(revokeSessionAction, null);
  return (
    <div className="space-y-2">
      {state?.ok ? null : (
        <form action={formAction}>
          <input type="hidden" name="sessionId" value={sessionId} />
          <SubmitButton variant="secondary" pendingText="Signing out…">
            Sign out<span className="sr-only"> {label}</span>
          </SubmitButton>
        </form>
      )}
      <FormMessage state={state} />
    </div>
  );
}
