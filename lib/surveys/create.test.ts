// Creating, closing and re-running pulse surveys against the real database: the form's
// rules and messages, dates read in the leader's time zone, template themes, audit entries,
// and who may do it.
import { describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { runAction } from "@/lib/core/forms/run-action";
import { parseDateInput, toDateInput } from "@/lib/core/dates";
import { zonedDate, zonedDateTime } from "@/lib/core/zoned-time";
import { testDb } from "@/test/db";
import { auditEntriesFor } from "@/test/factories-admin";
import { createAdmin, createLeader, createMember, unique } from "@/test/factories";
import { createSurvey as surveyRow } from "@/test/factories-surveys";
import { closeSurvey, createSurvey, runAgain } from "./create";
import { splitLines } from "./schemas";
import {
  LEARNING_CULTURE_TEMPLATE,
  SCALE_LABELS,
  SURVEY_THEMES,
  templateFormValues,
  THEME_LABELS,
  themeOf,
} from "./template";

const DAY = 86_400_000;
type Member = Awaited<ReturnType<typeof createMember>>;

/** "YYYY-MM-DD" `days` after today in the zone. */
function dayIn(timeZone: string, days = 0): string {
  const today = parseDateInput(zonedDate(new Date(), timeZone))!;
  return toDateInput(new Date(today.getTime() + days * DAY));
}

function form(actor: Member, fields: Record<string, string> = {}) {
  return {
    title: `Pulse ${unique()}`,
    intro: "Tell us how learning feels here.",
    opensOn: dayIn(actor.timeZone),
    closesOn: dayIn(actor.timeZone, 13),
    statements: "I learn from my colleagues\nI have time to learn",
    questions: "",
    ...fields,
  };
}

const create = (actor: Member, fields: Record<string, string> = {}) =>
  runAction(() => createSurvey(actor, form(actor, fields)));

async function leaderIn(timeZone: string) {
  const leader = await createLeader();
  return testDb.user.update({ where: { id: leader.id }, data: { timeZone } });
}

const questionsOf = (surveyId: string) =>
  testDb.pulseQuestion.findMany({
    where: { surveyId },
    orderBy: { position: "asc" },
    select: { kind: true, text: true, theme: true, position: true },
  });

const idOf = (result: { ok: boolean; data?: { id: string } }) => {
  if (!result.ok || !result.data) throw new Error(`expected success: ${JSON.stringify(result)}`);
  return result.data.id;
};

describe("the learning-culture template", () => {
  it("has two first-person statements for each of the six themes and two questions", () => {
    const { statements, questions } = LEARNING_CULTURE_TEMPLATE;
    expect(statements).toHaveLength(12);
    for (const theme of SURVEY_THEMES) {
      expect(statements.filter((statement) => statement.theme === theme)).toHaveLength(2);
      expect(THEME_LABELS[theme]).toBeTruthy();
    }
    for (const { text } of statements)
      expect(text).toMatch(/^(I|I'm|My|Leaders|When|Colleagues|Taking)\b/);
    expect(statements.map((s) => s.text)).toEqual(
      expect.arrayContaining([
        "I can share a mistake without fear of judgement",
        "I know where to find what colleagues know",
        "Leaders here talk openly about what they are learning",
        "I have time in my week to learn",
      ]),
    );
    expect(questions).toEqual([
      "What one thing would help you learn more here?",
      "What should we stop, start or keep doing to share knowledge?",
    ]);
    expect(SCALE_LABELS).toEqual({
      1: "Strongly disagree",
      2: "Disagree",
      3: "Neither agree nor disagree",
      4: "Agree",
      5: "Strongly agree",
    });
  });

  it("matches template statements whatever their case, spacing or final full stop", () => {
    expect(themeOf("I can share a mistake without fear of judgement")).toBe("psychological-safety");
    expect(themeOf("  i can share a  mistake without fear of judgement. ")).toBe(
      "psychological-safety",
    );
    expect(themeOf("Leaders here admit when they don’t know something")).toBe("leaders-modelling");
    expect(themeOf("I like Mondays")).toBe("");
  });

  it("creates a survey from the template's form values with every statement's theme", async () => {
    const leader = await createLeader();
    const template = templateFormValues();
    const id = idOf(await create(leader, { ...template, title: `${template.title} ${unique()}` }));
    const questions = await questionsOf(id);
    expect(questions).toEqual([
      ...LEARNING_CULTURE_TEMPLATE.statements.map(({ text, theme }, position) => ({
        kind: "SCALE",
        text,
        theme,
        position,
      })),
      ...LEARNING_CULTURE_TEMPLATE.questions.map((text, index) => ({
        kind: "TEXT",
        text,
        theme: "",
        position: 12 + index,
      })),
    ]);
  });
});

describe("creating a survey", () => {
  it("saves the survey, one statement a line without bullets, and audits it", async () => {
    const leader = await createLeader();
    const title = `Pulse ${unique()}`;
    const result = await create(leader, {
      title: `  ${title}  `,
      statements:
        "- I can share a mistake without fear of judgement\r\n\r\n  * Our stand-ups help me learn  \n• I have time in my week to learn\n   \n",
      questions: "- What one thing would help you learn more here?\n\nWhat else?",
    });
    expect(result).toMatchObject({ ok: true, message: "Survey created." });
    const id = idOf(result);
    const survey = await testDb.pulseSurvey.findUniqueOrThrow({ where: { id } });
    expect(survey).toMatchObject({
      title,
      intro: "Tell us how learning feels here.",
      createdById: leader.id,
      closedAt: null,
      previousRoundId: null,
      responseCount: 0,
    });
    expect(await questionsOf(id)).toEqual([
      {
        kind: "SCALE",
        text: "I can share a mistake without fear of judgement",
        theme: "psychological-safety",
        position: 0,
      },
      { kind: "SCALE", text: "Our stand-ups help me learn", theme: "", position: 1 },
      {
        kind: "SCALE",
        text: "I have time in my week to learn",
        theme: "time-to-learn",
        position: 2,
      },
      {
        kind: "TEXT",
        text: "What one thing would help you learn more here?",
        theme: "",
        position: 3,
      },
      { kind: "TEXT", text: "What else?", theme: "", position: 4 },
    ]);
    const [audit] = await auditEntriesFor(id);
    expect(audit).toMatchObject({
      actorId: leader.id,
      action: "survey.create",
      entityType: "PulseSurvey",
      after: { title, statements: 3, questions: 2 },
    });
  });

  it("opens at the start of the opening day and closes at the end of the closing day, in the leader's zone", async () => {
    for (const timeZone of ["Pacific/Auckland", "America/Los_Angeles", "UTC"]) {
      const leader = await leaderIn(timeZone);
      const opensOn = dayIn(timeZone, 1);
      const closesOn = dayIn(timeZone, 8);
      const id = idOf(await create(leader, { opensOn, closesOn }));
      const survey = await testDb.pulseSurvey.findUniqueOrThrow({ where: { id } });
      expect(zonedDateTime(survey.opensAt, timeZone)).toBe(`${opensOn}T00:00:00`);
      expect(zonedDateTime(survey.closesAt, timeZone)).toBe(
        `${toDateInput(new Date(parseDateInput(closesOn)!.getTime() + DAY))}T00:00:00`,
      );
    }
  });

  it("may open today (in the leader's zone) and close the same day", async () => {
    const leader = await leaderIn("Pacific/Kiritimati");
    const today = dayIn("Pacific/Kiritimati");
    const result = await create(leader, { opensOn: today, closesOn: today });
    const survey = await testDb.pulseSurvey.findUniqueOrThrow({ where: { id: idOf(result) } });
    expect(survey.opensAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(survey.closesAt.getTime()).toBeGreaterThan(Date.now());
  });

  it.each([
    [{ title: "ab" }, "title", "Give the survey a title of at least 3 characters."],
    [{ title: "x".repeat(121) }, "title", "Keep the title to 120 characters or fewer."],
    [{ intro: "x".repeat(1001) }, "intro", "Keep the introduction to 1,000 characters or fewer."],
    [{ statements: " \n - \n" }, "statements", "Add at least 1 statement, one a line."],
    [
      { statements: Array.from({ length: 31 }, (_, i) => `Statement ${i}`).join("\n") },
      "statements",
      "Use at most 30 statements (one a line): there are 31.",
    ],
    [
      { statements: `Fine\n${"x".repeat(301)}` },
      "statements",
      "Keep each statement to 300 characters or fewer (number 2 is 301).",
    ],
    [
      { statements: "I learn here\ni learn here" },
      "statements",
      'Each statement can appear once: "i learn here" is there twice.',
    ],
    [
      { questions: "A?\nB?\nC?\nD?\nE?\nF?" },
      "questions",
      "Use at most 5 questions (one a line): there are 6.",
    ],
    [
      { questions: "y".repeat(301) },
      "questions",
      "Keep each question to 300 characters or fewer (number 1 is 301).",
    ],
    [{ opensOn: "" }, "opensOn", "Choose the day the survey opens."],
    [{ opensOn: "2026-02-30" }, "opensOn", "Enter a date as year, month and day."],
    [{ closesOn: "soon" }, "closesOn", "Enter a date as year, month and day."],
  ])("refuses %j with a message on %s", async (fields, field, message) => {
    const leader = await createLeader();
    const title = `Pulse ${unique()}`;
    const result = await create(leader, { title, ...fields });
    expect(result).toMatchObject({
      ok: false,
      message: "Please correct the highlighted fields.",
      fieldErrors: { [field]: [message] },
    });
    expect(await testDb.pulseSurvey.count({ where: { title } })).toBe(0);
  });

  it("refuses dates in the past, closing before opening, and more than 90 days open", async () => {
    const leader = await leaderIn("Asia/Tokyo");
    const zone = leader.timeZone;
    expect(await create(leader, { opensOn: dayIn(zone, -1) })).toMatchObject({
      ok: false,
      fieldErrors: { opensOn: ["Choose today or a later day for the survey to open."] },
    });
    expect(
      await create(leader, { opensOn: dayIn(zone, 5), closesOn: dayIn(zone, 4) }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { closesOn: ["The survey must close on or after the day it opens."] },
    });
    expect(
      await create(leader, { opensOn: dayIn(zone, 2), closesOn: dayIn(zone, 93) }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { closesOn: ["Close the survey within 90 days of the day it opens."] },
    });
    expect(
      await create(leader, { opensOn: dayIn(zone, 2), closesOn: dayIn(zone, 92) }),
    ).toMatchObject({ ok: true });
    expect(
      await create(leader, { opensOn: dayIn(zone, 400), closesOn: dayIn(zone, 401) }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { opensOn: ["Open the survey within 365 days from today."] },
    });
  });

  it("is for leaders and admins only", async () => {
    const member = await createMember();
    const title = `Pulse ${unique()}`;
    await expect(createSurvey(member, form(member, { title }))).rejects.toBeInstanceOf(
      PermissionDenied,
    );
    expect(await testDb.pulseSurvey.count({ where: { title } })).toBe(0);
    const admin = await createAdmin();
    expect(await create(admin)).toMatchObject({ ok: true });
  });
});

describe("splitting lines", () => {
  it("drops empty lines and list bullets but keeps dashes inside a statement", () => {
    expect(splitLines("- one - two\n\n* three\n• four\n--\n  five  ")).toEqual([
      "one - two",
      "three",
      "four",
      "--",
      "five",
    ]);
  });
});

describe("closing a survey", () => {
  it("closes an open survey now, audits it, and refuses to close it twice", async () => {
    const leader = await createLeader();
    const survey = await surveyRow(leader.id);
    const before = Date.now();
    expect(await runAction(() => closeSurvey(leader, { id: survey.id }))).toMatchObject({
      ok: true,
      message: "Survey closed: no more answers.",
    });
    const closed = await testDb.pulseSurvey.findUniqueOrThrow({ where: { id: survey.id } });
    expect(closed.closedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(closed.closedAt!.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect(await auditEntriesFor(survey.id)).toEqual([
      expect.objectContaining({
        actorId: leader.id,
        action: "survey.close",
        before: expect.objectContaining({ status: "open" }),
        after: expect.objectContaining({ status: "closed" }),
      }),
    ]);
    expect(await runAction(() => closeSurvey(leader, { id: survey.id }))).toEqual({
      ok: false,
      message: "This survey is already closed.",
    });
  });

  it("closes a scheduled survey before it opens, but not one past its closing date", async () => {
    const admin = await createAdmin();
    const scheduled = await surveyRow(admin.id, {
      opensAt: new Date(Date.now() + 2 * DAY),
      closesAt: new Date(Date.now() + 9 * DAY),
    });
    expect(await runAction(() => closeSurvey(admin, { id: scheduled.id }))).toMatchObject({
      ok: true,
      message: "Survey closed before it opened.",
    });
    const ended = await surveyRow(admin.id, {
      opensAt: new Date(Date.now() - 9 * DAY),
      closesAt: new Date(Date.now() - DAY),
    });
    expect(await runAction(() => closeSurvey(admin, { id: ended.id }))).toMatchObject({
      ok: false,
      message: "This survey is already closed.",
    });
    expect(await runAction(() => closeSurvey(admin, { id: "nope" }))).toMatchObject({
      ok: false,
      message: "That survey was not found.",
    });
  });

  it("is for leaders and admins only", async () => {
    const member = await createMember();
    const survey = await surveyRow(null);
    await expect(closeSurvey(member, { id: survey.id })).rejects.toBeInstanceOf(PermissionDenied);
    expect(
      (await testDb.pulseSurvey.findUniqueOrThrow({ where: { id: survey.id } })).closedAt,
    ).toBeNull();
  });
});

describe("running a survey again", () => {
  const dates = (actor: Member) => ({
    opensOn: dayIn(actor.timeZone, 1),
    closesOn: dayIn(actor.timeZone, 10),
  });

  it("copies the title, introduction and questions into a next round linked to this one", async () => {
    const leader = await createLeader();
    const first = await surveyRow(leader.id, {
      statements: [
        { text: "I have time in my week to learn", theme: "time-to-learn" },
        "Our retros teach me something",
      ],
      questions: ["What would help?"],
      closedAt: new Date(),
    });
    const other = await createLeader();
    const result = await runAction(() => runAgain(other, { id: first.id, ...dates(other) }));
    expect(result).toMatchObject({ ok: true, message: "Next round created." });
    const next = await testDb.pulseSurvey.findUniqueOrThrow({ where: { id: idOf(result) } });
    expect(next).toMatchObject({
      title: first.title,
      intro: first.intro,
      previousRoundId: first.id,
      createdById: other.id,
      closedAt: null,
      responseCount: 0,
    });
    expect(zonedDateTime(next.opensAt, other.timeZone)).toBe(`${dates(other).opensOn}T00:00:00`);
    expect(await questionsOf(next.id)).toEqual(await questionsOf(first.id));
    expect(await auditEntriesFor(next.id)).toEqual([
      expect.objectContaining({
        actorId: other.id,
        action: "survey.create",
        after: expect.objectContaining({ previousRoundId: first.id }),
      }),
    ]);
  });

  it("runs a survey again once its closing date has passed", async () => {
    const leader = await createLeader();
    const ended = await surveyRow(leader.id, {
      opensAt: new Date(Date.now() - 9 * DAY),
      closesAt: new Date(Date.now() - DAY),
    });
    expect(
      await runAction(() => runAgain(leader, { id: ended.id, ...dates(leader) })),
    ).toMatchObject({ ok: true });
  });

  it("refuses a round that is still open, or one that already has a next round", async () => {
    const leader = await createLeader();
    const open = await surveyRow(leader.id);
    expect(await runAction(() => runAgain(leader, { id: open.id, ...dates(leader) }))).toEqual({
      ok: false,
      message: "Close this round first: a survey can run again once it has closed.",
    });
    const closed = await surveyRow(leader.id, { closedAt: new Date() });
    expect(
      await runAction(() => runAgain(leader, { id: closed.id, ...dates(leader) })),
    ).toMatchObject({ ok: true });
    expect(await runAction(() => runAgain(leader, { id: closed.id, ...dates(leader) }))).toEqual({
      ok: false,
      message: "This survey already has a next round.",
    });
    expect(await testDb.pulseSurvey.count({ where: { previousRoundId: closed.id } })).toBe(1);
  });

  it("makes one next round when two leaders run it again at once", async () => {
    const [a, b] = await Promise.all([createLeader(), createLeader()]);
    const closed = await surveyRow(a.id, { closedAt: new Date() });
    const results = await Promise.all([
      runAction(() => runAgain(a, { id: closed.id, ...dates(a) })),
      runAction(() => runAgain(b, { id: closed.id, ...dates(b) })),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({
      message: "This survey already has a next round.",
    });
    expect(await testDb.pulseSurvey.count({ where: { previousRoundId: closed.id } })).toBe(1);
  });

  it("checks the new dates and who asks", async () => {
    const leader = await createLeader();
    const closed = await surveyRow(leader.id, { closedAt: new Date() });
    expect(
      await runAction(() =>
        runAgain(leader, { id: closed.id, opensOn: dayIn(leader.timeZone, -2), closesOn: "" }),
      ),
    ).toMatchObject({
      ok: false,
      fieldErrors: { closesOn: ["Choose the day the survey closes."] },
    });
    expect(
      await runAction(() =>
        runAgain(leader, {
          id: closed.id,
          opensOn: dayIn(leader.timeZone, -2),
          closesOn: dayIn(leader.timeZone, 2),
        }),
      ),
    ).toMatchObject({
      ok: false,
      fieldErrors: { opensOn: ["Choose today or a later day for the survey to open."] },
    });
    const member = await createMember();
    await expect(runAgain(member, { id: closed.id, ...dates(member) })).rejects.toBeInstanceOf(
      PermissionDenied,
    );
    expect(await testDb.pulseSurvey.count({ where: { previousRoundId: closed.id } })).toBe(0);
  });
});
