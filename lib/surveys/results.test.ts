// Survey results against the real database: nothing while the survey is open, and once it has
// closed, nothing for a group below the threshold (no
// figures, no free text, no count), everything at it; teams; the free text in the order of
// its text; the change since the previous round; the CSV; and who may read them. The
// threshold is read from the setting, whatever it is; tests that change it are in
// threshold.test.ts.
import { beforeAll, describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { getSetting } from "@/lib/core/settings/queries";
import { testDb } from "@/test/db";
import { createAdmin, createLeader, createMember } from "@/test/factories";
import { createMemberWithProfile, createTeam } from "@/test/factories-members";
import {
  answerSurvey,
  answerSurveyTimes,
  closeSurveyNow,
  createSurvey,
} from "@/test/factories-surveys";
import { submitResponse } from "./answer";
import { listSurveys, resultsCsv, surveyResults, type SurveyResults } from "./queries";

let T = 5;
beforeAll(async () => {
  T = await getSetting("surveys.minResponses");
});

type Leader = Awaited<ReturnType<typeof createLeader>>;
let leader: Leader;
beforeAll(async () => {
  leader = await createLeader();
});

const teamOf = (results: SurveyResults, teamId: string) =>
  results.teams.find((team) => team.teamId === teamId);

describe("results below and at the threshold", () => {
  it("shows nothing for the organisation until it has enough responses", async () => {
    const team = await createTeam();
    const survey = await createSurvey(leader.id, { questions: ["What helps?"] });
    await answerSurveyTimes(survey.id, T - 1, {
      teamId: team.id,
      scores: [5, 4, 1],
      texts: ["Pairing"],
    });
    await closeSurveyNow(survey.id);
    const results = await surveyResults(leader, survey.id);
    expect(results).toMatchObject({
      threshold: T,
      group: { teamId: null, teamName: null },
      responseCount: T - 1,
      shown: false,
    });
    expect(results.statements).toEqual(
      survey.questions
        .filter((q) => q.kind === "SCALE")
        .map((q) => ({
          id: q.id,
          text: q.text,
          theme: "",
          distribution: [0, 0, 0, 0, 0],
          average: null,
          previousAverage: null,
          change: null,
        })),
    );
    expect(results.textQuestions).toEqual([
      { id: survey.questions[3]!.id, text: "What helps?", answers: [] },
    ]);
    expect(teamOf(results, team.id)).toEqual({
      teamId: team.id,
      teamName: team.name,
      responseCount: null,
      shown: false,
    });
  });

  it("shows the distribution, averages and free text once the threshold is met", async () => {
    const survey = await createSurvey(leader.id, { questions: ["What helps?", "What hinders?"] });
    await answerSurveyTimes(survey.id, T - 2, { scores: [5, 4, 2], texts: ["Pairing", ""] });
    await answerSurvey(survey.id, { scores: [1, 4, 2], texts: [null, "Meetings"] });
    await answerSurvey(survey.id, { scores: [3, 4] });
    await closeSurveyNow(survey.id);
    const results = await surveyResults(leader, survey.id);
    expect(results).toMatchObject({ responseCount: T, shown: true, threshold: T });
    const avg = (sum: number, n: number) => Math.round((sum / n) * 100) / 100;
    expect(
      results.statements.map(({ distribution, average }) => ({ distribution, average })),
    ).toEqual([
      { distribution: [1, 0, 1, 0, T - 2], average: avg(1 + 3 + 5 * (T - 2), T) },
      { distribution: [0, 0, 0, T, 0], average: 4 },
      { distribution: [0, T - 1, 0, 0, 0], average: 2 },
    ]);
    expect(results.statements.every((s) => s.previousAverage === null && s.change === null)).toBe(
      true,
    );
    expect(results.textQuestions.map((q) => q.answers)).toEqual([
      Array(T - 2).fill("Pairing"),
      ["Meetings"],
    ]);
  });

  it("lists free-text answers in the order of their text, never of when they came", async () => {
    const survey = await createSurvey(leader.id, { questions: ["Ideas?", "Anything else?"] });
    const first = ["cherry tomatoes", "apple pie", "banana bread", "damson jam", "elderflower"];
    for (let i = 0; i < Math.max(T, first.length); i += 1) {
      await answerSurvey(survey.id, {
        texts: [first[i % first.length]!, ["zebra", "mango", "kiwi"][i % 3]!],
      });
    }
    await closeSurveyNow(survey.id);
    const results = await surveyResults(leader, survey.id);
    const [ideas, other] = results.textQuestions;
    expect(ideas!.answers).toEqual([...ideas!.answers].sort());
    expect(new Set(ideas!.answers)).toEqual(new Set(first));
    expect(ideas!.answers[0]).toBe("apple pie");
    expect(other!.answers).toEqual([...other!.answers].sort());
    expect(other!.answers[0]).toBe("kiwi");
  });

  it("shows nothing while the survey is open, then counts every answer once it closes", async () => {
    const survey = await createSurvey(leader.id, { questions: [] });
    const members = await Promise.all(Array.from({ length: T + 1 }, () => createMember()));
    for (const [index, member] of members.entries()) {
      const fields: Record<string, string> = { surveyId: survey.id };
      for (const question of survey.questions) fields[`q-${question.id}`] = String((index % 5) + 1);
      await submitResponse(member, fields);
      const results = await surveyResults(leader, survey.id);
      expect(results).toMatchObject({ shown: false, responseCount: 0, answered: index + 1 });
      expect(results.statements.every((s) => s.average === null)).toBe(true);
    }
    await closeSurveyNow(survey.id);
    expect(await surveyResults(leader, survey.id)).toMatchObject({
      shown: true,
      responseCount: T + 1,
      answered: T + 1,
    });
  });
});

describe("results by team", () => {
  it("shows each team that meets the threshold, and hides the others' counts too", async () => {
    const [a, b, small] = await Promise.all([createTeam(), createTeam(), createTeam()]);
    const survey = await createSurvey(leader.id, { questions: ["Ideas?"] });
    await answerSurveyTimes(survey.id, T, { teamId: a.id, scores: [5, 5, 5], texts: ["From A"] });
    await answerSurveyTimes(survey.id, T, { teamId: b.id, scores: [1, 2, 3], texts: ["From B"] });
    await closeSurveyNow(survey.id);
    const org = await surveyResults(leader, survey.id);
    expect(org).toMatchObject({ responseCount: 2 * T, shown: true });
    expect(teamOf(org, a.id)).toMatchObject({ responseCount: T, shown: true });
    expect(teamOf(org, b.id)).toMatchObject({ responseCount: T, shown: true });
    expect(teamOf(org, small.id)).toEqual({
      teamId: small.id,
      teamName: small.name,
      responseCount: null,
      shown: false,
    });

    const forA = await surveyResults(leader, survey.id, a.id);
    expect(forA).toMatchObject({
      group: { teamId: a.id, teamName: a.name },
      responseCount: T,
      shown: true,
    });
    expect(forA.statements.map((s) => s.distribution)).toEqual([
      [0, 0, 0, 0, T],
      [0, 0, 0, 0, T],
      [0, 0, 0, 0, T],
    ]);
    expect(forA.textQuestions[0]!.answers).toEqual(Array(T).fill("From A"));
    const forB = await surveyResults(leader, survey.id, b.id);
    expect(forB.statements.map((s) => s.average)).toEqual([1, 2, 3]);

    const forSmall = await surveyResults(leader, survey.id, small.id);
    expect(forSmall).toMatchObject({ responseCount: null, shown: false });
    expect(forSmall.textQuestions[0]!.answers).toEqual([]);
    await expect(surveyResults(leader, survey.id, "no-such-team")).rejects.toThrow(
      "That team was not found.",
    );
  });

  it("hides a team when the organisation's figures minus the shown teams' would give away a few answers", async () => {
    const [a, b, c] = await Promise.all([createTeam(), createTeam(), createTeam()]);
    const survey = await createSurvey(leader.id, { questions: ["Ideas?"] });
    await answerSurveyTimes(survey.id, T, { teamId: a.id, texts: ["From A"] });
    await answerSurveyTimes(survey.id, T + 1, { teamId: b.id, texts: ["From B"] });
    // One answer from team C: organisation minus A minus B would be exactly that one.
    await answerSurvey(survey.id, { teamId: c.id, scores: [1, 1, 1], texts: ["Only C"] });
    await closeSurveyNow(survey.id);
    const org = await surveyResults(leader, survey.id);
    expect(org).toMatchObject({ responseCount: 2 * T + 2, shown: true });
    expect(teamOf(org, a.id)).toMatchObject({ responseCount: null, shown: false });
    expect(teamOf(org, b.id)).toMatchObject({ responseCount: T + 1, shown: true });
    expect(teamOf(org, c.id)).toMatchObject({ responseCount: null, shown: false });
    expect(await surveyResults(leader, survey.id, a.id)).toMatchObject({
      shown: false,
      responseCount: null,
      textQuestions: [{ answers: [] }],
    });
  });

  it("counts the member's team at the time of answering", async () => {
    const [before, after] = await Promise.all([createTeam(), createTeam()]);
    const survey = await createSurvey(leader.id);
    const members = await Promise.all(
      Array.from({ length: T }, () => createMemberWithProfile({ team: before })),
    );
    for (const member of members) {
      const fields: Record<string, string> = { surveyId: survey.id };
      for (const q of survey.questions.filter((q) => q.kind === "SCALE")) fields[`q-${q.id}`] = "4";
      await submitResponse(member, fields);
    }
    await testDb.user.updateMany({
      where: { id: { in: members.map((m) => m.id) } },
      data: { teamId: after.id },
    });
    await closeSurveyNow(survey.id);
    const results = await surveyResults(leader, survey.id);
    expect(teamOf(results, before.id)).toMatchObject({ responseCount: T, shown: true });
    expect(teamOf(results, after.id)).toMatchObject({ responseCount: null, shown: false });
  });
});

describe("the change since the previous round", () => {
  it("compares each statement with the previous round's at the same position and text", async () => {
    const statements = ["I learn from peers", "I have time to learn", "I share what I know"];
    const first = await createSurvey(leader.id, { statements, closedAt: new Date() });
    await answerSurveyTimes(first.id, T, { scores: [2, 3, 4] });
    const second = await createSurvey(leader.id, {
      statements: [statements[0]!, statements[1]!, "I share what I know with my team"],
      previousRoundId: first.id,
    });
    await answerSurveyTimes(second.id, T, { scores: [4, 3, 5] });
    await closeSurveyNow(second.id);
    const results = await surveyResults(leader, second.id);
    expect(results.survey).toMatchObject({
      previousRoundId: first.id,
      previousTitle: first.title,
      status: "closed",
    });
    expect(
      results.statements.map(({ average, previousAverage, change }) => ({
        average,
        previousAverage,
        change,
      })),
    ).toEqual([
      { average: 4, previousAverage: 2, change: 2 },
      { average: 3, previousAverage: 3, change: 0 },
      { average: 5, previousAverage: null, change: null },
    ]);
  });

  it("compares only with a previous round whose group met the threshold", async () => {
    const team = await createTeam();
    const first = await createSurvey(leader.id, { closedAt: new Date() });
    await answerSurveyTimes(first.id, T, { scores: [1, 1, 1] });
    await answerSurveyTimes(first.id, T - 1, { teamId: team.id, scores: [2, 2, 2] });
    const second = await createSurvey(leader.id, {
      statements: first.questions.filter((q) => q.kind === "SCALE").map((q) => q.text),
      previousRoundId: first.id,
    });
    await answerSurveyTimes(second.id, T, { teamId: team.id, scores: [3, 3, 3] });
    await closeSurveyNow(second.id);
    const forTeam = await surveyResults(leader, second.id, team.id);
    expect(forTeam.shown).toBe(true);
    expect(forTeam.statements.map((s) => [s.average, s.previousAverage, s.change])).toEqual([
      [3, null, null],
      [3, null, null],
      [3, null, null],
    ]);
    // The whole organisation met it in both rounds: (T×1 + (T−1)×2) / (2T−1) before.
    const before = Math.round(((T + 2 * (T - 1)) / (2 * T - 1)) * 100) / 100;
    const org = await surveyResults(leader, second.id);
    expect(org.statements[0]).toMatchObject({
      average: 3,
      previousAverage: before,
      change: Math.round((3 - before) * 100) / 100,
    });
  });
});

describe("results as CSV", () => {
  it("has the organisation's and shown teams' figures and free text, and no member", async () => {
    const [shownTeam, smallTeam] = await Promise.all([createTeam(), createTeam()]);
    const members = await Promise.all(
      // T in one team, one in a small team, and T − 1 without a team (enough, with the
      // small team's one, for the rest of the organisation to be a group of its own).
      Array.from({ length: 2 * T }, (_, i) =>
        createMemberWithProfile({ team: i < T ? shownTeam : i === T ? smallTeam : undefined }),
      ),
    );
    const row = await createSurvey(leader.id, {
      statements: [{ text: "I have time in my week to learn", theme: "time-to-learn" }, "Own one"],
      questions: ["What helps?"],
    });
    for (const [index, member] of members.entries()) {
      const [s1, s2, t1] = row.questions;
      await submitResponse(member, {
        surveyId: row.id,
        [`q-${s1!.id}`]: index < T ? "4" : "1",
        [`q-${s2!.id}`]: "5",
        [`q-${t1!.id}`]:
          index < T ? `=cmd ${index}` : index === T ? "Small team secret" : `No team ${index}`,
      });
    }
    await closeSurveyNow(row.id);
    const csv = await resultsCsv(leader, row.id);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      '"Group","Responses","Question","Theme","1 Strongly disagree","2 Disagree","3 Neither agree nor disagree","4 Agree","5 Strongly agree","Average","Previous round average","Change","Answer"',
    );
    const orgAverage = "2.5";
    expect(lines).toContain(
      `"Whole organisation","${2 * T}","I have time in my week to learn","Time to learn","${T}","0","0","${T}","0","${orgAverage}","","",""`,
    );
    expect(lines).toContain(
      `"${shownTeam.name}","${T}","I have time in my week to learn","Time to learn","0","0","0","${T}","0","4","","",""`,
    );
    expect(lines).toContain(
      `"Whole organisation","${2 * T}","What helps?","","","","","","","","","","Small team secret"`,
    );
    expect(lines).toContain(
      `"${shownTeam.name}","${T}","What helps?","","","","","","","","","","'=cmd 0"`,
    );
    // The small team: neither its name nor its answers as a team; its one answer shows only
    // within the whole organisation's.
    expect(csv).not.toContain(smallTeam.name);
    expect(lines.filter((line) => line.includes("Small team secret"))).toHaveLength(1);
    for (const member of members) {
      expect(csv).not.toContain(member.id);
      expect(csv).not.toContain(member.name);
      expect(csv).not.toContain(member.email);
    }
    // The header, the organisation's 2 statements and 2T answers, the team's 2 and T.
    expect(lines).toHaveLength(1 + (2 + 2 * T) + (2 + T));
  });

  it("says only that there are too few responses below the threshold", async () => {
    const row = await createSurvey(leader.id, { questions: ["What helps?"] });
    await answerSurveyTimes(row.id, T - 1, { texts: ["Hidden words"] });
    await closeSurveyNow(row.id);
    const csv = await resultsCsv(leader, row.id);
    expect(csv.trimEnd().split("\r\n").slice(1)).toEqual([
      `"Whole organisation","Fewer than ${T}","Results show once ${T} people have answered.","","","","","","","","","",""`,
    ]);
    expect(csv).not.toContain("Hidden words");
  });
});

