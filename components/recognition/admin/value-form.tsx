"use client";
import { useActionState } from "react";
import { fieldErrors, previousValue, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/core/forms/action-result";
import { VALUE_LIMITS as L } from "@/lib/recognition/limits";
import { VALUE_COLOURS, type ValueColourName } from "@/lib/recognition/values/colours";
import { createValueAction, updateValueAction } from "@/lib/recognition/values/actions";

interface Existing {
  id: string;
  name: string;
  description: string;
  emoji: string;
  colour: string;
}

/** The palette as radio buttons, each with its swatch. */
function ColourChoice({
  state,
  colour,
  idPrefix,
}: {
  state: FormState<unknown>;
  colour: string;
  idPrefix: string;
}) {
  const chosen = previousValue(state, "colour") ?? colour;
  const errors = fieldErrors(state, "colour");
  const errorId = `${idPrefix}-colour-error`;
  return (
    <fieldset key={chosen} aria-describedby={errors?.length ? errorId : undefined}>
      <legend className="text-sm font-medium text-stone-800">Colour</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-2">
        {(
          Object.entries(VALUE_COLOURS) as [
            ValueColourName,
            (typeof VALUE_COLOURS)[ValueColourName],
          ][]
        ).map(([name, palette]) => (
          <label key={name} className="flex min-h-10 items-center gap-2">
            <input
              type="radio"
              name="colour"
              value={name}
              defaultChecked={chosen === name}
              className="size-4"
            />
            <span aria-hidden="true" className={`size-4 rounded-full ${palette.swatch}`} />
            {palette.label}
          </label>
        ))}
      </div>
      <p id={errorId} className="text-sm text-red-700" aria-live="polite">
        {errors?.join(" ")}
      </p>
    </fieldset>
  );
}

/** Adds a value, or (given `value`) changes one. */
export function ValueForm({ value }: { value?: Existing }) {
  const [state, action] = useActionState(value ? updateValueAction : createValueAction, null);
  const idPrefix = value ? `value-${value.id}` : "new-value";
  // A new value's form starts empty again after it was added.
  const formKey = !value && state?.ok ? `added-${state.message}` : "form";
  return (
    <form key={formKey} action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {value ? <input type="hidden" name="id" value={value.id} /> : null}
      <TextField
        name="name"
        label="Name"
        fieldId={`${idPrefix}-name`}
        hint={`${L.nameMin}–${L.nameMax} characters, e.g. “Shares knowledge”.`}
        defaultValue={value?.name}
        maxLength={L.nameMax}
        state={state}
        required
      />
      <TextAreaField
        name="description"
        label="Description"
        fieldId={`${idPrefix}-description`}
        hint={`Optional. One line on what it looks like in practice (up to ${L.descriptionMax} characters).`}
        defaultValue={value?.description}
        maxLength={L.descriptionMax}
        rows={2}
        state={state}
      />
      <TextField
        name="emoji"
        label="Emoji"
        fieldId={`${idPrefix}-emoji`}
        hint="Optional. A single emoji shown before the name."
        defaultValue={value?.emoji}
        className="block w-24 rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 aria-[invalid=true]:border-red-600"
        state={state}
      />
      <ColourChoice state={state} colour={value?.colour ?? "brand"} idPrefix={idPrefix} />
      <SubmitButton pendingText="Saving…">{value ? "Save value" : "Add value"}</SubmitButton>
    </form>
  );
}
