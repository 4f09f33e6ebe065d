"use client";
import { useActionState } from "react";
import { updateTagMuteAction } from "@/lib/tags/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

/** Mute or unmute one tag: a muted tag's new content never notifies the member. */
export function MuteTagButton({
  tagId,
  tagName,
  muted,
}: {
  tagId: string;
  tagName: string;
  muted: boolean;
}) {
  const [state, formAction] = useActionState(updateTagMuteAction, null);
  return (
    <div className="space-y-2">
      <form action={formAction}>
        <input type="hidden" name="tagId" value={tagId} />
        <input type="hidden" name="mute" value={muted ? "false" : "true"} />
        <SubmitButton variant="secondary" pendingText={muted ? "Unmuting…" : "Muting…"}>
          {muted ? `Unmute ${tagName}` : `Mute ${tagName}`}
        </SubmitButton>
      </form>
      <FormMessage state={state} />
    </div>
  );
}
