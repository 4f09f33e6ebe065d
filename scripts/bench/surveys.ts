// Generated pulse surveys: rounds of the learning-culture survey (lib/surveys/template.ts),
// each the next round of the one before, with anonymous responses as the app stores them: a
// random UUID, the respondent's team and the day, answers to every statement and to some of
// the free-text questions, and apart from it a receipt that the member answered.
// responseCount is the number of responses written.
import { LEARNING_CULTURE_TEMPLATE, type SurveyTheme } from "@/lib/surveys/template";
import { DAY, HOUR, startOfDay, uuid, type SeedContext } from "./context";
import type { Random } from "./random";
import type { Writers } from "./tables";
import { sentence } from "./text";
import { timestamp } from "./writer";

/** Days between the opening of one round and the next, and how long each stays open. */
const ROUND_EVERY_DAYS = 120;
const OPEN_DAYS = 14;
/** The latest round closed this many days ago (no round is open: home pages stay as they are). */
const LATEST_CLOSED_DAYS_AGO = 26;

/** Where each theme's answers centre (1–5), and how much each round improves on the last. */
const THEME_MEANS: Record<SurveyTheme, number> = {
  "psychological-safety": 3.6,
  "knowledge-sharing": 3.1,
  "learning-from-each-other": 3.8,
  "leaders-modelling": 3.3,
  "time-to-learn": 2.7,
  belonging: 3.7,
};
const IMPROVEMENT_PER_ROUND = 0.08;
/** Share of respondents who answer each free-text question. */
const TEXT_ANSWER_SHARE = 0.2;

interface Question {
  id: string;
  kind: "SCALE" | "TEXT";
  theme: SurveyTheme | "";
}

export interface SurveyRound {
  id: string;
  /** 0 for the first (oldest) round. */
  index: number;
  opensAt: number;
  closesAt: number;
  questions: Question[];
  /** Responses (and receipts) the round gets: its responseCount. */
  responses: number;
  /** A shift of each team's answers (some teams feel better than others). */
  teamShift: ReadonlyMap<string, number>;
}

/**
 * Queues `rounds` surveys with their questions, oldest first, each pointing at the one before.
 * Each round gets `responses` answers, at most 80 % of the active members.
 */
export function addSurveys(
  writers: Writers,
  ctx: SeedContext,
  random: Random,
  input: { rounds: number; responses: number },
): SurveyRound[] {
  const template = LEARNING_CULTURE_TEMPLATE;
  const responses = Math.min(input.responses, Math.floor(ctx.people.active.length * 0.8));
  const teamShift = new Map(
    [...ctx.people.teamMembers.keys()].map((teamId) => [teamId, (random.next() - 0.5) * 0.8]),
  );
  const createdById = ctx.people.leaders.length ? random.pick(ctx.people.leaders) : null;
  const rounds: SurveyRound[] = [];
  for (let index = 0; index < input.rounds; index++) {
    const id = ctx.newId();
    const daysAgo =
      LATEST_CLOSED_DAYS_AGO + OPEN_DAYS + (input.rounds - 1 - index) * ROUND_EVERY_DAYS;
    const opensAt = startOfDay(ctx.now) - daysAgo * DAY + 8 * HOUR;
    const closesAt = opensAt + OPEN_DAYS * DAY;
    const createdAt = opensAt - random.int(1, 5) * DAY;
    const month = new Date(opensAt).toLocaleString("en-GB", {
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    writers.survey.add({
      id,
      title: `${template.title} (${month})`,
      intro: template.intro,
      opensAt: timestamp(opensAt),
      closesAt: timestamp(closesAt),
      closedAt: null,
      previousRoundId: rounds.at(-1)?.id ?? null,
      createdById,
      responseCount: responses,
      createdAt: timestamp(createdAt),
      updatedAt: timestamp(closesAt),
    });
    const questions: Question[] = [
      ...template.statements.map((s) => ({ kind: "SCALE" as const, text: s.text, theme: s.theme })),
      ...template.questions.map((text) => ({ kind: "TEXT" as const, text, theme: "" as const })),
    ].map((question, position) => {
      const questionId = ctx.newId();
      writers.question.add({ id: questionId, surveyId: id, position, ...question });
      return { id: questionId, kind: question.kind, theme: question.theme };
    });
    rounds.push({ id, index, opensAt, closesAt, questions, responses, teamShift });
  }
  return rounds;
}

/** Queues one round's responses, answers and (unrelated to them) receipts. */
export function addResponses(
  writers: Writers,
  ctx: SeedContext,
  random: Random,
  round: SurveyRound,
): number {
  const { active, teamOf } = ctx.people;
  const respondents = random.distinctIndices(active.length, round.responses).map((i) => active[i]!);
  for (const userId of respondents) {
    const teamId = teamOf.get(userId) ?? null;
    const responseId = uuid(random);
    writers.response.add({ id: responseId, surveyId: round.id, teamId });
    const mood = (random.next() - 0.5) * 1.2 + (teamId ? (round.teamShift.get(teamId) ?? 0) : 0);
    for (const question of round.questions) {
      if (question.kind === "SCALE") {
        const centre =
          THEME_MEANS[question.theme as SurveyTheme] + round.index * IMPROVEMENT_PER_ROUND + mood;
        const score = Math.min(5, Math.max(1, Math.round(centre + (random.next() - 0.5) * 2)));
        writers.answer.add({ responseId, questionId: question.id, score });
      } else if (random.chance(TEXT_ANSWER_SHARE)) {
        writers.answer.add({ responseId, questionId: question.id, text: sentence(random) });
      }
    }
  }
  // Receipts in another order than the responses: nothing ties one to the other.
  for (const userId of random.shuffle([...respondents])) {
    writers.receipt.add({ surveyId: round.id, userId });
  }
  return respondents.length;
}
