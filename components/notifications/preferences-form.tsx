"use client";
import { useActionState } from "react";
import { fieldErrors, previousValue } from "@/components/ui/field-shell";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/core/forms/action-result";
import { savePreferencesAction } from "@/lib/notifications/actions";

export interface PreferenceChoice {
  value: string;
  label: string;
}

export interface PreferenceRow {
  kind: string;
  label: string;
  choices: PreferenceChoice[];
  current: string;
}

export interface PreferenceGroupView {
  id: string;
  title: string;
  rows: PreferenceRow[];
}

/** The field's id: kinds hold dots, which ids may, but keep them plain for CSS and tests. */
const fieldId = (kind: string) => `pref-${kind.replace(/[^a-z0-9]/gi, "-")}`;

function PreferenceField({ row, state }: { row: PreferenceRow; state: FormState<unknown> }) {
  const chosen = previousValue(state, row.kind) ?? row.current;
  const errors = fieldErrors(state, row.kind);
  const id = fieldId(row.kind);
  return (
    <fieldset
      key={chosen}
      aria-describedby={errors?.length ? `${id}-error` : undefined}
      className="border-t border-stone-100 py-3 first:border-t-0"
    >
      <legend className="float-left mb-2 w-full text-sm font-medium text-stone-900">
        {row.label}
      </legend>
      <div className="clear-left flex flex-wrap gap-x-5 gap-y-2">
        {row.choices.map((choice) => (
          <label key={choice.value} className="flex min-h-11 items-center gap-2 text-sm sm:min-h-0">
            <input
              type="radio"
              name={row.kind}
              value={choice.value}
              defaultChecked={chosen === choice.value}
              className="size-4"
            />
            {choice.label}
          </label>
        ))}
      </div>
      <p id={`${id}-error`} className="text-sm text-red-700" aria-live="polite">
        {errors?.join(" ")}
      </p>
    </fieldset>
  );
}

/** Every email choice on one form, saved together. */
export function PreferencesForm({ groups }: { groups: PreferenceGroupView[] }) {
  const [state, formAction] = useActionState(savePreferencesAction, null);
  return (
    <form action={formAction} className="space-y-6">
      {groups.map((group) => (
        <section
          key={group.id}
          aria-labelledby={`group-${group.id}`}
          className="rounded-lg border border-stone-200 bg-white p-4 sm:p-5"
        >
          <h2 id={`group-${group.id}`} className="mb-1 text-lg font-semibold">
            {group.title}
          </h2>
          {group.rows.map((row) => (
            <PreferenceField key={row.kind} row={row} state={state} />
          ))}
        </section>
      ))}
      <div className="space-y-3">
        <FormMessage state={state} />
        <SubmitButton pendingText="Saving…">Save email preferences</SubmitButton>
      </div>
    </form>
  );
}
