"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { setWatchLevelAction } from "@/lib/discussions/actions";
import type { WatchLevel } from "@/lib/generated/prisma/enums";

const CHOICES: { value: WatchLevel; label: string; hint: string }[] = [
  { value: "WATCHING", label: "Watching", hint: "Every new reply notifies you." },
  {
    value: "TRACKING",
    label: "Normal",
    hint: "Only replies to you, mentions and your accepted answer.",
  },
  { value: "MUTED", label: "Muted", hint: "Nothing from this discussion notifies you." },
];

/** Watching, normal (tracking) or muted for one discussion; saved with its button. */
export function WatchControl({ discussionId, level }: { discussionId: string; level: WatchLevel }) {
  const [state, formAction] = useActionState(setWatchLevelAction, null);
  return (
    <form action={formAction} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <input type="hidden" name="discussionId" value={discussionId} />
      <fieldset key={level}>
        <legend className="mb-2 font-medium text-stone-900">
          Notifications for this discussion
        </legend>
        <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:gap-x-6">
          {CHOICES.map((choice) => (
            <label key={choice.value} className="flex min-h-11 items-start gap-2 sm:min-h-0">
              <input
                type="radio"
                name="level"
                value={choice.value}
                defaultChecked={level === choice.value}
                className="mt-1 size-4"
              />
              <span>
                <span className="block text-sm font-medium">{choice.label}</span>
                <span className="block text-sm text-stone-600">{choice.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton variant="secondary" pendingText="Saving…">
          Save notification level
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
