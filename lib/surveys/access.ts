// What leaders may do to a pulse survey once it exists. Pure rules over the actor's role and
// the survey's status, which the survey services refuse by and the results page asks before
// it offers "Close now" or "Run again".
import type { Actor } from "@/lib/core/auth/authorize";
import { hasPermission } from "@/lib/core/auth/permissions";
import type { SurveyStatus } from "./status";

/** Whether the actor may close the survey now: a leader or admin, while it is not closed. */
export function mayCloseSurvey(
  actor: Pick<Actor, "role">,
  survey: { status: SurveyStatus },
): boolean {
  return hasPermission(actor.role, "update:survey:any") && survey.status !== "closed";
}

/**
 * Whether the actor may run the survey again as a next round: a leader or admin, once it has
 * closed, and only if it has no next round yet.
 */
export function mayRunSurveyAgain(
  actor: Pick<Actor, "role">,
  survey: { status: SurveyStatus; hasNextRound: boolean },
): boolean {
  return (
    hasPermission(actor.role, "create:survey:any") &&
    survey.status === "closed" &&
    !survey.hasNextRound
  );
}
