import { MENTORSHIP_LIMITS } from "@/lib/mentorship/limits";
import { AddGoalForm, GoalProgressForm, RemoveGoalButton } from "./goal-forms";

export interface GoalItem {
  id: string;
  title: string;
  progress: number;
}

/** The pair's goals, each with a progress bar; the pair may set progress, remove and add. */
export function GoalList({
  pairingId,
  goals,
  editable,
}: {
  pairingId: string;
  goals: GoalItem[];
  /** One of the pair, while the mentorship is open. */
  editable: boolean;
}) {
  return (
    <div className="space-y-4">
      {goals.length ? (
        <ul className="space-y-3" aria-label="Goals">
          {goals.map((goal) => {
            const titleId = `goal-${goal.id}-title`;
            return (
              <li
                key={goal.id}
                className="space-y-3 rounded-md border border-stone-200 bg-white p-3"
              >
                <p id={titleId} className="font-medium break-words">
                  {goal.title}
                </p>
                <div className="flex items-center gap-3">
                  <progress
                    value={goal.progress}
                    max={100}
                    aria-labelledby={titleId}
                    className="h-3 min-w-0 flex-1 overflow-hidden rounded-full bg-stone-200 [&::-moz-progress-bar]:bg-brand-700 [&::-webkit-progress-bar]:bg-stone-200 [&::-webkit-progress-value]:bg-brand-700"
                  />
                  <span className="w-12 shrink-0 text-right text-sm text-stone-700 tabular-nums">
                    {goal.progress} %
                  </span>
                </div>
                {editable ? (
                  <div className="flex flex-wrap items-end justify-between gap-3">
                    <GoalProgressForm
                      goalId={goal.id}
                      title={goal.title}
                      progress={goal.progress}
                    />
                    <RemoveGoalButton goalId={goal.id} title={goal.title} />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-stone-700">
          No goals yet.
          {editable ? " Add what you want to achieve together, then track it here." : ""}
        </p>
      )}
      {!editable ? null : goals.length < MENTORSHIP_LIMITS.goalsPerPairing ? (
        <AddGoalForm pairingId={pairingId} />
      ) : (
        <p className="text-sm text-stone-700">
          A mentorship holds at most {MENTORSHIP_LIMITS.goalsPerPairing} goals: remove one to add
          another.
        </p>
      )}
    </div>
  );
}
