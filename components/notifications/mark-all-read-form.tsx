"use client";
import { useActionState } from "react";
import { markAllReadAction } from "@/lib/notifications/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

/** "Mark all as read", shown while anything is unread; the outcome stays announced. */
export function MarkAllReadForm({ unread }: { unread: number }) {
  const [state, formAction] = useActionState(markAllReadAction, null);
  return (
    <div className="space-y-2">
      {unread > 0 ? (
        <form action={formAction}>
          <SubmitButton variant="secondary" pendingText="Marking…">
            Mark all as read
          </SubmitButton>
        </form>
      ) : null}
      <FormMessage state={state} />
    </div>
  );
}
