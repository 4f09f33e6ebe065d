"use client";
import { useOptimistic, useState } from "react";
import type { ActionResult } from "@/lib/core/forms/action-result";
import type { ReactionKind } from "@/lib/generated/prisma/enums";
import {
  toggleDiscussionReactionAction,
  toggleReplyReactionAction,
} from "@/lib/discussions/reactions/actions";
import {
  REACTIONS,
  reactionButtonLabel,
  type ReactionSummary,
} from "@/lib/discussions/reactions/kinds";

function toggled(summary: ReactionSummary, kind: ReactionKind): ReactionSummary {
  const mine = summary.mine.includes(kind);
  const count = (summary.counts[kind] ?? 0) + (mine ? -1 : 1);
  return {
    counts: { ...summary.counts, [kind]: Math.max(count, 0) },
    mine: mine ? summary.mine.filter((k) => k !== kind) : [...summary.mine, kind],
  };
}

/**
 * The fixed reactions of a discussion or reply as toggle buttons (aria-pressed) with their
 * counts. The click shows at once; the server's answer (or an error) follows.
 */
export function ReactionBar({
  target,
  id,
  summary,
  label,
}: {
  target: "discussion" | "reply";
  id: string;
  summary: ReactionSummary;
  /** What is reacted to, for the group's name: "this discussion", "Priya's reply". */
  label: string;
}) {
  const [shown, toggle] = useOptimistic(summary, toggled);
  const [error, setError] = useState<string | null>(null);
  const action =
    target === "discussion" ? toggleDiscussionReactionAction : toggleReplyReactionAction;

  // One form for the whole bar: the pressed button sends its kind (React adds the submitter's
  // name and value to the FormData), and whether it turns the reaction on is read from what
  // the member sees now. Four forms with three hidden inputs each made up most of a reply's
  // HTML on a long thread.
  async function react(formData: FormData) {
    const kind = formData.get("kind") as ReactionKind;
    formData.set("on", String(!shown.mine.includes(kind)));
    toggle(kind);
    const result: ActionResult<unknown> = await action(null, formData);
    setError(result.ok ? null : result.message);
  }

  return (
    <div className="space-y-1">
      <form action={react}>
        <input type="hidden" name="id" value={id} />
        <ul role="list" aria-label={`Reactions to ${label}`} className="flex flex-wrap gap-2">
          {REACTIONS.map((reaction) => {
            const count = shown.counts[reaction.kind] ?? 0;
            const mine = shown.mine.includes(reaction.kind);
            return (
              <li key={reaction.kind}>
                <button
                  type="submit"
                  name="kind"
                  value={reaction.kind}
                  aria-pressed={mine}
                  aria-label={reactionButtonLabel(reaction.label, count, mine)}
                  title={reaction.label}
                  className="reaction-button"
                >
                  <span aria-hidden="true">{reaction.emoji}</span>
                  <span aria-hidden="true" className="hidden sm:inline">
                    {reaction.label}
                  </span>
                  <span aria-hidden="true">{count}</span>
                </button>
              </li>
            );
          })}
        </ul>
      </form>
      <p role="status" aria-live="polite" className="text-sm text-red-700">
        {error}
      </p>
    </div>
  );
}
