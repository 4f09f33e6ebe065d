"use client";
import { useActionState, useId, useState } from "react";
import type { ActionResult, FormState } from "@/lib/core/forms/action-result";
import { buttonClasses } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

type Action = (prev: FormState, formData: FormData) => Promise<ActionResult>;

interface Props {
  action: Action;
  /** Hidden inputs, e.g. the id of the record. */
  fields: Record<string, string>;
  /** The button's visible text. */
  label: string;
  /** Extra words for screen readers, e.g. " Ann Smith" after "Deactivate". */
  srSuffix?: string;
  pendingText?: string;
  variant?: "secondary" | "danger";
  /** Ask before acting: the question and the text of the button that confirms. */
  confirm?: { question: string; confirmLabel: string };
  /** Nothing left to do (e.g. just revoked): keep only the outcome message. */
  done?: boolean;
}

/** One button that runs a server action, optionally after a confirm step. */
export function ActionButtonForm({
  action,
  fields,
  label,
  srSuffix,
  pendingText,
  variant = "secondary",
  confirm,
  done,
}: Props) {
  const questionId = useId();
  const [confirming, setConfirming] = useState(false);
  // After "Cancel" or a finished action, the button that re-mounts takes focus, so keyboard
  // users stay where they were instead of landing at the top of the page.
  const [keepFocus, setKeepFocus] = useState(false);
  const [state, formAction] = useActionState(async (prev: FormState, formData: FormData) => {
    const result = await action(prev, formData);
    setConfirming(false);
    setKeepFocus(true);
    return result;
  }, null);

  const hidden = Object.entries(fields).map(([name, value]) => (
    <input key={name} type="hidden" name={name} value={value} />
  ));

  return (
    <div className="space-y-2">
      {done ? null : confirm && confirming ? (
        <form
          action={formAction}
          className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3"
        >
          {hidden}
          <p id={questionId} className="text-sm text-red-900">
            {confirm.question}
          </p>
          <div className="flex flex-wrap gap-2">
            {/* Focus follows the step the person just opened. */}
            <SubmitButton
              variant="danger"
              autoFocus
              aria-describedby={questionId}
              pendingText={pendingText}
            >
              {confirm.confirmLabel}
            </SubmitButton>
            <button
              type="button"
              className={buttonClasses("secondary")}
              onClick={() => {
                setConfirming(false);
                setKeepFocus(true);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : confirm ? (
        <button
          type="button"
          className={buttonClasses(variant)}
          autoFocus={keepFocus}
          onClick={() => setConfirming(true)}
        >
          {label}
          {srSuffix ? <span className="sr-only">{srSuffix}</span> : null}
        </button>
      ) : (
        <form action={formAction}>
          {hidden}
          <SubmitButton variant={variant} autoFocus={keepFocus} pendingText={pendingText}>
            {label}
            {srSuffix ? <span className="sr-only">{srSuffix}</span> : null}
          </SubmitButton>
        </form>
      )}
      <FormMessage state={state} />
    </div>
  );
}
