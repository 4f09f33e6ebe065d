// The built-in learning-culture pulse: two first-person statements for each of six themes,
// answered from 1 (strongly disagree) to 5 (strongly agree), and two free-text questions.
// A survey statement that matches a template statement measures that statement's theme.

export type SurveyTheme =
  | "psychological-safety"
  | "knowledge-sharing"
  | "learning-from-each-other"
  | "leaders-modelling"
  | "time-to-learn"
  | "belonging";

export const SURVEY_THEMES: readonly SurveyTheme[] = [
  "psychological-safety",
  "knowledge-sharing",
  "learning-from-each-other",
  "leaders-modelling",
  "time-to-learn",
  "belonging",
];

export const THEME_LABELS: Record<SurveyTheme, string> = {
  "psychological-safety": "Psychological safety",
  "knowledge-sharing": "Knowledge sharing",
  "learning-from-each-other": "Learning from each other",
  "leaders-modelling": "Leaders modelling learning",
  "time-to-learn": "Time to learn",
  belonging: "Belonging",
};

export type Score = 1 | 2 | 3 | 4 | 5;
export const SCORES: readonly Score[] = [1, 2, 3, 4, 5];

/** What each point of the scale means. */
export const SCALE_LABELS: Record<Score, string> = {
  1: "Strongly disagree",
  2: "Disagree",
  3: "Neither agree nor disagree",
  4: "Agree",
  5: "Strongly agree",
};

export interface TemplateStatement {
  text: string;
  theme: SurveyTheme;
}

export const LEARNING_CULTURE_TEMPLATE: {
  title: string;
  intro: string;
  statements: TemplateStatement[];
  questions: string[];
} = {
  title: "Learning culture pulse",
  intro:
    "Twelve short statements about how we learn together, and two optional questions. It takes " +
    "about five minutes. Your answers are anonymous: they are stored without your name, sealed " +
    "until the survey closes, and results are only shown for groups with enough answers that " +
    "no one can be singled out.",
  statements: [
    { theme: "psychological-safety", text: "I can share a mistake without fear of judgement" },
    {
      theme: "psychological-safety",
      text: "I feel safe asking a question when I don't understand something",
    },
    { theme: "knowledge-sharing", text: "I know where to find what colleagues know" },
    { theme: "knowledge-sharing", text: "When I learn something useful, I share it with others" },
    { theme: "learning-from-each-other", text: "I regularly learn something new from a colleague" },
    { theme: "learning-from-each-other", text: "Colleagues make time to help me when I ask" },
    { theme: "leaders-modelling", text: "Leaders here talk openly about what they are learning" },
    { theme: "leaders-modelling", text: "Leaders here admit when they don't know something" },
    { theme: "time-to-learn", text: "I have time in my week to learn" },
    { theme: "time-to-learn", text: "Taking time to learn at work is encouraged here" },
    { theme: "belonging", text: "I feel that I belong here" },
    { theme: "belonging", text: "My ideas and experience are valued by the people I work with" },
  ],
  questions: [
    "What one thing would help you learn more here?",
    "What should we stop, start or keep doing to share knowledge?",
  ],
};

/** The template as the create form's fields: one statement or question a line. */
export function templateFormValues(): {
  title: string;
  intro: string;
  statements: string;
  questions: string;
} {
  const t = LEARNING_CULTURE_TEMPLATE;
  return {
    title: t.title,
    intro: t.intro,
    statements: t.statements.map((statement) => statement.text).join("\n"),
    questions: t.questions.join("\n"),
  };
}

/** Case, spacing, curly quotes and a final full stop don't make a statement different. */
function comparable(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.!]+$/, "")
    .toLowerCase();
}

const THEME_BY_TEXT = new Map(
  LEARNING_CULTURE_TEMPLATE.statements.map((statement) => [
    comparable(statement.text),
    statement.theme,
  ]),
);

/** The theme of a template statement; "" for a statement of one's own. */
export function themeOf(statement: string): SurveyTheme | "" {
  return THEME_BY_TEXT.get(comparable(statement)) ?? "";
}

export function isSurveyTheme(value: string): value is SurveyTheme {
  return (SURVEY_THEMES as readonly string[]).includes(value);
}
