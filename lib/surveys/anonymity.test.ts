// What a reader of the database (or of a dump of it) can learn about who answered what in a
// pulse survey: every link we could think of is tried, and none may tie a member to their
// answers (docs/decisions/012-anonymity.md). And what a leader can learn by comparing the
// results at two moments: nothing while the survey is open, everything at once after.
import { beforeAll, describe, expect, it } from "vitest";
import { getSetting } from "@/lib/core/settings/queries";
import { testDb } from "@/test/db";
import { createLeader, createMember, unique } from "@/test/factories";
import { createTeam } from "@/test/factories-members";
import { createSurvey } from "@/test/factories-surveys";
import { submitResponse } from "./answer";
import { closeSurvey } from "./create";
import { resultsCsv, surveyResults } from "./queries";

type Survey = Awaited<ReturnType<typeof createSurvey>>;
type Member = Awaited<ReturnType<typeof createMember>>;

let T = 5;
let leader: Awaited<ReturnType<typeof createLeader>>;
beforeAll(async () => {
  T = await getSetting("surveys.minResponses");
  leader = await createLeader();
});

/** Every statement scored `score`, the free-text question answered `text`. */
function form(survey: Survey, score: number, text: string) {
  const fields: Record<string, string> = { surveyId: survey.id };
  for (const question of survey.questions) {
    fields[`q-${question.id}`] = question.kind === "SCALE" ? String(score) : text;
  }
  return fields;
}

async function tables(): Promise<string[]> {
  const rows = await testDb.$queryRaw<{ name: string }[]>`
    SELECT table_name AS "name" FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
      AND table_name <> '_prisma_migrations'`;
  return rows.map((row) => row.name);
}

/** The tables holding a row whose text contains `needle`. */
async function tablesMentioning(needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const table of await tables()) {
    const [row] = await testDb.$queryRawUnsafe<{ n: number }[]>(
      `SELECT COUNT(*)::int AS "n" FROM "${table.replace(/"/g, '""')}" t WHERE t::text LIKE $1`,
      `%${needle}%`,
    );
    if (row!.n > 0) found.push(table);
  }
  return found.sort();
}

interface Respondent {
  member: Member;
  /** Words only this member wrote: how the test knows whose answer a row is. */
  words: string;
}

/**
 * `inTeam` members of one team, one member alone in a small team and `withoutTeam` members
 * with none answer the survey, each with words of their own and of a different length.
 */
async function answeredBy(survey: Survey, inTeam: number, withoutTeam: number) {
  const [team, small] = await Promise.all([createTeam(), createTeam()]);
  const teams = [
    ...Array<string | null>(inTeam).fill(team.id),
    small.id,
    ...Array<string | null>(withoutTeam).fill(null),
  ];
  const respondents: Respondent[] = [];
  for (const [index, teamId] of teams.entries()) {
    const member = await createMember({ teamId: teamId ?? undefined });
    const words = `words-of-${index}-${unique()}-${"x".repeat(index * 40)}`;
    const result = await submitResponse(member, form(survey, (index % 5) + 1, words));
    expect(result).toMatchObject({ ok: true });
    respondents.push({ member, words });
  }
  return { team, small, respondents };
}

interface Tuple {
  xmin: string;
  ctid: string;
}

/** Receipts in physical order (a dump's order), with their transaction ids. */
const receiptsOf = (surveyId: string) =>
  testDb.$queryRaw<(Tuple & { userId: string })[]>`
    SELECT xmin::text AS "xmin", ctid::text AS "ctid", "userId"
    FROM "PulseReceipt" WHERE "surveyId" = ${surveyId} ORDER BY ctid`;

/** The free-text answers in physical order, with their response's id and transaction ids. */
const textAnswersOf = (surveyId: string) =>
  testDb.$queryRaw<(Tuple & { responseId: string; text: string; responseXmin: string })[]>`
    SELECT a.xmin::text AS "xmin", a.ctid::text AS "ctid", a."responseId", a."text",
           r.xmin::text AS "responseXmin"
    FROM "PulseAnswer" a JOIN "PulseResponse" r ON r."id" = a."responseId"
    WHERE r."surveyId" = ${surveyId} AND a."text" IS NOT NULL ORDER BY a.ctid`;

