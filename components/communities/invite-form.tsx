"use client";
// A lead invites one member at a time; the invitee accepts or declines.
import { useActionState } from "react";
import { EntityPicker, memberSuggestions } from "@/components/ui/entity-picker";
import { fieldErrors } from "@/components/ui/field-shell";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { inviteMemberAction } from "@/lib/communities/actions";

export function InviteForm({ communityId }: { communityId: string }) {
  const [state, formAction] = useActionState(inviteMemberAction, null);
  return (
    <form action={formAction} className="max-w-xl space-y-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="communityId" value={communityId} />
      <EntityPicker
        name="memberId"
        label="Invite a member"
        hint="Type a name. They are told, and join when they accept."
        errors={fieldErrors(state, "memberId")}
        max={1}
        placeholder="Type a member's name"
        {...memberSuggestions}
      />
      <SubmitButton pendingText="Inviting…">Send invitation</SubmitButton>
    </form>
  );
}
