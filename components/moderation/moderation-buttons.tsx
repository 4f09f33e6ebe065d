"use client";
import { useActionState, useEffect, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import type { ActionResult, FormState } from "@/lib/core/forms/action-result";
import { TARGET_NAMES } from "@/lib/moderation/labels";
import type { ModerationIntent } from "@/lib/moderation/schemas";
import { buttonClasses } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

export type ModerationTargetType = "DISCUSSION" | "REPLY" | "POST" | "COMMENT" | "RECOGNITION";

type Action = (prev: FormState, formData: FormData) => Promise<ActionResult>;

const BUTTONS: Record<
  ModerationIntent,
  { label: string; pending: string; variant: "secondary" | "danger" }
> = {
  hide: { label: "Hide", pending: "Hiding…", variant: "danger" },
  restore: { label: "Restore", pending: "Restoring…", variant: "secondary" },
  dismiss: { label: "Dismiss reports", pending: "Dismissing…", variant: "secondary" },
};

function IntentButton({ intent, what }: { intent: ModerationIntent; what: string }) {
  const { pending, data } = useFormStatus();
  const button = BUTTONS[intent];
  return (
    <button
      type="submit"
      name="intent"
      value={intent}
      disabled={pending}
      aria-disabled={pending}
      className={buttonClasses(button.variant)}
    >
      {pending && data?.get("intent") === intent ? (
        button.pending
      ) : (
        <>
          {button.label}
          <span className="sr-only">
            {intent === "dismiss" ? ` about this ${what}` : ` this ${what}`}
          </span>
        </>
      )}
    </button>
  );
}

interface State {
  hidden: boolean;
  hasOpenReports: boolean;
}

function nextState(state: State, intent: FormDataEntryValue | null): State {
  switch (intent) {
    case "hide":
      return { hidden: true, hasOpenReports: false };
    case "restore":
      return { ...state, hidden: false };
    case "dismiss":
      return { ...state, hasOpenReports: false };
    default:
      return state;
  }
}

function availableIntents(view: State, exists: boolean): ModerationIntent[] {
  if (!exists) return view.hasOpenReports ? ["dismiss"] : [];
  if (view.hidden) return ["restore"];
  return view.hasOpenReports ? ["hide", "dismiss"] : ["hide"];
}

/**
 * Hide / Restore (and Dismiss reports, when the item has open ones) for one item, with the
 * outcome announced below. Tracks the item's state itself, so it stays right whether or not
 * the page re-renders after the action.
 */
export function ModerationButtons({
  action,
  targetType,
  targetId,
  hidden,
  hasOpenReports = false,
  exists = true,
}: {
  action: Action;
  targetType: ModerationTargetType;
  targetId: string;
  hidden: boolean;
  hasOpenReports?: boolean;
  /** False for reports about an item that is gone: only Dismiss is left. */
  exists?: boolean;
}) {
  const [view, setView] = useState<State>({ hidden, hasOpenReports });
  const [result, formAction] = useActionState(async (prev: FormState, formData: FormData) => {
    const outcome = await action(prev, formData);
    setView((current) => (outcome.ok ? nextState(current, formData.get("intent")) : current));
    return outcome;
  }, null);
  const what = TARGET_NAMES[targetType];
  const intents = availableIntents(view, exists);
  const form = useRef<HTMLFormElement>(null);
  // Once the action is done (buttons enabled again), the button now first takes focus: the
  // pressed one may have been replaced (Hide → Restore).
  useEffect(() => {
    if (result) form.current?.querySelector("button")?.focus();
  }, [result]);

  return (
    <div className="space-y-2">
      <form ref={form} action={formAction} className="flex flex-wrap gap-2">
        <input type="hidden" name="targetType" value={targetType} />
        <input type="hidden" name="targetId" value={targetId} />
        {intents.map((intent) => (
          <IntentButton key={intent} intent={intent} what={what} />
        ))}
      </form>
      <FormMessage state={result} />
    </div>
  );
}
