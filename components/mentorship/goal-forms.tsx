"use client";
import { useActionState, useState } from "react";
import { ActionButtonForm } from "@/components/admin/action-button-form";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { MENTORSHIP_LIMITS } from "@/lib/mentorship/limits";
import {
  addGoalAction,
  removeGoalAction,
  updateGoalProgressAction,
} from "@/lib/mentorship/space/actions";

const STEPS = [0, 25, 50, 75, 100];

/** Adds a goal to the pair's list; the box empties after it is saved. */
export function AddGoalForm({ pairingId }: { pairingId: string }) {
  const [added, setAdded] = useState(0);
  const [state, formAction] = useActionState(async (prev: unknown, formData: FormData) => {
    const result = await addGoalAction(prev, formData);
    if (result.ok) setAdded((count) => count + 1);
    return result;
  }, null);
  return (
    <form action={formAction} className="max-w-2xl space-y-3" noValidate>
      <input type="hidden" name="pairingId" value={pairingId} />
      <TextField
        key={added}
        name="title"
        fieldId="new-goal-title"
        label="New goal"
        hint={`Something to work towards, for example "Run a design review on my own". Up to ${MENTORSHIP_LIMITS.goalTitleMax} characters.`}
        maxLength={MENTORSHIP_LIMITS.goalTitleMax}
        autoComplete="off"
        state={state}
        required
      />
      <SubmitButton pendingText="Adding…">Add goal</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

/** Sets a goal's progress in quarters; the saved value shows in the bar above. */
export function GoalProgressForm({
  goalId,
  title,
  progress,
}: {
  goalId: string;
  title: string;
  progress: number;
}) {
  const [state, formAction] = useActionState(updateGoalProgressAction, null);
  const selectId = `goal-${goalId}-progress`;
  const steps = STEPS.includes(progress) ? STEPS : [...STEPS, progress].sort((a, b) => a - b);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="goalId" value={goalId} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="space-y-1">
          <label htmlFor={selectId} className="block text-sm font-medium text-stone-800">
            Progress<span className="sr-only">{` of ${title}`}</span>
          </label>
          <select
            // Re-mounts with the saved value once the page's data is refreshed.
            key={progress}
            id={selectId}
            name="progress"
            defaultValue={String(progress)}
            className="block rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600"
          >
            {steps.map((step) => (
              <option key={step} value={step}>
                {step} %
              </option>
            ))}
          </select>
        </div>
        <SubmitButton variant="secondary" pendingText="Saving…">
          Save progress<span className="sr-only">{` of ${title}`}</span>
        </SubmitButton>
      </div>
      {state && !state.ok ? <FormMessage state={state} /> : null}
      <p className="sr-only" aria-live="polite">
        {state?.ok ? (state.message ?? "Progress saved.") : ""}
      </p>
    </form>
  );
}

export function RemoveGoalButton({ goalId, title }: { goalId: string; title: string }) {
  return (
    <ActionButtonForm
      action={removeGoalAction}
      fields={{ goalId }}
      label="Remove"
      srSuffix={` goal: ${title}`}
      pendingText="Removing…"
      confirm={{ question: `Remove the goal “${title}”?`, confirmLabel: "Remove goal" }}
    />
  );
}
