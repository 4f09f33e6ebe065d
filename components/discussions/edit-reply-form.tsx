"use client";
import { useActionState } from "react";
import { MarkdownEditor } from "@/components/editor/markdown-editor";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { editReplyAction } from "@/lib/discussions/actions";
import { DISCUSSION_LIMITS } from "@/lib/discussions/limits";

export function EditReplyForm({ reply }: { reply: { id: string; body: string } }) {
  const [state, formAction] = useActionState(editReplyAction, null);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="id" value={reply.id} />
      <MarkdownEditor
        name="body"
        label="Your reply"
        state={state}
        defaultValue={reply.body}
        maxLength={DISCUSSION_LIMITS.replyMax}
        rows={8}
        required
      />
      <FormMessage state={state} />
      <SubmitButton pendingText="Saving…">Save changes</SubmitButton>
    </form>
  );
}
