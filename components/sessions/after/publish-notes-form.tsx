"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { publishNotesAsPostAction } from "@/lib/sessions/after/actions";

/**
 * "Publish as knowledge post": makes a draft post from the notes and opens it in the post
 * editor, where the host finishes and publishes it.
 */
export function PublishNotesForm({ sessionId }: { sessionId: string }) {
  const [state, formAction] = useActionState(publishNotesAsPostAction, null);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="sessionId" value={sessionId} />
      <p id="publish-notes-hint" className="text-sm text-stone-700">
        Turns the saved summary, takeaways, action items and recording link into a draft knowledge
        post by you, linked to this session. Only you see it until you publish it.
      </p>
      <SubmitButton pendingText="Creating the draft…" aria-describedby="publish-notes-hint">
        Publish as knowledge post
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
