"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { EntityPicker, memberSuggestions, type PickedEntity } from "@/components/ui/entity-picker";
import { fieldErrors, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { createPairingAction } from "@/lib/mentorship/actions";
import { CADENCE_CHOICES, MENTORSHIP_LIMITS as L } from "@/lib/mentorship/limits";

export interface NewPairingInitial {
  mentor: PickedEntity | null;
  mentee: PickedEntity | null;
  goals: string;
  startsOn: string;
  expectedEndOn: string;
  requestId: string;
}

/** An admin pairs a mentor with a mentee; both are told, and the pair's space opens. */
export function NewPairingForm({ initial }: { initial: NewPairingInitial }) {
  const [state, formAction] = useActionState(createPairingAction, null);
  const router = useRouter();
  const createdId = state?.ok ? state.data?.id : undefined;
  useEffect(() => {
    if (createdId) router.push(`/mentorship/${createdId}`);
  }, [createdId, router]);

  // The request belongs to the mentee the form was opened for: chosen someone else, the
  // pairing answers that member's own oldest request, if any (the service links it).
  function submit(formData: FormData) {
    if (formData.get("menteeId") !== initial.mentee?.id) formData.delete("requestId");
    formAction(formData);
  }

  return (
    <form action={submit} className="max-w-2xl space-y-5" noValidate>
      <FormMessage state={state} />
      {createdId ? (
        <p className="text-sm">
          <Link href={`/mentorship/${createdId}`}>Open the new mentorship</Link>
        </p>
      ) : null}
      <EntityPicker
        name="mentorId"
        label="Mentor"
        hint="One member who is open to mentoring and has a free place. Type a name."
        errors={fieldErrors(state, "mentorId")}
        initial={initial.mentor ? [initial.mentor] : []}
        max={1}
        placeholder="Type the mentor's name"
        {...memberSuggestions}
      />
      <EntityPicker
        name="menteeId"
        label="Mentee"
        hint="One member. Type a name."
        errors={fieldErrors(state, "menteeId")}
        initial={initial.mentee ? [initial.mentee] : []}
        max={1}
        placeholder="Type the mentee's name"
        {...memberSuggestions}
      />
      <TextAreaField
        name="goals"
        label="Goals"
        hint="One goal per line: each becomes a goal in the pair's space, where they track its progress."
        state={state}
        defaultValue={initial.goals}
        maxLength={L.goalsMax}
        rows={6}
        required
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          name="startsOn"
          label="Start date"
          type="date"
          state={state}
          defaultValue={initial.startsOn}
          required
        />
        <TextField
          name="expectedEndOn"
          label="Expected end (optional)"
          hint="Usually about three months after the start."
          type="date"
          state={state}
          defaultValue={initial.expectedEndOn}
        />
      </div>
      <SelectField
        name="cadenceDays"
        label="Check-ins"
        hint={`How often the pair should meet. A pairing is overdue ${L.graceDays} days after a missed check-in.`}
        state={state}
        defaultValue={String(L.defaultCadenceDays)}
        options={CADENCE_CHOICES.map((choice) => ({
          value: String(choice.days),
          label: choice.label,
        }))}
      />
      {initial.requestId ? (
        <input type="hidden" name="requestId" value={initial.requestId} />
      ) : null}
      {fieldErrors(state, "requestId") ? (
        <p className="text-sm text-red-700">{fieldErrors(state, "requestId")!.join(" ")}</p>
      ) : null}
      <SubmitButton pendingText="Creating…">Create pairing</SubmitButton>
    </form>
  );
}