describe("the leaders' list and who may read results", () => {
  it("lists surveys newest first with their status and counts, a page at a time", async () => {
    const closed = await createSurvey(leader.id, { closedAt: new Date() });
    const scheduled = await createSurvey(leader.id, {
      opensAt: new Date(Date.now() + 86_400_000),
      closesAt: new Date(Date.now() + 2 * 86_400_000),
    });
    const open = await createSurvey(leader.id, { previousRoundId: closed.id });
    await answerSurveyTimes(open.id, 2);
    const ids = [open.id, scheduled.id, closed.id];
    const seen: {
      id: string;
      status: string;
      responseCount: number;
      previousRoundId: string | null;
      nextRoundId: string | null;
    }[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 50 && seen.length < 3; page += 1) {
      const result = await listSurveys(leader, cursor, 2);
      expect(result.items.length).toBeLessThanOrEqual(2);
      seen.push(...result.items.filter((item) => ids.includes(item.id)));
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual([
      expect.objectContaining({
        id: open.id,
        status: "open",
        responseCount: 2,
        previousRoundId: closed.id,
        nextRoundId: null,
      }),
      expect.objectContaining({ id: scheduled.id, status: "scheduled", responseCount: 0 }),
      expect.objectContaining({ id: closed.id, status: "closed", nextRoundId: open.id }),
    ]);
  });

  it("lets leaders and admins read results, and not members", async () => {
    const [member, admin] = await Promise.all([createMember(), createAdmin()]);
    const row = await createSurvey(leader.id);
    await expect(surveyResults(member, row.id)).rejects.toBeInstanceOf(PermissionDenied);
    await expect(resultsCsv(member, row.id)).rejects.toBeInstanceOf(PermissionDenied);
    await expect(listSurveys(member)).rejects.toBeInstanceOf(PermissionDenied);
    expect((await surveyResults(admin, row.id)).survey.id).toBe(row.id);
    expect(await resultsCsv(admin, row.id)).toContain("Whole organisation");
    await expect(surveyResults(admin, "no-such-survey")).rejects.toThrow(
      "That survey was not found.",
    );
  });
});
