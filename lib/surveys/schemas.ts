// What the survey forms accept. Dates arrive as "YYYY-MM-DD" and are read in the leader's own
// time zone: a survey opens at the start of its opening day and closes at the end of its
// closing day (stored as the start of the next day, exclusive). Statements and questions come
// from textareas, one a line; messages name the field's rule so they can show beside it.
import { idSchema } from "@/lib/core/ids";
import { z } from "zod";
import { parseDateInput, toDateInput } from "@/lib/core/dates";
import { zonedDate, zonedToUtc } from "@/lib/core/zoned-time";
import { SURVEY_LIMITS as L } from "./limits";
import { themeOf, type SurveyTheme } from "./template";
import { multiLineText, singleLineText } from "@/lib/core/forms/text";
import { formatNumber } from "@/lib/core/format";

const DAY_MS = 86_400_000;

/**
 * Trimmed text with browser line endings (\r\n) counted as one; missing reads as empty. Used
 * for dates, read further; text kept as it is comes from lib/core/forms/text.
 */
const text = () =>
  z
    .string()
    .optional()
    .transform((value = "") => value.replace(/\r\n?/g, "\n").trim());

/** The non-empty lines of a textarea, trimmed, without list bullets ("- ", "* ", "• "). */
export function splitLines(value: string): string[] {
  return value
    .split(/\r\n?|\n/)
    .map((line) =>
      line
        .trim()
        .replace(/^(?:[-*\u2022](?:\s+|$))+/, "")
        .trim(),
    )
    .filter((line) => line.length > 0);
}

const lines = (options: {
  min: number;
  max: number;
  lineMax: number;
  what: string;
  plural: string;
}) =>
  multiLineText().transform((value, context) => {
    const items = splitLines(value);
    if (items.length < options.min) {
      context.addIssue({
        code: "custom",
        message: `Add at least ${options.min} ${options.what}, one a line.`,
      });
      return z.NEVER;
    }
    if (items.length > options.max) {
      context.addIssue({
        code: "custom",
        message: `Use at most ${options.max} ${options.plural} (one a line): there are ${items.length}.`,
      });
      return z.NEVER;
    }
    const long = items.findIndex((item) => item.length > options.lineMax);
    if (long >= 0) {
      context.addIssue({
        code: "custom",
        message: `Keep each ${options.what} to ${options.lineMax} characters or fewer (number ${long + 1} is ${items[long]!.length}).`,
      });
      return z.NEVER;
    }
    const seen = new Set<string>();
    for (const item of items) {
      const key = item.toLowerCase();
      if (seen.has(key)) {
        context.addIssue({
          code: "custom",
          message: `Each ${options.what} can appear once: "${item.slice(0, 60)}" is there twice.`,
        });
        return z.NEVER;
      }
      seen.add(key);
    }
    return items;
  });

const dateField = (missing: string) =>
  text().transform((value, context) => {
    if (!value) {
      context.addIssue({ code: "custom", message: missing });
      return z.NEVER;
    }
    if (!parseDateInput(value)) {
      context.addIssue({ code: "custom", message: "Enter a date as year, month and day." });
      return z.NEVER;
    }
    return value;
  });

const nextDay = (day: string) => toDateInput(new Date(parseDateInput(day)!.getTime() + DAY_MS));
const daysBetween = (from: string, to: string) =>
  Math.round((parseDateInput(to)!.getTime() - parseDateInput(from)!.getTime()) / DAY_MS);

export interface SurveyWindowInput {
  opensOn: string;
  closesOn: string;
}

/**
 * The opening and closing days as UTC instants in `timeZone`, with the rules between them:
 * it opens today or later (in that zone), closes on or after the day it opens, and stays
 * open for at most 90 days.
 */
function windowSchema(timeZone: string, now: Date) {
  return z
    .object({
      opensOn: dateField("Choose the day the survey opens."),
      closesOn: dateField("Choose the day the survey closes."),
    })
    .superRefine(({ opensOn, closesOn }, context) => {
      const today = zonedDate(now, timeZone);
      if (opensOn < today) {
        context.addIssue({
          code: "custom",
          path: ["opensOn"],
          message: "Choose today or a later day for the survey to open.",
        });
      } else if (daysBetween(today, opensOn) > L.maxDaysAhead) {
        context.addIssue({
          code: "custom",
          path: ["opensOn"],
          message: `Open the survey within ${L.maxDaysAhead} days from today.`,
        });
      }
      if (closesOn < opensOn) {
        context.addIssue({
          code: "custom",
          path: ["closesOn"],
          message: "The survey must close on or after the day it opens.",
        });
      } else if (daysBetween(opensOn, closesOn) > L.maxOpenDays) {
        context.addIssue({
          code: "custom",
          path: ["closesOn"],
          message: `Close the survey within ${L.maxOpenDays} days of the day it opens.`,
        });
      }
    })
    .transform(({ opensOn, closesOn }) => ({
      opensAt: zonedToUtc(`${opensOn}T00:00`, timeZone)!,
      closesAt: zonedToUtc(`${nextDay(closesOn)}T00:00`, timeZone)!,
    }));
}

export interface SurveyStatementInput {
  text: string;
  theme: SurveyTheme | "";
}

export function createSurveySchema(timeZone: string, now = new Date()) {
  return z
    .object({
      title: singleLineText().pipe(
        z
          .string()
          .min(L.titleMin, `Give the survey a title of at least ${L.titleMin} characters.`)
          .max(L.titleMax, `Keep the title to ${L.titleMax} characters or fewer.`),
      ),
      intro: multiLineText().pipe(
        z
          .string()
          .max(
            L.introMax,
            `Keep the introduction to ${formatNumber(L.introMax)} characters or fewer.`,
          ),
      ),
      statements: lines({
        min: L.statementsMin,
        max: L.statementsMax,
        lineMax: L.statementMax,
        what: "statement",
        plural: "statements",
      }).transform((items): SurveyStatementInput[] =>
        items.map((item) => ({ text: item, theme: themeOf(item) })),
      ),
      questions: lines({
        min: 0,
        max: L.questionsMax,
        lineMax: L.questionMax,
        what: "question",
        plural: "questions",
      }),
    })
    .and(windowSchema(timeZone, now));
}

export type CreateSurveyInput = z.infer<ReturnType<typeof createSurveySchema>>;

export const surveyIdSchema = z.object({ id: idSchema });

export const runAgainSchema = (timeZone: string, now = new Date()) =>
  z.object({ id: idSchema }).and(windowSchema(timeZone, now));
