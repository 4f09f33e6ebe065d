"use client";
import { useActionState } from "react";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { createRequestAction } from "@/lib/knowledge-requests/actions";
import { REQUEST_LIMITS as L } from "@/lib/knowledge-requests/limits";

/** "We need a post on X": a title, what it should cover, and its tags. */
export function RequestForm() {
  const [state, formAction] = useActionState(createRequestAction, null);
  return (
    <form action={formAction} className="max-w-2xl space-y-5" noValidate>
      <FormMessage state={state} />
      <TextField
        name="title"
        label="What should the post cover?"
        hint="For example: “How we roll back a failed deploy”."
        state={state}
        maxLength={L.titleMax}
        required
      />
      <TextAreaField
        name="details"
        label="Details (optional)"
        hint="What you already know, what you are stuck on, who would read it."
        state={state}
        maxLength={L.detailsMax}
        rows={5}
      />
      <TextField
        name="tags"
        label="Tags"
        hint="Comma-separated, up to 5. Colleagues who know these are asked to write it."
        state={state}
      />
      <SubmitButton pendingText="Posting…">Post the request</SubmitButton>
    </form>
  );
}
