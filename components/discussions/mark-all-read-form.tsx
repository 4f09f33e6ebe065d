"use client";
import { useActionState } from "react";
import { markAllReadAction } from "@/lib/discussions/mark-all-read";
import type { FormState } from "@/lib/core/forms/action-result";
import { SubmitButton } from "@/components/ui/submit-button";

/**
 * "Mark all read" for the discussion list: one small form (it works without JavaScript too),
 * its outcome announced in a live region beside the button. The list refreshes with the
 * action (revalidatePath), so the markers go at once.
 */
export function MarkAllReadForm() {
  const [state, formAction] = useActionState<FormState, FormData>(markAllReadAction, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <SubmitButton variant="secondary" pendingText="Marking…" className="min-h-9 px-3 py-1">
        Mark all read
      </SubmitButton>
      <p role="status" aria-live="polite" className="text-sm text-stone-700">
        {state?.message ?? ""}
      </p>
    </form>
  );
}
