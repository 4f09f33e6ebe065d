// Reading pulse surveys: members see the open ones they have not answered and the form to
// answer; leaders and admins list surveys and read results. Results exist only once a survey
// has closed: until then answers stay sealed (./sealed-answers.ts), so no one can learn an
// answer by comparing the results before and after it came. They are counted in SQL and
// shown for a group (the whole organisation, or one team) only when it has at least the
// threshold of responses ("surveys.minResponses"); a group below it shows no figures, no
// free text and not even its count. Nothing here reads who answered: receipts are only ever
// read for the viewer's own "have I answered?" and counted.
import "server-only";
import { idSchema } from "@/lib/core/ids";
import { z } from "zod";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { hasPermission } from "@/lib/core/auth/permissions";
import { csvCell } from "@/lib/core/csv/cell";
import { db } from "@/lib/core/db/client";
import type { Database, TransactionClient } from "@/lib/core/db/create-client";
import { NotFound } from "@/lib/core/forms/errors";
import { rows, sql, sqlb } from "@/lib/core/db/typed-sql";
import type { Expression } from "kysely";
import type { PulseQuestionKind } from "@/lib/generated/prisma/enums";
import { decodeCursorOrThrow, toPage, type Page } from "@/lib/core/pagination/cursor";
import { getSetting } from "@/lib/core/settings/queries";
import { SURVEYS_PAGE_SIZE } from "./limits";
import { releaseSealedAnswers } from "./sealed-answers";
import { surveyStatus, type SurveyStatus } from "./status";
import { isSurveyTheme, SCALE_LABELS, SCORES, THEME_LABELS } from "./template";

const THE_SURVEY = "That survey";
type Client = Database | TransactionClient;

// ---------------------------------------------------------------------------------------------
// Members

export interface OpenSurvey {
  id: string;
  title: string;
  closesAt: Date;
}

/** Surveys open now that the member has not answered yet, closing soonest first. */
export async function openSurveysFor(actor: Actor, now = new Date()): Promise<OpenSurvey[]> {
  if (!hasPermission(actor.role, "create:survey-response:any")) return [];
  return db.pulseSurvey.findMany({
    where: {
      closedAt: null,
      opensAt: { lte: now },
      closesAt: { gt: now },
      receipts: { none: { userId: actor.id } },
    },
    select: { id: true, title: true, closesAt: true },
    orderBy: [{ closesAt: "asc" }, { id: "asc" }],
    take: 20,
  });
}

export interface SurveyForAnswer {
  id: string;
  title: string;
  intro: string;
  opensAt: Date;
  closesAt: Date;
  status: SurveyStatus;
  questions: { id: string; kind: PulseQuestionKind; text: string }[];
  /** Whether the viewer has answered it already. */
  answered: boolean;
  /** Whether it takes answers now. */
  open: boolean;
}

/** The survey as a member answers it; NotFound for an unknown id. */
export async function surveyForAnswer(
  actor: Actor,
  id: string,
  now = new Date(),
): Promise<SurveyForAnswer> {
  authorize(actor, "create:survey-response:any");
  if (!idSchema.safeParse(id).success) throw new NotFound(THE_SURVEY);
  const survey = await db.pulseSurvey.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      intro: true,
      opensAt: true,
      closesAt: true,
      closedAt: true,
      questions: { select: { id: true, kind: true, text: true }, orderBy: { position: "asc" } },
      receipts: { where: { userId: actor.id }, select: { userId: true } },
    },
  });
  if (!survey) throw new NotFound(THE_SURVEY);
  const { closedAt: _closedAt, receipts, ...rest } = survey;
  const status = surveyStatus(survey, now);
  return { ...rest, status, answered: receipts.length > 0, open: status === "open" };
}

// ---------------------------------------------------------------------------------------------
// Leaders: the list

export interface SurveyRow {
  id: string;
  title: string;
  opensAt: Date;
  closesAt: Date;
  closedAt: Date | null;
  status: SurveyStatus;
  responseCount: number;
  previousRoundId: string | null;
  /** The id of the round that follows this one, if it was run again. */
  nextRoundId: string | null;
}

const listKey = z.tuple([z.iso.datetime(), idSchema]);

