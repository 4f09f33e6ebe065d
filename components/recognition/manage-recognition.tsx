"use client";
import { useActionState } from "react";
import { useRouter } from "next/navigation";
import { ActionButtonForm } from "@/components/admin/action-button-form";
import { MarkdownEditor } from "@/components/editor/markdown-editor";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/core/forms/action-result";
import {
  deleteRecognitionAction,
  editRecognitionAction,
  setFeaturedAction,
} from "@/lib/recognition/actions";
import { RECOGNITION_LIMITS } from "@/lib/recognition/limits";

export interface ValueChoice {
  id: string;
  name: string;
  emoji: string;
}

/** The giver's "Edit" disclosure, offered during the first minutes after giving. */
export function EditRecognitionForm({
  recognitionId,
  message,
  valueId,
  values,
}: {
  recognitionId: string;
  message: string;
  valueId: string;
  values: ValueChoice[];
}) {
  const [state, formAction] = useActionState(editRecognitionAction, null);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer py-2 text-stone-700 hover:text-stone-900">
        Edit<span className="sr-only"> your recognition</span>
      </summary>
      <form action={formAction} className="mt-2 space-y-3" noValidate>
        <input type="hidden" name="id" value={recognitionId} />
        <SelectField
          name="valueId"
          fieldId={`edit-value-${recognitionId}`}
          label="Value"
          state={state}
          defaultValue={valueId}
          options={values.map((value) => ({
            value: value.id,
            label: `${value.emoji ? `${value.emoji} ` : ""}${value.name}`,
          }))}
        />
        <MarkdownEditor
          name="message"
          attachments={false}
          fieldId={`edit-message-${recognitionId}`}
          label="Message"
          defaultValue={message}
          state={state}
          maxLength={RECOGNITION_LIMITS.messageMax}
          rows={4}
          mentions={false}
          required
        />
        <SubmitButton variant="secondary" pendingText="Saving…">
          Save changes
        </SubmitButton>
        <FormMessage state={state} />
      </form>
    </details>
  );
}

/** The giver deletes their recognition, after a confirm step; then back to the wall. */
export function DeleteRecognitionButton({ recognitionId }: { recognitionId: string }) {
  const router = useRouter();
  async function deleteThenLeave(prev: FormState, formData: FormData) {
    const result = await deleteRecognitionAction(prev, formData);
    if (result.ok) router.push("/recognition?deleted=1");
    return result;
  }
  return (
    <ActionButtonForm
      action={deleteThenLeave}
      fields={{ id: recognitionId }}
      label="Delete"
      srSuffix=" your recognition"
      pendingText="Deleting…"
      confirm={{
        question: "Delete this recognition for everyone?",
        confirmLabel: "Delete recognition",
      }}
    />
  );
}

/** Leaders feature a recognition on the home page's wall, or take it off. */
export function FeatureButton({
  recognitionId,
  featured,
}: {
  recognitionId: string;
  featured: boolean;
}) {
  return (
    <ActionButtonForm
      action={setFeaturedAction}
      fields={{ id: recognitionId, featured: featured ? "false" : "true" }}
      label={featured ? "Unfeature" : "Feature on the home page"}
      srSuffix={featured ? " this recognition" : undefined}
      pendingText={featured ? "Unfeaturing…" : "Featuring…"}
    />
  );
}
