"use client";
// Starting a community, or its leads changing its settings.
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { createCommunityAction, updateCommunityAction } from "@/lib/communities/actions";
import { COMMUNITY_ACCESS_LABELS } from "@/lib/communities/labels";
import { COMMUNITY_LIMITS as L } from "@/lib/communities/limits";

export interface CommunitySettings {
  id: string;
  name: string;
  purpose: string;
  access: "OPEN" | "BY_REQUEST" | "PRIVATE";
}

const ACCESS_OPTIONS = Object.entries(COMMUNITY_ACCESS_LABELS).map(([value, label]) => ({
  value,
  label,
}));

export function CommunityForm({ community }: { community?: CommunitySettings }) {
  const [state, formAction] = useActionState(
    community ? updateCommunityAction : createCommunityAction,
    null,
  );
  return (
    <form action={formAction} className="max-w-2xl space-y-5" noValidate>
      <FormMessage state={state} />
      {community ? <input type="hidden" name="communityId" value={community.id} /> : null}
      <TextField
        name="name"
        label="Name"
        hint="What people call it, such as “Frontend Guild”."
        state={state}
        defaultValue={community?.name}
        required
        maxLength={L.nameMax}
      />
      <TextAreaField
        name="purpose"
        label="Purpose"
        hint="What the community is for and who should join. Markdown works."
        state={state}
        defaultValue={community?.purpose}
        rows={6}
        required
        maxLength={L.purposeMax}
      />
      <SelectField
        name="access"
        label="Who can join"
        hint="Private communities and their content are seen only by their members and admins."
        state={state}
        defaultValue={community?.access ?? "OPEN"}
        options={ACCESS_OPTIONS}
      />
      <SubmitButton pendingText="Saving…">
        {community ? "Save settings" : "Start the community"}
      </SubmitButton>
    </form>
  );
}
