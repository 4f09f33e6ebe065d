"use client";
import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { FormMessage } from "@/components/ui/form-message";
import { toggleVoteAction } from "@/lib/proposals/actions";
import { formatNumber } from "@/lib/core/format";

export const votesText = (count: number) =>
  count === 1 ? "1 vote" : `${formatNumber(count)} votes`;

function PressButton({
  pressed,
  title,
  countId,
}: {
  pressed: boolean;
  title: string;
  countId: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      aria-pressed={pressed}
      aria-describedby={countId}
      disabled={pending}
      className="inline-flex min-h-10 items-center gap-2 rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium text-stone-900 hover:bg-stone-100 disabled:cursor-wait aria-pressed:border-brand-700 aria-pressed:bg-brand-50 aria-pressed:text-brand-800"
    >
      <span aria-hidden="true">▲</span> Vote<span className="sr-only"> for {title}</span>
    </button>
  );
}

/**
 * The member's vote (aria-pressed) and the count. It sends the state the member wants, so
 * a double click cannot flip it back; the page's refreshed props say whether it is on.
 */
export function VoteButton({
  proposalId,
  title,
  voted,
  count,
}: {
  proposalId: string;
  title: string;
  voted: boolean;
  count: number;
}) {
  const [state, formAction] = useActionState(toggleVoteAction, null);
  const countId = `votes-${proposalId}`;
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="id" value={proposalId} />
      <input type="hidden" name="on" value={voted ? "false" : "true"} />
      <div className="flex flex-wrap items-center gap-3">
        <PressButton pressed={voted} title={title} countId={countId} />
        <p id={countId} className="text-sm text-stone-700">
          {votesText(count)}
        </p>
      </div>
      {/* Success is shown by the pressed state and the count; only a refusal needs words. */}
      <FormMessage state={state?.ok ? null : state} />
    </form>
  );
}
