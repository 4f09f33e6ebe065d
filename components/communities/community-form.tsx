"use client";
// Starting a community, or its leads changing its settings.
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { fieldErrors } from "@/components/ui/field-shell";
import { SubmitButton } from "@/components/ui/submit-button";
import { createCommunityAction, updateCommunityAction } from "@/lib/communities/actions";
import { COMMUNITY_ACCESS_LABELS } from "@/lib/communities/labels";
import { COMMUNITY_LIMITS as L } from "@/lib/communities/limits";

export interface CommunitySettings {
  id: string;
  name: string;
  purpose: string;
  access: "OPEN" | "BY_REQUEST" | "PRIVATE";
  allowsAnonymousQuestions: boolean;
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
  const anonymousErrors = fieldErrors(state, "allowsAnonymousQuestions");
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
      <div className="space-y-1">
        <div className="flex items-start gap-2">
          <input
            id="field-allowsAnonymousQuestions"
            type="checkbox"
            name="allowsAnonymousQuestions"
            defaultChecked={community?.allowsAnonymousQuestions ?? false}
            aria-describedby="field-allowsAnonymousQuestions-error"
            className="mt-1 size-4"
          />
          <label htmlFor="field-allowsAnonymousQuestions" className="text-sm text-stone-800">
            Members may ask questions without their name (leads approve each one first)
          </label>
        </div>
        <p
          id="field-allowsAnonymousQuestions-error"
          className="text-sm text-red-700"
          aria-live="polite"
        >
          {anonymousErrors?.join(" ")}
        </p>
      </div>
      <SubmitButton pendingText="Saving…">
        {community ? "Save settings" : "Start the community"}
      </SubmitButton>
    </form>
  );
}