const responsesOf = (surveyId: string) =>
  testDb.$queryRaw<(Tuple & { id: string; teamId: string | null })[]>`
    SELECT xmin::text AS "xmin", ctid::text AS "ctid", "id", "teamId"
    FROM "PulseResponse" WHERE "surveyId" = ${surveyId} ORDER BY ctid`;

/** How many of `guesses` (member id → response id) are right. */
function rightGuesses(guesses: Map<string, string>, truth: Map<string, string>): number {
  let right = 0;
  for (const [member, response] of guesses) if (truth.get(member) === response) right += 1;
  return right;
}

/** Pairs the i-th member of one order with the i-th response of another. */
function pairInOrder(members: string[], responses: string[]): Map<string, string> {
  return new Map(members.map((member, i) => [member, responses[i]!]));
}

describe("a reader of the database", () => {
  it("finds the answers nowhere while the survey is open, not even their length", async () => {
    const survey = await createSurvey(leader.id, { questions: ["What would help?"] });
    const { respondents } = await answeredBy(survey, 2, 2);
    expect(await testDb.pulseResponse.count({ where: { surveyId: survey.id } })).toBe(0);
    for (const { words } of respondents) {
      expect(await tablesMentioning(words.slice(0, 30))).toEqual([]);
    }
    const sizes = await testDb.$queryRaw<{ bytes: number }[]>`
      SELECT octet_length("sealed")::int AS "bytes" FROM "PulseReceipt"
      WHERE "surveyId" = ${survey.id}`;
    expect(sizes).toHaveLength(respondents.length);
    expect(new Set(sizes.map((row) => row.bytes)).size).toBe(1);
  });

  it("cannot tie a member to their answers after the survey closes, by any link we know", async () => {
    const survey = await createSurvey(leader.id, { questions: ["What would help?"] });
    const inTeam = T + 1;
    const { team, small, respondents } = await answeredBy(survey, inTeam, T);
    expect(await closeSurvey(leader, { id: survey.id })).toMatchObject({ ok: true });

    const [receipts, answers, responses] = await Promise.all([
      receiptsOf(survey.id),
      textAnswersOf(survey.id),
      responsesOf(survey.id),
    ]);
    const everyone = respondents.length;
    expect(responses).toHaveLength(everyone);
    expect(answers).toHaveLength(everyone);
    // Whose response is whose, known to the test only through the words each member wrote.
    const truth = new Map<string, string>();
    for (const { member, words } of respondents) {
      truth.set(member.id, answers.find((answer) => answer.text === words)!.responseId);
    }

    // Nothing sealed is left, and nothing was written in the transaction of an answer: every
    // response, every answer and every receipt carries the one transaction id of the release.
    expect(
      await testDb.pulseReceipt.count({ where: { surveyId: survey.id, sealed: { not: null } } }),
    ).toBe(0);
    const xmins = new Set([
      ...receipts.map((r) => r.xmin),
      ...answers.flatMap((a) => [a.xmin, a.responseXmin]),
      ...responses.map((r) => r.xmin),
    ]);
    expect(xmins.size).toBe(1);
    // So joining on xmin pairs every member with every response.
    const [join] = await testDb.$queryRaw<{ pairs: number }[]>`
      SELECT COUNT(*)::int AS "pairs" FROM "PulseReceipt" p
      JOIN "PulseResponse" r ON r.xmin = p.xmin AND r."surveyId" = p."surveyId"
      WHERE p."surveyId" = ${survey.id}`;
    expect(join!.pairs).toBe(everyone * everyone);

    // Orders: receipts in a dump's order against responses and answers in a dump's order, and
    // against responses in id order. Written shuffled, they match no better than chance.
    const memberOrder = receipts.map((r) => r.userId);
    const guesses = [
      pairInOrder(
        memberOrder,
        responses.map((r) => r.id),
      ),
      pairInOrder(
        memberOrder,
        answers.map((a) => a.responseId),
      ),
      pairInOrder(memberOrder, [...responses].map((r) => r.id).sort()),
    ];
    for (const guess of guesses) expect(rightGuesses(guess, truth)).toBeLessThan(everyone);

    // No time: none of the three tables has a date or time column.
    const timeColumns = await testDb.$queryRaw<{ column: string }[]>`
      SELECT table_name || '.' || column_name AS "column" FROM information_schema.columns
      WHERE table_schema = current_schema()
        AND table_name IN ('PulseResponse', 'PulseAnswer', 'PulseReceipt')
        AND (data_type LIKE 'timestamp%' OR data_type IN ('date', 'time', 'interval'))`;
    expect(timeColumns).toEqual([]);

    // A team is kept only where at least the threshold answered from it: the lone member of
    // the small team is not singled out by their team.
    expect(responses.filter((r) => r.teamId === team.id)).toHaveLength(inTeam);
    expect(responses.filter((r) => r.teamId === small.id)).toHaveLength(0);
    expect(responses.filter((r) => r.teamId === null)).toHaveLength(T + 1);

    // Their words are in the answers table only, and no row anywhere holds a member's id
    // beside a response's id.
    for (const { member, words } of respondents) {
      expect(await tablesMentioning(words.slice(0, 30))).toEqual(["PulseAnswer"]);
      const response = truth.get(member.id)!;
      const [linked] = await testDb.$queryRawUnsafe<{ n: number }[]>(
        `SELECT COUNT(*)::int AS "n" FROM "PulseReceipt" t WHERE t::text LIKE $1`,
        `%${response}%`,
      );
      expect(linked!.n).toBe(0);
      expect(await testDb.auditLog.count({ where: { actorId: member.id } })).toBe(0);
      expect(
        await testDb.notification.count({
          where: { OR: [{ actorId: member.id }, { recipientId: member.id }] },
        }),
      ).toBe(0);
    }
  });

  it("drops the answers of a survey that closes below the threshold, unread", async () => {
    const survey = await createSurvey(leader.id, { questions: ["What would help?"] });
    const { respondents } = await answeredBy(survey, 1, T - 3);
    expect(respondents.length).toBeLessThan(T);
    await closeSurvey(leader, { id: survey.id });
    expect(await testDb.pulseResponse.count({ where: { surveyId: survey.id } })).toBe(0);
    expect(await testDb.pulseReceipt.count({ where: { surveyId: survey.id } })).toBe(
      respondents.length,
    );
    for (const { words } of respondents) {
      expect(await tablesMentioning(words.slice(0, 30))).toEqual([]);
    }
    expect(await surveyResults(leader, survey.id)).toMatchObject({
      shown: false,
      answered: respondents.length,
    });
  });
});

