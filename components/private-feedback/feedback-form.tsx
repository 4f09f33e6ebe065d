"use client";
import { useActionState } from "react";
import { MarkdownEditor } from "@/components/editor/markdown-editor";
import { EntityPicker, memberSuggestions, type PickedEntity } from "@/components/ui/entity-picker";
import { fieldErrors } from "@/components/ui/field-shell";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { sendPrivateFeedbackAction } from "@/lib/private-feedback/actions";
import { PRIVATE_FEEDBACK_LIMITS as L } from "@/lib/private-feedback/limits";

/** Writing a private note to one member; `recipient` prefills who it is for. */
export function PrivateFeedbackForm({ recipient }: { recipient: PickedEntity | null }) {
  const [state, formAction] = useActionState(sendPrivateFeedbackAction, null);
  // After a failed send the picker keeps the member chosen before it (it holds its own state).
  return (
    <form action={formAction} className="max-w-2xl space-y-5" noValidate>
      <FormMessage state={state} />
      <EntityPicker
        name="recipientId"
        label="To"
        hint="One member. Type a name."
        errors={fieldErrors(state, "recipientId")}
        initial={recipient ? [recipient] : []}
        max={1}
        placeholder="Type a member's name"
        {...memberSuggestions}
      />
      <MarkdownEditor
        name="message"
        drafts={false}
        label="Your feedback"
        hint="Be specific and kind: what they did, and why it helped. Basic formatting (bold, lists, links) works."
        state={state}
        maxLength={L.messageMax}
        rows={8}
        mentions={false}
        required
      />
      <SubmitButton pendingText="Sending…">Send privately</SubmitButton>
    </form>
  );
}
