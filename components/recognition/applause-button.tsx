"use client";
import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { toggleApplauseAction } from "@/lib/recognition/actions";
import { formatNumber } from "@/lib/core/format";

function countText(count: number) {
  return count === 1 ? "1 applause" : `${formatNumber(count)} applause`;
}

function PressButton({ pressed, countId }: { pressed: boolean; countId: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      aria-pressed={pressed}
      aria-describedby={countId}
      disabled={pending}
      className="inline-flex min-h-10 items-center gap-1 rounded-md border border-stone-300 bg-white px-3 py-2 text-sm font-medium text-stone-900 hover:bg-stone-100 disabled:cursor-wait aria-pressed:border-brand-700 aria-pressed:bg-brand-50 aria-pressed:text-brand-800"
    >
      +1<span className="sr-only"> applause</span>
    </button>
  );
}

/**
 * "+1" applause, a toggle (aria-pressed) that sends the state the member wants, so a double
 * click cannot flip it back. Givers and recipients see the count only.
 */
export function ApplauseButton({
  recognitionId,
  applauded,
  count,
  canApplaud,
}: {
  recognitionId: string;
  applauded: boolean;
  count: number;
  canApplaud: boolean;
}) {
  const [state, formAction] = useActionState(toggleApplauseAction, null);
  const countId = `applause-count-${recognitionId}`;
  const counter = (
    <span id={countId} className="text-sm text-stone-700 tabular-nums">
      {countText(count)}
    </span>
  );
  if (!canApplaud) return count > 0 ? counter : null;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={recognitionId} />
      <input type="hidden" name="on" value={applauded ? "false" : "true"} />
      <PressButton pressed={applauded} countId={countId} />
      {counter}
      {/* Always present, so the outcome is announced; a success needs no visible text. */}
      <p
        role="status"
        aria-live="polite"
        className={state?.ok ? "sr-only" : "text-sm text-red-700"}
      >
        {state?.message}
      </p>
    </form>
  );
}
