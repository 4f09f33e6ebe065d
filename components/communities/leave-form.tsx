"use client";
// Leaving a community. The last lead names who leads after them.
import { useActionState } from "react";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { leaveCommunityAction } from "@/lib/communities/actions";

export function LeaveForm({
  communityId,
  successors,
}: {
  communityId: string;
  /** Members who could lead after the viewer; null when the viewer is not the last lead. */
  successors: { id: string; name: string }[] | null;
}) {
  const [state, formAction] = useActionState(leaveCommunityAction, null);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <input type="hidden" name="communityId" value={communityId} />
      {successors ? (
        successors.length ? (
          <SelectField
            name="successorId"
            label="Who leads after you"
            hint="You are its last lead."
            state={state}
            options={[
              { value: "", label: "Choose a member" },
              ...successors.map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
        ) : (
          <p className="text-sm text-stone-700">
            You are its only member: ask an admin to archive it instead.
          </p>
        )
      ) : null}
      <SubmitButton variant="secondary" pendingText="Leaving…" disabled={successors?.length === 0}>
        Leave
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
