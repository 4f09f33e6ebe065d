"use client";
import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/core/forms/action-result";
import { updateAskSettingsAction } from "@/lib/admin/settings/actions";

/** When unanswered questions are routed to colleagues, and the weekly cap per member. */
export function AskSettingsForm({
  routeAfterHours,
  weeklyCapPerMember,
}: {
  routeAfterHours: number;
  weeklyCapPerMember: number;
}) {
  const [state, action] = useActionState<FormState, FormData>(updateAskSettingsAction, null);
  const number = { type: "number", inputMode: "numeric", state, required: true } as const;
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage state={state} />
      <TextField
        {...number}
        name="routeAfterHours"
        label="Hours a question waits for a reply before colleagues are asked"
        hint="From 1 to 336 (two weeks). Members can also ask at once with “Find someone who can answer”."
        min={1}
        max={336}
        defaultValue={String(routeAfterHours)}
      />
      <TextField
        {...number}
        name="weeklyCapPerMember"
        label="Times one member may be asked in a week"
        hint="From 1 to 50. A hard cap, so that the usual experts are not asked about everything."
        min={1}
        max={50}
        defaultValue={String(weeklyCapPerMember)}
      />
      <SubmitButton pendingText="Saving…">Save</SubmitButton>
    </form>
  );
}
