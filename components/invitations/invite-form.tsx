"use client";
import { useActionState } from "react";
import { ROLE_LABELS, ROLES } from "@/lib/core/auth/roles";
import { createInvitationAction } from "@/lib/invitations/actions";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { InvitationLink } from "./invitation-link";

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export function InviteForm() {
  const [state, action] = useActionState(createInvitationAction, null);
  const issued = state?.ok ? state.data : undefined;
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-4" noValidate>
        <FormMessage state={state} />
        <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
          <TextField
            name="email"
            label="Email address"
            type="email"
            autoComplete="off"
            required
            state={state}
          />
          <SelectField
            name="role"
            label="Role"
            options={ROLE_OPTIONS}
            defaultValue="MEMBER"
            state={state}
          />
        </div>
        <SubmitButton pendingText="Creating…">Create invitation</SubmitButton>
      </form>
      {issued ? <InvitationLink key={issued.link} link={issued.link} email={issued.email} /> : null}
    </div>
  );
}
