// The sizes a pulse survey may have. Shared by the forms (maxLength, hints) and the services.
export const SURVEY_LIMITS = {
  titleMin: 3,
  titleMax: 120,
  introMax: 1000,
  statementsMin: 1,
  statementsMax: 30,
  statementMax: 300,
  questionsMax: 5,
  questionMax: 300,
  /** A survey closes at most this many days after the day it opens. */
  maxOpenDays: 90,
  /** A survey opens at most this many days ahead. */
  maxDaysAhead: 365,
  /** One free-text answer. */
  answerMax: 2000,
} as const;

export const SURVEYS_PAGE_SIZE = 20;
