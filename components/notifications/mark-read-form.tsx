"use client";
import { useActionState, useEffect, useRef } from "react";
import { markReadAction } from "@/lib/notifications/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

/**
 * "Mark as read" for one notification. It stays mounted once the item is read, so the
 * outcome is announced and keyboard focus lands on it instead of the top of the page.
 */
export function MarkReadForm({ id, unread, text }: { id: string; unread: boolean; text: string }) {
  const [state, formAction] = useActionState(markReadAction, null);
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state) outcome.current?.focus();
  }, [state]);

  return (
    <div className="space-y-2">
      {unread ? (
        <form action={formAction}>
          <input type="hidden" name="id" value={id} />
          <SubmitButton variant="secondary" pendingText="Marking…">
            Mark as read<span className="sr-only">: {text}</span>
          </SubmitButton>
        </form>
      ) : null}
      <div ref={outcome} tabIndex={-1} className="focus:outline-none">
        <FormMessage state={state} />
      </div>
    </div>
  );
}
