"use client";
import { useActionState } from "react";
import { MarkdownEditor } from "@/components/editor/markdown-editor";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { saveNotesAction } from "@/lib/sessions/after/actions";
import { NOTES_LIMITS, SESSION_LIMITS } from "@/lib/sessions/limits";

export interface NotesValues {
  summary: string;
  takeaways: string;
  recordingUrl: string;
}

/** The hosts' notes: summary and key takeaways in markdown, and a recording link. */
export function NotesForm({ sessionId, initial }: { sessionId: string; initial: NotesValues }) {
  const [state, formAction] = useActionState(saveNotesAction, null);
  return (
    <form action={formAction} className="max-w-3xl space-y-5" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <MarkdownEditor
        name="summary"
        label="Summary"
        hint="What was covered and decided. Markdown works: **bold**, lists, links. Needed to publish the notes as a post."
        defaultValue={initial.summary}
        maxLength={NOTES_LIMITS.summaryMax}
        mentions={false}
        state={state}
      />
      <MarkdownEditor
        name="takeaways"
        label="Key takeaways"
        hint="The points people should remember, for example as a list."
        defaultValue={initial.takeaways}
        maxLength={NOTES_LIMITS.takeawaysMax}
        rows={5}
        mentions={false}
        state={state}
      />
      <TextField
        name="recordingUrl"
        type="url"
        label="Recording link (optional)"
        hint="A web address starting with https://."
        defaultValue={initial.recordingUrl}
        maxLength={SESSION_LIMITS.urlMax}
        autoComplete="off"
        inputMode="url"
        state={state}
      />
      <SubmitButton pendingText="Saving…">Save notes</SubmitButton>
    </form>
  );
}
