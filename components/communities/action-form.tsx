"use client";
// One button that posts a community action with its hidden fields, and says what happened
// beside it (announced to screen readers).
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/core/forms/action-result";

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult>;

export function ActionForm({
  action,
  fields,
  label,
  variant = "secondary",
  accessibleLabel,
}: {
  action: Action;
  fields: Record<string, string>;
  label: string;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  /** A longer name for screen readers when the button's text needs its row to make sense. */
  accessibleLabel?: string;
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="inline-flex flex-col gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant} pendingText="Working…" aria-label={accessibleLabel}>
        {label}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
