"use client";
import { useActionState, useState } from "react";
import { ActionButtonForm } from "@/components/admin/action-button-form";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { MENTORSHIP_LIMITS } from "@/lib/mentorship/limits";
import { addPairingLinkAction, removePairingLinkAction } from "@/lib/mentorship/space/actions";

/** Adds a knowledge post or session worth studying; the fields empty after it is saved. */
export function AddLinkForm({ pairingId }: { pairingId: string }) {
  const [added, setAdded] = useState(0);
  const [state, formAction] = useActionState(async (prev: unknown, formData: FormData) => {
    const result = await addPairingLinkAction(prev, formData);
    if (result.ok) setAdded((count) => count + 1);
    return result;
  }, null);
  return (
    <form action={formAction} className="max-w-2xl space-y-4" noValidate>
      <input type="hidden" name="pairingId" value={pairingId} />
      <div key={added} className="space-y-4">
        <TextField
          name="link"
          fieldId="new-link"
          label="Link to a knowledge post or session"
          hint="Paste its address, for example /posts/… or /sessions/…"
          autoComplete="off"
          inputMode="url"
          state={state}
          required
        />
        <TextField
          name="note"
          fieldId="new-link-note"
          label="Why it's worth studying (optional)"
          maxLength={MENTORSHIP_LIMITS.linkNoteMax}
          autoComplete="off"
          state={state}
        />
      </div>
      <SubmitButton pendingText="Adding…">Add link</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function RemoveLinkButton({ linkId, title }: { linkId: string; title: string }) {
  return (
    <ActionButtonForm
      action={removePairingLinkAction}
      fields={{ linkId }}
      label="Remove"
      srSuffix={` link: ${title}`}
      pendingText="Removing…"
    />
  );
}
