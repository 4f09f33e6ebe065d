"use client";
import { startTransition, useOptimistic, useState } from "react";
import type { ActionResult } from "@/lib/core/forms/action-result";
import type { ReactionKind } from "@/lib/generated/prisma/enums";
import {
  toggleDiscussionReactionAction,
  toggleReplyReactionAction,
} from "@/lib/discussions/reactions/actions";
import {
  NO_REACTIONS,
  REACTIONS,
  reactionButtonLabel,
  type ReactionDefinition,
  type ReactionSummary,
} from "@/lib/discussions/reactions/kinds";
import { AnswerVote, type AnswerVoteState } from "./answer-vote";

function toggled(summary: ReactionSummary, kind: ReactionKind): ReactionSummary {
  const mine = summary.mine.includes(kind);
  const count = (summary.counts[kind] ?? 0) + (mine ? -1 : 1);
  return {
    counts: { ...summary.counts, [kind]: Math.max(count, 0) },
    mine: mine ? summary.mine.filter((k) => k !== kind) : [...summary.mine, kind],
  };
}

function ReactionButton({
  reaction,
  summary,
  onPress,
}: {
  reaction: ReactionDefinition;
  summary: ReactionSummary;
  onPress: (kind: ReactionKind) => void;
}) {
  const count = summary.counts[reaction.kind] ?? 0;
  const mine = summary.mine.includes(reaction.kind);
  // The accessible name says it all, so the visible parts need no spans of their own.
  return (
    <button
      type="button"
      onClick={() => onPress(reaction.kind)}
      aria-pressed={mine}
      aria-label={reactionButtonLabel(reaction.label, count, mine)}
      title={reaction.label}
      className="reaction-button"
    >
      {reaction.emoji}
      <span className="max-sm:hidden">{reaction.label}</span>
      {count}
    </button>
  );
}

/**
 * The fixed reactions of a discussion or reply as toggle buttons (aria-pressed) with their
 * counts. The click shows at once; the server's answer (or an error) follows.
 *
 * `compact` (replies): only the reactions someone gave show, and the others appear when the
 * "Add a reaction" button is pressed; on a long thread the four buttons of every reply were
 * most of the page's HTML.
 *
 * `vote` (answers to a question): the answer's score and up-vote button come first, in the
 * same client component, so an answer costs no second island.
 */
export function ReactionBar({
  target,
  id,
  summary = NO_REACTIONS,
  label,
  compact = false,
  vote,
}: {
  target: "discussion" | "reply";
  id: string;
  /** Left out when nobody reacted (the usual case: a page sends it once per reply). */
  summary?: ReactionSummary;
  /** What is reacted to, for the group's name: "this discussion", "Priya's reply". */
  label: string;
  compact?: boolean;
  /** A question's answer: its votes, and whether the viewer may vote (not their own). */
  vote?: { state: AnswerVoteState; canVote: boolean };
}) {
  const [shown, toggle] = useOptimistic(summary, toggled);
  const [error, setError] = useState<string | null>(null);
  // Reactions clicked here stay in view at 0, so the button under the pointer or focus
  // does not vanish when it is toggled off.
  const [touched, setTouched] = useState<ReactionKind[]>([]);
  const [picking, setPicking] = useState(false);
  const action =
    target === "discussion" ? toggleDiscussionReactionAction : toggleReplyReactionAction;

  // Buttons, not a form: the bar needs JavaScript either way (the action is called from
  // here), and a form per reply cost each one a hidden input and an action attribute.
  // Whether a press turns the reaction on is read from what the member sees now.
  function react(kind: ReactionKind) {
    const formData = new FormData();
    formData.set("id", id);
    formData.set("kind", kind);
    formData.set("on", String(!shown.mine.includes(kind)));
    setTouched((kinds) => (kinds.includes(kind) ? kinds : [...kinds, kind]));
    setPicking(false);
    startTransition(async () => {
      toggle(kind);
      const result: ActionResult<unknown> = await action(null, formData);
      setError(result.ok ? null : result.message);
    });
  }

  const inView = (reaction: ReactionDefinition) =>
    !compact ||
    (shown.counts[reaction.kind] ?? 0) > 0 ||
    shown.mine.includes(reaction.kind) ||
    touched.includes(reaction.kind);
  const visible = REACTIONS.filter(inView);
  const others = REACTIONS.filter((reaction) => !inView(reaction));

  const reactionList = (
    <ul role="list" aria-label={`Reactions to ${label}`} className="flex flex-wrap gap-2">
      {visible.map((reaction) => (
        <li key={reaction.kind}>
          <ReactionButton reaction={reaction} summary={shown} onPress={react} />
        </li>
      ))}
      {others.length ? (
        <li>
          <button
            type="button"
            aria-expanded={picking}
            aria-label={`Add a reaction to ${label}`}
            onClick={() => setPicking(!picking)}
            className="reaction-button"
          >
            <span aria-hidden="true">＋</span>
            <span className="max-sm:hidden">React</span>
          </button>
        </li>
      ) : null}
      {picking
        ? others.map((reaction) => (
            <li key={reaction.kind}>
              <ReactionButton reaction={reaction} summary={shown} onPress={react} />
            </li>
          ))
        : null}
    </ul>
  );

  return (
    <div>
      {vote ? (
        <div className="flex flex-wrap items-center gap-2">
          <AnswerVote replyId={id} votes={vote.state} canVote={vote.canVote} onError={setError} />
          {reactionList}
        </div>
      ) : (
        reactionList
      )}
      <p role="status" aria-live="polite" className="text-sm text-red-700">
        {error}
      </p>
    </div>
  );
}
