"use client";
import { useActionState, useState } from "react";
import { ActionButtonForm } from "@/components/admin/action-button-form";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/core/forms/action-result";
import {
  addActionItemAction,
  deleteActionItemAction,
  editActionItemAction,
  setActionItemDoneAction,
} from "@/lib/sessions/after/actions";
import { NOTES_LIMITS } from "@/lib/sessions/limits";
import { OwnerPicker } from "./owner-picker";

interface ItemFieldsProps {
  state: FormState<unknown>;
  /** Makes the fields' ids unique on a page with several item forms. */
  prefix: string;
  initial?: { title: string; owner: { id: string; name: string }; dueOn: string };
}

function ItemFields({ state, prefix, initial }: ItemFieldsProps) {
  return (
    <>
      <TextField
        name="title"
        fieldId={`${prefix}-title`}
        label="What needs doing"
        hint={`Up to ${NOTES_LIMITS.actionTitleMax} characters.`}
        defaultValue={initial?.title}
        maxLength={NOTES_LIMITS.actionTitleMax}
        autoComplete="off"
        state={state}
        required
      />
      <OwnerPicker state={state} defaultOwner={initial?.owner} fieldId={`${prefix}-owner`} />
      <TextField
        name="dueOn"
        fieldId={`${prefix}-due`}
        type="date"
        label="Due (optional)"
        defaultValue={initial?.dueOn}
        state={state}
      />
    </>
  );
}

/** Adds an action item; the form empties after it is saved. */
export function AddActionItemForm({ sessionId }: { sessionId: string }) {
  // A new key after each added item empties the owner box as well as the native fields.
  const [added, setAdded] = useState(0);
  const [state, formAction] = useActionState(async (prev: unknown, formData: FormData) => {
    const result = await addActionItemAction(prev, formData);
    if (result.ok) setAdded((count) => count + 1);
    return result;
  }, null);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="sessionId" value={sessionId} />
      <ItemFields key={added} state={state} prefix="new-action" />
      <SubmitButton pendingText="Adding…">Add action item</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function EditActionItemForm({
  item,
}: {
  item: { id: string; title: string; owner: { id: string; name: string }; dueOn: string };
}) {
  const [state, formAction] = useActionState(editActionItemAction, null);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="id" value={item.id} />
      <ItemFields state={state} prefix={`action-${item.id}`} initial={item} />
      <SubmitButton pendingText="Saving…">
        Save<span className="sr-only"> action item</span>
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function DeleteActionItemButton({ id, title }: { id: string; title: string }) {
  return (
    <ActionButtonForm
      action={deleteActionItemAction}
      fields={{ id }}
      label="Delete"
      srSuffix={` action item: ${title}`}
      pendingText="Deleting…"
      confirm={{ question: `Delete “${title}”?`, confirmLabel: "Delete action item" }}
    />
  );
}

/** The item's "done" checkbox: ticking it saves at once; the result is announced. */
export function DoneCheckbox({ id, title, done }: { id: string; title: string; done: boolean }) {
  const [state, formAction, pending] = useActionState(setActionItemDoneAction, null);
  const boxId = `done-${id}`;
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="id" value={id} />
      <div className="flex min-h-10 items-center gap-2">
        <input
          // Re-mounts with the saved value once the page's data is refreshed.
          key={String(done)}
          id={boxId}
          type="checkbox"
          name="done"
          value="true"
          defaultChecked={done}
          disabled={pending}
          onChange={(event) => event.currentTarget.form?.requestSubmit()}
          className="h-5 w-5 accent-brand-700"
        />
        <label htmlFor={boxId} className="text-sm">
          Done<span className="sr-only">: {title}</span>
        </label>
      </div>
      {state && !state.ok ? <FormMessage state={state} /> : null}
      <p className="sr-only" aria-live="polite">
        {state?.ok ? state.message : ""}
      </p>
    </form>
  );
}
