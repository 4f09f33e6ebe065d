// A survey's state at a moment: scheduled until it opens, open until it closes (on its closing
// date, or earlier when a leader closes it), closed after. Pure, for services and pages alike.

export type SurveyStatus = "scheduled" | "open" | "closed";

export const SURVEY_STATUS_LABELS: Record<SurveyStatus, string> = {
  scheduled: "Scheduled",
  open: "Open",
  closed: "Closed",
};

export interface SurveyWindow {
  opensAt: Date;
  closesAt: Date;
  closedAt: Date | null;
}

export function surveyStatus(survey: SurveyWindow, now = new Date()): SurveyStatus {
  if (survey.closedAt || survey.closesAt.getTime() <= now.getTime()) return "closed";
  if (survey.opensAt.getTime() > now.getTime()) return "scheduled";
  return "open";
}

export const isClosed = (survey: SurveyWindow, now = new Date()) =>
  surveyStatus(survey, now) === "closed";
