"use client";
import { useActionState } from "react";
import { updateOrganisationSettingsAction } from "@/lib/admin/settings/actions";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

/** The organisation's name, with its errors beside the field. */
export function OrganisationNameForm({ name }: { name: string }) {
  const [state, action] = useActionState(updateOrganisationSettingsAction, null);
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage state={state} />
      <TextField
        name="name"
        label="Organisation name"
        hint="At the top of every email and as its sender's name, e.g. “Acme Learning”. One line, up to 80 characters."
        defaultValue={name}
        maxLength={80}
        autoComplete="organization"
        state={state}
        required
      />
      <SubmitButton pendingText="Saving…">Save name</SubmitButton>
    </form>
  );
}