describe("a leader comparing results over time", () => {
  it("learns nothing from the results or the CSV before and after one more answer", async () => {
    const team = await createTeam();
    const survey = await createSurvey(leader.id, { questions: ["What would help?"] });
    const members = await Promise.all(
      Array.from({ length: T + 1 }, () => createMember({ teamId: team.id })),
    );
    const seen: { csv: string; results: unknown; team: unknown }[] = [];
    for (const [index, member] of members.entries()) {
      await submitResponse(member, form(survey, index === T ? 1 : 5, `Said-${index}`));
      if (index < T - 1) continue;
      const [csv, results, forTeam] = await Promise.all([
        resultsCsv(leader, survey.id),
        surveyResults(leader, survey.id),
        surveyResults(leader, survey.id, team.id),
      ]);
      const { answered: _answered, ...rest } = results;
      const { answered: _teamAnswered, ...teamRest } = forTeam;
      seen.push({ csv, results: rest, team: teamRest });
    }
    // At the threshold, and one answer past it: the same CSV, the same results for the
    // organisation and for the team, none of them showing a figure or a word.
    expect(seen).toHaveLength(2);
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[0]!.csv).not.toContain("Said-");
    expect(seen[0]!.results).toMatchObject({ shown: false, responseCount: 0 });

    await closeSurvey(leader, { id: survey.id });
    const closed = await surveyResults(leader, survey.id, team.id);
    expect(closed).toMatchObject({ shown: true, responseCount: T + 1 });
    expect(closed.textQuestions[0]!.answers).toHaveLength(T + 1);
    // Closed is final: no answer can come after, so the figures never move again.
    const late = await createMember({ teamId: team.id });
    await expect(submitResponse(late, form(survey, 3, "Late"))).rejects.toThrow("closed");
    expect(await resultsCsv(leader, survey.id)).toBe(await resultsCsv(leader, survey.id));
  });
});
