"use client";
import { startTransition, useOptimistic } from "react";
import type { ActionResult } from "@/lib/core/forms/action-result";
import { voteOnAnswerAction } from "@/lib/discussions/answer-votes-actions";

export interface AnswerVoteState {
  score: number;
  mine: boolean;
}

const votesText = (score: number) => `${score} ${score === 1 ? "vote" : "votes"}`;

/** What the vote button says to screen readers: "Upvote this answer, 3 votes, you voted". */
export function voteButtonLabel(score: number, mine: boolean): string {
  return `Upvote this answer, ${votesText(score)}${mine ? ", you voted" : ""}`;
}

/**
 * An answer's score, and for someone else's answer the up-vote toggle (aria-pressed). Lives
 * inside the reply's reaction bar (one client island per reply, decision 018); the click
 * shows at once and the server's answer follows, an error going to the bar's status line.
 */
export function AnswerVote({
  replyId,
  votes,
  canVote,
  onError,
}: {
  replyId: string;
  votes: AnswerVoteState;
  /** False on the viewer's own answer: the score only. */
  canVote: boolean;
  onError: (message: string | null) => void;
}) {
  const [shown, setShown] = useOptimistic(votes, (state, up: boolean) => ({
    score: state.score + (up ? 1 : -1),
    mine: up,
  }));
  if (!canVote) return <span className="vote-count">{votesText(votes.score)}</span>;

  function press() {
    const up = !shown.mine;
    const formData = new FormData();
    formData.set("id", replyId);
    formData.set("vote", up ? "up" : "none");
    startTransition(async () => {
      setShown(up);
      const result: ActionResult<unknown> = await voteOnAnswerAction(null, formData);
      onError(result.ok ? null : result.message);
    });
  }

  return (
    <button
      type="button"
      onClick={press}
      aria-pressed={shown.mine}
      aria-label={voteButtonLabel(shown.score, shown.mine)}
      title="Upvote this answer"
      className="reaction-button"
    >
      <span aria-hidden="true">▲</span>
      <span className="max-sm:hidden">Upvote</span>
      {shown.score}
    </button>
  );
}
