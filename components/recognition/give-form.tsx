"use client";
import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { MarkdownEditor } from "@/components/editor/markdown-editor";
import { EntityPicker, memberSuggestions, type PickedEntity } from "@/components/ui/entity-picker";
import { fieldErrors, previousValue, SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/core/forms/action-result";
import { giveRecognitionAction } from "@/lib/recognition/actions";
import { RECOGNITION_LIMITS } from "@/lib/recognition/limits";
import { LINK_HINT } from "@/lib/recognition/links";
import { valueColour } from "@/lib/recognition/values/colours";

export interface GiveFormValue {
  id: string;
  name: string;
  description: string;
  emoji: string;
  colour: string;
}

/** The value radio group: one fieldset, each value with its emoji and description. */
function ValueChoices({ values, state }: { values: GiveFormValue[]; state: FormState<unknown> }) {
  const chosen = previousValue(state, "valueId");
  const errors = fieldErrors(state, "valueId");
  return (
    <fieldset
      // Re-mount with what was chosen when the form comes back with errors.
      key={chosen ?? ""}
      className="space-y-2"
      aria-describedby={errors ? "field-valueId-error" : undefined}
    >
      <legend className="text-sm font-medium text-stone-800">Which value did they show?</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {values.map((value) => (
          <label
            key={value.id}
            className={`flex cursor-pointer items-start gap-3 rounded-md border p-3 has-[:checked]:ring-2 has-[:checked]:ring-brand-600 ${valueColour(value.colour).badge}`}
          >
            <input
              type="radio"
              name="valueId"
              value={value.id}
              defaultChecked={chosen === value.id}
              aria-describedby={value.description ? `value-${value.id}-about` : undefined}
              required
              className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
            />
            <span>
              <span className="font-medium">
                {value.emoji ? <span aria-hidden="true">{value.emoji} </span> : null}
                {value.name}
              </span>
              {value.description ? (
                <span id={`value-${value.id}-about`} className="block text-sm opacity-90">
                  {value.description}
                </span>
              ) : null}
            </span>
          </label>
        ))}
      </div>
      <p id="field-valueId-error" className="text-sm text-red-700" aria-live="polite">
        {errors?.join(" ")}
      </p>
    </fieldset>
  );
}

function LeaderChoice({ state }: { state: FormState<unknown> }) {
  const checked = previousValue(state, "kind") === "LEADER";
  return (
    <div className="flex items-start gap-3">
      <input
        key={String(checked)}
        id="field-kind"
        type="checkbox"
        name="kind"
        value="LEADER"
        defaultChecked={checked}
        aria-describedby="field-kind-hint"
        className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
      />
      <div>
        <label htmlFor="field-kind" className="font-medium text-stone-900">
          Give as a leader (featured on the wall)
        </label>
        <p id="field-kind-hint" className="text-sm text-stone-600">
          Marked &ldquo;From a leader&rdquo; and shown on everyone&apos;s home page.
        </p>
      </div>
    </div>
  );
}

/** "Thank someone": members or a team, a value, a message and what it is for. */
export function GiveRecognitionForm({
  values,
  teams,
  initialRecipients,
  initialLink,
  canGiveAsLeader,
}: {
  values: GiveFormValue[];
  teams: { id: string; name: string }[];
  initialRecipients: PickedEntity[];
  initialLink: string;
  canGiveAsLeader: boolean;
}) {
  const [state, formAction] = useActionState(giveRecognitionAction, null);
  const router = useRouter();
  const givenId = state?.ok ? state.data?.id : undefined;
  useEffect(() => {
    if (givenId) router.push(`/recognition/${givenId}?given=1`);
  }, [givenId, router]);

  return (
    <form action={formAction} className="space-y-6" noValidate>
      <EntityPicker
        name="recipientIds"
        label="Who are you thanking?"
        hint={`Type a name. Up to ${RECOGNITION_LIMITS.recipientsMax} members.`}
        errors={fieldErrors(state, "recipientIds")}
        initial={initialRecipients}
        max={RECOGNITION_LIMITS.recipientsMax}
        placeholder="Start typing a name"
        {...memberSuggestions}
      />
      <SelectField
        name="teamId"
        label="Or a whole team"
        hint="Everyone in the team is thanked."
        state={state}
        defaultValue=""
        options={[
          { value: "", label: "No team" },
          ...teams.map((t) => ({ value: t.id, label: t.name })),
        ]}
      />
      <ValueChoices values={values} state={state} />
      <MarkdownEditor
        name="message"
        attachments={false}
        label="Your message"
        hint="Say what they did and why it mattered."
        state={state}
        maxLength={RECOGNITION_LIMITS.messageMax}
        rows={5}
        mentions={false}
        required
      />
      <TextField
        name="link"
        label="Link to what you are thanking them for"
        hint={LINK_HINT}
        state={state}
        defaultValue={initialLink}
        maxLength={RECOGNITION_LIMITS.linkMax}
        autoComplete="off"
      />
      {canGiveAsLeader ? <LeaderChoice state={state} /> : null}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingText="Sending…">Send recognition</SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
