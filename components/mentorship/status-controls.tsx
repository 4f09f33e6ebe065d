"use client";
import { useActionState } from "react";
import { ActionButtonForm } from "@/components/admin/action-button-form";
import { TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { PairingStatus } from "@/lib/generated/prisma/enums";
import { changePairingStatusAction } from "@/lib/mentorship/actions";
import { MENTORSHIP_LIMITS } from "@/lib/mentorship/limits";

/** Ends the mentorship early, with the reason both members are told. */
function EndPairingForm({ pairingId }: { pairingId: string }) {
  const [state, formAction] = useActionState(changePairingStatusAction, null);
  return (
    <form action={formAction} className="max-w-2xl space-y-3" noValidate>
      <input type="hidden" name="id" value={pairingId} />
      <input type="hidden" name="action" value="end" />
      <TextAreaField
        name="reason"
        fieldId="end-pairing-reason"
        label="Reason for ending"
        hint="Both members see it. To close a mentorship that reached its goals, use Complete instead."
        rows={2}
        maxLength={MENTORSHIP_LIMITS.endReasonMax}
        state={state}
        required
      />
      <SubmitButton variant="danger" pendingText="Ending…">
        End mentorship
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

/**
 * Admins pause, resume, complete or end a pairing. Closed pairings (completed or ended)
 * have nothing left to change.
 */
export function StatusControls({
  pairingId,
  status,
  pairName,
}: {
  pairingId: string;
  status: PairingStatus;
  /** "Ann and Bob", for the buttons' names and the confirm question. */
  pairName: string;
}) {
  if (status === "COMPLETED" || status === "ENDED") {
    return (
      <p className="text-sm text-stone-700">
        This mentorship is closed, so its status can no longer change.
      </p>
    );
  }
  const suffix = ` the mentorship of ${pairName}`;
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-start gap-3">
        {status === "ACTIVE" ? (
          <ActionButtonForm
            action={changePairingStatusAction}
            fields={{ id: pairingId, action: "pause" }}
            label="Pause"
            srSuffix={suffix}
            pendingText="Pausing…"
          />
        ) : (
          <ActionButtonForm
            action={changePairingStatusAction}
            fields={{ id: pairingId, action: "resume" }}
            label="Resume"
            srSuffix={suffix}
            pendingText="Resuming…"
          />
        )}
        <ActionButtonForm
          action={changePairingStatusAction}
          fields={{ id: pairingId, action: "complete" }}
          label="Complete"
          srSuffix={suffix}
          pendingText="Completing…"
          confirm={{
            question: `Mark the mentorship of ${pairName} as completed? Both are asked for a reflection and it frees a place for the mentor.`,
            confirmLabel: "Complete mentorship",
          }}
        />
      </div>
      <EndPairingForm pairingId={pairingId} />
    </div>
  );
}
