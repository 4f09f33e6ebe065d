"use client";
import { useActionState, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult, FormState } from "@/lib/core/forms/action-result";
import { setBookmarkAction, setHelpfulAction } from "@/lib/posts/actions";
import { formatNumber } from "@/lib/core/format";

type Action = (prev: FormState, formData: FormData) => Promise<ActionResult>;

function PressButton({
  pressed,
  describedBy,
  children,
}: {
  pressed: boolean;
  describedBy?: string;
  children: ReactNode;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      aria-pressed={pressed}
      aria-describedby={describedBy}
      disabled={pending}
      className="inline-flex min-h-10 items-center gap-2 rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium text-stone-900 hover:bg-stone-100 disabled:cursor-wait aria-pressed:border-brand-700 aria-pressed:bg-brand-50 aria-pressed:text-brand-800"
    >
      {children}
    </button>
  );
}

/**
 * A toggle (aria-pressed) that sends the state the member wants, so a double click cannot
 * flip it back; the page's refreshed props say whether it is on.
 */
function ToggleForm({
  action,
  postId,
  field,
  pressed,
  describedBy,
  children,
}: {
  action: Action;
  postId: string;
  field: string;
  pressed: boolean;
  describedBy?: string;
  children: ReactNode;
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="id" value={postId} />
      <input type="hidden" name={field} value={pressed ? "false" : "true"} />
      <PressButton pressed={pressed} describedBy={describedBy}>
        {children}
      </PressButton>
      <FormMessage state={state} />
    </form>
  );
}

export function HelpfulToggle({
  postId,
  voted,
  count,
}: {
  postId: string;
  voted: boolean;
  count: number;
}) {
  const countId = `helpful-count-${postId}`;
  return (
    <div className="flex flex-wrap items-start gap-3">
      <ToggleForm
        action={setHelpfulAction}
        postId={postId}
        field="helpful"
        pressed={voted}
        describedBy={countId}
      >
        Helpful
      </ToggleForm>
      <HelpfulCount id={countId} count={count} />
    </div>
  );
}

export function HelpfulCount({ id, count }: { id?: string; count: number }) {
  return (
    <p id={id} className="py-2 text-sm text-stone-700">
      {count === 1
        ? "1 person found this helpful"
        : `${formatNumber(count)} people found this helpful`}
    </p>
  );
}

export function BookmarkToggle({ postId, saved }: { postId: string; saved: boolean }) {
  return (
    <ToggleForm action={setBookmarkAction} postId={postId} field="saved" pressed={saved}>
      Save to reading list
    </ToggleForm>
  );
}
