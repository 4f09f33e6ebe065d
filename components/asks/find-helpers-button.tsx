"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { findHelpersAction } from "@/lib/asks/actions";

/** "Find someone who can answer": asks up to three colleagues, named in the message. */
export function FindHelpersButton({ discussionId }: { discussionId: string }) {
  const [state, formAction] = useActionState(findHelpersAction, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="discussionId" value={discussionId} />
      <SubmitButton variant="secondary" pendingText="Finding…">
        Find someone who can answer
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
