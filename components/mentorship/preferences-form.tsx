"use client";
import { useActionState } from "react";
import { fieldErrors, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/core/forms/action-result";
import { updateMentorshipProfileAction } from "@/lib/mentorship/actions";
import { MENTORSHIP_LIMITS } from "@/lib/mentorship/limits";
import { formatNumber } from "@/lib/core/format";

export interface MentoringPreferences {
  openToMentor: boolean;
  maxMentees: number;
  wantsMentor: boolean;
  goals: string;
  activeMentees: number;
}

/** A checkbox with its label, hint and errors; after a failed save it shows what was sent. */
function Checkbox({
  name,
  label,
  hint,
  initial,
  state,
}: {
  name: string;
  label: string;
  hint: string;
  initial: boolean;
  state: FormState<unknown>;
}) {
  const sent = state && !state.ok && state.values ? state.values[name] === "on" : undefined;
  const checked = sent ?? initial;
  const id = `mentoring-${name}`;
  const errors = fieldErrors(state, name);
  const describedBy = [`${id}-hint`, errors ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className="space-y-1">
      <div className="flex items-start gap-3">
        <input
          // Re-mounts with the sent value when the form comes back with errors.
          key={String(checked)}
          id={id}
          type="checkbox"
          name={name}
          defaultChecked={checked}
          aria-describedby={describedBy}
          aria-invalid={Boolean(errors)}
          className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
        />
        <div>
          <label htmlFor={id} className="font-medium text-stone-900">
            {label}
          </label>
          <p id={`${id}-hint`} className="text-sm text-stone-600">
            {hint}
          </p>
        </div>
      </div>
      <p id={`${id}-error`} className="text-sm text-red-700" aria-live="polite">
        {errors?.join(" ")}
      </p>
    </div>
  );
}

/** The profile's "Mentoring" preferences: offering to mentor, how many, wanting a mentor. */
export function MentoringPreferencesForm({ initial }: { initial: MentoringPreferences }) {
  const [state, formAction] = useActionState(updateMentorshipProfileAction, null);
  return (
    <form action={formAction} className="max-w-2xl space-y-5" noValidate>
      <Checkbox
        name="openToMentor"
        label="I'm open to mentoring"
        hint="Admins may pair you with colleagues who want to learn what you can teach."
        initial={initial.openToMentor}
        state={state}
      />
      <div className="max-w-xs">
        <TextField
          name="maxMentees"
          fieldId="mentoring-maxMentees"
          type="number"
          inputMode="numeric"
          min={1}
          max={MENTORSHIP_LIMITS.maxMenteesMax}
          step={1}
          label="How many mentees at most"
          hint={`From 1 to ${MENTORSHIP_LIMITS.maxMenteesMax}, while you're open to mentoring. You mentor ${initial.activeMentees} now (paused mentorships count too).`}
          defaultValue={String(initial.maxMentees)}
          state={state}
        />
      </div>
      <Checkbox
        name="wantsMentor"
        label="I'd like a mentor"
        hint="Admins see this when they look for mentees to pair. To join their queue now, ask for a mentor on the Mentoring page."
        initial={initial.wantsMentor}
        state={state}
      />
      <TextAreaField
        name="goals"
        fieldId="mentoring-goals"
        label="What I want to learn or work on"
        hint={`Shown to admins and to mentors you are paired with, and on your profile while you'd like a mentor. Up to ${formatNumber(MENTORSHIP_LIMITS.goalsMax)} characters.`}
        rows={4}
        maxLength={MENTORSHIP_LIMITS.goalsMax}
        defaultValue={initial.goals}
        state={state}
      />
      <SubmitButton pendingText="Saving…">Save mentoring preferences</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