/** Every survey, newest first, 20 a page (keyset on createdAt, id). Leaders and admins. */
export async function listSurveys(
  actor: Actor,
  cursor?: string | null,
  take = SURVEYS_PAGE_SIZE,
  now = new Date(),
): Promise<Page<SurveyRow>> {
  authorize(actor, "read:survey-results:any");
  const after = cursor ? decodeCursorOrThrow(cursor, listKey) : null;
  const rows = await db.pulseSurvey.findMany({
    where: after
      ? {
          OR: [
            { createdAt: { lt: new Date(after[0]) } },
            { createdAt: new Date(after[0]), id: { lt: after[1] } },
          ],
        }
      : undefined,
    select: {
      id: true,
      title: true,
      opensAt: true,
      closesAt: true,
      closedAt: true,
      responseCount: true,
      previousRoundId: true,
      createdAt: true,
      nextRound: { select: { id: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
  });
  const page = toPage(rows, take, (row) => [row.createdAt.toISOString(), row.id]);
  return {
    ...page,
    items: page.items.map(({ createdAt: _createdAt, nextRound, ...row }) => ({
      ...row,
      status: surveyStatus(row, now),
      nextRoundId: nextRound?.id ?? null,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Leaders: results

export interface StatementResult {
  id: string;
  text: string;
  /** A template theme ("psychological-safety"...), or "" for a statement of one's own. */
  theme: string;
  /** How many answered 1, 2, 3, 4 and 5; all zeros when the group is below the threshold. */
  distribution: [number, number, number, number, number];
  /** Mean score to two decimals; null when hidden or unanswered. */
  average: number | null;
  /** The previous round's average for the same statement (same position and text), when
   *  that round's group met the threshold. */
  previousAverage: number | null;
  change: number | null;
}

export interface TextQuestionResult {
  id: string;
  text: string;
  /** The answers in the order of their text (never of time): none when hidden. */
  answers: string[];
}

export interface TeamGroup {
  teamId: string;
  teamName: string;
  /** Null when the team's results are hidden: small counts are not shown either. */
  responseCount: number | null;
  shown: boolean;
}

export interface SurveyResults {
  survey: {
    id: string;
    title: string;
    intro: string;
    opensAt: Date;
    closesAt: Date;
    closedAt: Date | null;
    status: SurveyStatus;
    previousRoundId: string | null;
    previousTitle: string | null;
  };
  /** The fewest responses a group needs before any of its results show. */
  threshold: number;
  /** How many members have answered: shown while the survey is open, when no result is. */
  answered: number;
  /** The group these results are for: the whole organisation when teamId is null. */
  group: { teamId: string | null; teamName: string | null };
  /** The group's responses; null for a team whose results are hidden. */
  responseCount: number | null;
  shown: boolean;
  statements: StatementResult[];
  textQuestions: TextQuestionResult[];
  teams: TeamGroup[];
}

interface Visibility {
  total: number;
  teams: (TeamGroup & { count: number })[];
}

/**
 * Which groups of a survey may show results. The whole organisation does with `threshold`
 * responses. A team does with `threshold` of its own, and only while the responses outside
 * the teams shown (other teams, members without a team) are none or `threshold` or more:
 * otherwise the organisation's figures minus the teams' would give away those few answers.
 * When that happens, the smallest team that would show is hidden instead.
 */
async function groupVisibility(
  client: Client,
  surveyId: string,
  threshold: number,
): Promise<Visibility> {
  const [counts, [all]] = await Promise.all([
    rows(
      client,
      sqlb
        .selectFrom("Team as t")
        .leftJoin("PulseResponse as r", (join) =>
          join.onRef("r.teamId", "=", "t.id").on("r.surveyId", "=", surveyId),
        )
        .select((eb) => [
          "t.id as teamId",
          "t.name as teamName",
          sql<number>`COUNT(${eb.ref("r.id")})::int`.as("count"),
        ])
        .groupBy("t.id")
        .orderBy("t.name", "asc")
        .orderBy("t.id", "asc"),
    ),
    rows(
      client,
      sqlb
        .selectFrom("PulseResponse")
        .select(sql<number>`COUNT(*)::int`.as("total"))
        .where("surveyId", "=", surveyId),
    ),
  ]);
  const total = all?.total ?? 0;
  const candidates = counts
    .filter((team) => team.count >= threshold)
    .sort((a, b) => a.count - b.count || a.teamId.localeCompare(b.teamId));
  let inShown = candidates.reduce((sum, team) => sum + team.count, 0);
  while (candidates.length > 0 && total - inShown > 0 && total - inShown < threshold) {
    inShown -= candidates.shift()!.count;
  }
  const shown = new Set(candidates.map((team) => team.teamId));
  return {
    total,
    teams: counts.map((team) => ({
      ...team,
      shown: shown.has(team.teamId),
      responseCount: shown.has(team.teamId) ? team.count : null,
    })),
  };
}

const groupShown = (visibility: Visibility, teamId: string | null, threshold: number) =>
  teamId === null
    ? visibility.total >= threshold
    : (visibility.teams.find((team) => team.teamId === teamId)?.shown ?? false);

const SCALE = sql<"SCALE">`'SCALE'`;

/**
 * Each statement's distribution and average in one group, and the change since the previous
 * round's statement at the same position with the same text (`previousId` null: no
 * comparison).
 */
async function statementFigures(
  client: Client,
  surveyId: string,
  teamId: string | null,
  previousId: string | null,
): Promise<StatementResult[]> {
  type Previous = { position: number | null; text: string | null; average: string | null };
  const previous: Expression<Previous> = previousId
    ? sqlb
        .selectFrom("PulseQuestion as q")
        .innerJoin("PulseAnswer as a", (join) =>
          join.onRef("a.questionId", "=", "q.id").on("a.score", "is not", null),
        )
        .innerJoin("PulseResponse as r", "r.id", "a.responseId")
        .select((eb) => [
          "q.position",
          "q.text",
          sql<string | null>`ROUND(AVG(${eb.ref("a.score")})::numeric, 2)`.as("average"),
        ])
        .where((eb) => eb.and([eb("q.surveyId", "=", previousId), eb("q.kind", "=", SCALE)]))
        .$if(teamId !== null, (q) => q.where("r.teamId", "=", teamId))
        .groupBy("q.id")
    : sql<Previous>`(SELECT NULL::int AS "position", NULL::text AS "text", NULL::numeric AS "average" WHERE false)`;
  const found = await rows(
    client,
    sqlb
      .with("answered", (w) =>
        w
          .selectFrom("PulseAnswer as a")
          .innerJoin("PulseResponse as r", "r.id", "a.responseId")
          .select(["a.questionId", "a.score"])
          .where((eb) => eb.and([eb("r.surveyId", "=", surveyId), eb("a.score", "is not", null)]))
          .$if(teamId !== null, (q) => q.where("r.teamId", "=", teamId)),
      )
      .with("current", (w) =>
        w
          .selectFrom("PulseQuestion as q")
          .leftJoin("answered as a", "a.questionId", "q.id")
          .select((eb) => {
            const scored = (score: number) =>
              sql<number>`COUNT(*) FILTER (WHERE ${eb.ref("a.score")} = ${sql.lit(score)})::int`;
            return [
              "q.id",
              "q.text",
              "q.theme",
              "q.position",
              scored(1).as("n1"),
              scored(2).as("n2"),
              scored(3).as("n3"),
              scored(4).as("n4"),
              scored(5).as("n5"),
              sql<string | null>`ROUND(AVG(${eb.ref("a.score")})::numeric, 2)`.as("average"),
            ];
          })
          .where((eb) => eb.and([eb("q.surveyId", "=", surveyId), eb("q.kind", "=", SCALE)]))
          .groupBy("q.id"),
      )
      .with("previous", () => previous)
      .selectFrom("current as c")
      .leftJoin("previous as p", (join) =>
        join.onRef("p.position", "=", "c.position").onRef("p.text", "=", "c.text"),
      )
      .select((eb) => [
        "c.id",
        "c.text",
        "c.theme",
        "c.n1",
        "c.n2",
        "c.n3",
        "c.n4",
        "c.n5",
        sql<number | null>`${eb.ref("c.average")}::float8`.as("average"),
        sql<number | null>`${eb.ref("p.average")}::float8`.as("previousAverage"),
        sql<number | null>`(${eb.ref("c.average")} - ${eb.ref("p.average")})::float8`.as("change"),
      ])
      .orderBy("c.position", "asc"),
  );
  return found.map(({ n1, n2, n3, n4, n5, ...row }) => ({
    ...row,
    distribution: [n1, n2, n3, n4, n5],
    // No comparison without an average this round.
    previousAverage: row.average === null ? null : row.previousAverage,
    change: row.average === null ? null : row.change,
  }));
}

/** The statements without any figures: a group below the threshold. */
async function hiddenStatements(client: Client, surveyId: string): Promise<StatementResult[]> {
  const questions = await client.pulseQuestion.findMany({
    where: { surveyId, kind: "SCALE" },
    select: { id: true, text: true, theme: true },
    orderBy: { position: "asc" },
  });
  return questions.map((question) => ({
    ...question,
    distribution: [0, 0, 0, 0, 0],
    average: null,
    previousAverage: null,
    change: null,
  }));
}

/** The free-text questions with one group's answers, each list in the order of its text. */
async function textAnswers(
  client: Client,
  surveyId: string,
  teamId: string | null,
  shown: boolean,
): Promise<TextQuestionResult[]> {
  const questions = await client.pulseQuestion.findMany({
    where: { surveyId, kind: "TEXT" },
    select: { id: true, text: true },
    orderBy: { position: "asc" },
  });
  if (!shown || questions.length === 0) return questions.map((q) => ({ ...q, answers: [] }));
  const found = await rows(
    client,
    sqlb
      .selectFrom("PulseAnswer as a")
      .innerJoin("PulseResponse as r", "r.id", "a.responseId")
      .innerJoin("PulseQuestion as q", "q.id", "a.questionId")
      .select((eb) => ["a.questionId", sql<string>`${eb.ref("a.text")}`.as("text")])
      .where((eb) =>
        eb.and([
          eb("q.surveyId", "=", surveyId),
          eb("q.kind", "=", sql<"TEXT">`'TEXT'`),
          eb("a.text", "is not", null),
        ]),
      )
      .$if(teamId !== null, (q) => q.where("r.teamId", "=", teamId))
      .orderBy("q.position", "asc")
      .orderBy("a.text", "asc"),
  );
  const byQuestion = new Map<string, string[]>(questions.map((q) => [q.id, []]));
  for (const row of found) byQuestion.get(row.questionId)?.push(row.text);
  return questions.map((q) => ({ ...q, answers: byQuestion.get(q.id) ?? [] }));
}

async function loadSurvey(client: Client, id: string) {
  if (!idSchema.safeParse(id).success) throw new NotFound(THE_SURVEY);
  const survey = await client.pulseSurvey.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      intro: true,
      opensAt: true,
      closesAt: true,
      closedAt: true,
      responseCount: true,
      previousRoundId: true,
      previousRound: { select: { title: true } },
    },
  });
  if (!survey) throw new NotFound(THE_SURVEY);
  return survey;
}

type LoadedSurvey = Awaited<ReturnType<typeof loadSurvey>>;

/**
 * Which groups may show results: none while the survey takes answers; once it has closed, its
 * sealed answers are released first (once), then counted.
 */
async function visibilityOf(
  client: Client,
  survey: LoadedSurvey,
  threshold: number,
  now: Date,
): Promise<Visibility> {
  if (surveyStatus(survey, now) !== "closed") {
    const teams = await client.team.findMany({
      select: { id: true, name: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    });
    return {
      total: 0,
      teams: teams.map((team) => ({
        teamId: team.id,
        teamName: team.name,
        count: 0,
        shown: false,
        responseCount: null,
      })),
    };
  }
  await releaseSealedAnswers(client, survey.id);
  return groupVisibility(client, survey.id, threshold);
}

/** One group's results given the survey, the threshold and the groups' visibility. */
async function groupResults(
  client: Client,
  survey: LoadedSurvey,
  teamId: string | null,
  threshold: number,
  visibility: Visibility,
) {
  const shown = groupShown(visibility, teamId, threshold);
  let previousId: string | null = null;
  if (shown && survey.previousRoundId) {
    await releaseSealedAnswers(client, survey.previousRoundId);
    const before = await groupVisibility(client, survey.previousRoundId, threshold);
    if (groupShown(before, teamId, threshold)) previousId = survey.previousRoundId;
  }
  const [statements, textQuestions] = await Promise.all([
    shown
      ? statementFigures(client, survey.id, teamId, previousId)
      : hiddenStatements(client, survey.id),
    textAnswers(client, survey.id, teamId, shown),
  ]);
  return { shown, statements, textQuestions };
}

/**
 * surveyResults as `client` sees them, with no permission check (callers check it): for
 * tests in a rolled-back transaction and for the review report.
 */
export async function resultsAsSeenBy(
  client: Client,
  surveyId: string,
  teamId: string | null = null,
  now = new Date(),
): Promise<SurveyResults> {
  const survey = await loadSurvey(client, surveyId);
  const threshold = await getSetting("surveys.minResponses", client);
  const visibility = await visibilityOf(client, survey, threshold, now);
  const team = teamId === null ? null : visibility.teams.find((t) => t.teamId === teamId);
  if (team === undefined) throw new NotFound("That team");
  const { shown, statements, textQuestions } = await groupResults(
    client,
    survey,
    teamId,
    threshold,
    visibility,
  );
  const { previousRound, closedAt, responseCount: answered, ...rest } = survey;
  return {
    survey: {
      ...rest,
      closedAt,
      status: surveyStatus(survey, now),
      previousTitle: previousRound?.title ?? null,
    },
    threshold,
    answered,
    group: { teamId, teamName: team?.teamName ?? null },
    responseCount: team ? team.responseCount : visibility.total,
    shown,
    statements,
    textQuestions,
    teams: visibility.teams.map(({ count: _count, ...group }) => group),
  };
}

/** A survey's results for the organisation (teamId null) or one team. Leaders and admins. */
export async function surveyResults(
  actor: Actor,
  id: string,
  teamId?: string | null,
): Promise<SurveyResults> {
  authorize(actor, "read:survey-results:any");
  return resultsAsSeenBy(db, id, teamId || null);
}

// ---------------------------------------------------------------------------------------------
// Leaders: CSV

const CSV_HEADER = [
  "Group",
  "Responses",
  "Question",
  "Theme",
  ...SCORES.map((score) => `${score} ${SCALE_LABELS[score]}`),
  "Average",
  "Previous round average",
  "Change",
  "Answer",
];

const figure = (value: number | null) => (value === null ? "" : String(value));

/** resultsCsv as `client` sees it, with no permission check. */
export async function resultsCsvAsSeenBy(
  client: Client,
  surveyId: string,
  now = new Date(),
): Promise<string> {
  const survey = await loadSurvey(client, surveyId);
  const threshold = await getSetting("surveys.minResponses", client);
  const visibility = await visibilityOf(client, survey, threshold, now);
  const lines: string[][] = [CSV_HEADER];
  const empty = (n: number) => Array<string>(n).fill("");

  const groups: { teamId: string | null; name: string; count: number }[] = [];
  if (surveyStatus(survey, now) !== "closed") {
    lines.push([
      "Whole organisation",
      "",
      "Results are available once the survey closes.",
      ...empty(CSV_HEADER.length - 3),
    ]);
  } else if (visibility.total >= threshold) {
    groups.push({ teamId: null, name: "Whole organisation", count: visibility.total });
    for (const team of visibility.teams) {
      if (team.shown) groups.push({ teamId: team.teamId, name: team.teamName, count: team.count });
    }
  } else {
    lines.push([
      "Whole organisation",
      `Fewer than ${threshold}`,
      `Results show once ${threshold} people have answered.`,
      ...empty(CSV_HEADER.length - 3),
    ]);
  }

  for (const group of groups) {
    const { statements, textQuestions } = await groupResults(
      client,
      survey,
      group.teamId,
      threshold,
      visibility,
    );
    for (const statement of statements) {
      lines.push([
        group.name,
        String(group.count),
        statement.text,
        isSurveyTheme(statement.theme) ? THEME_LABELS[statement.theme] : "",
        ...statement.distribution.map(String),
        figure(statement.average),
        figure(statement.previousAverage),
        figure(statement.change),
        "",
      ]);
    }
    for (const question of textQuestions) {
      for (const answer of question.answers) {
        lines.push([
          group.name,
          String(group.count),
          question.text,
          ...empty(CSV_HEADER.length - 4),
          answer,
        ]);
      }
    }
  }
  return `${lines.map((cells) => cells.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/**
 * The results as CSV: per statement, the distribution and average for the whole organisation
 * and each team that meets the threshold, and the free-text answers of those groups. Groups
 * below the threshold are left out; no member is ever named. Leaders and admins.
 */
export async function resultsCsv(actor: Actor, id: string): Promise<string> {
  authorize(actor, "read:survey-results:any");
  return resultsCsvAsSeenBy(db, id);
}
