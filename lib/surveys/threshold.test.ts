// The "surveys.minResponses" setting decides how many responses a group needs before its
// results show. Settings are organisation-wide, so every test that writes it is in this file,
// and writes it only inside a transaction that is rolled back: no other test file ever sees
// the changed value, and there is nothing to restore.
import { describe, expect, it } from "vitest";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { getSetting } from "@/lib/core/settings/queries";
import { testDb } from "@/test/db";
import { createLeader } from "@/test/factories";
import { createTeam } from "@/test/factories-members";
import { answerSurveyTimes, closeSurveyNow, createSurvey } from "@/test/factories-surveys";
import { resultsAsSeenBy, resultsCsvAsSeenBy } from "./queries";

const ROLLBACK = new Error("rollback");

/** Runs `body` with the setting at `value` in a transaction that is then rolled back. */
async function withThreshold(
  value: unknown,
  body: (tx: TransactionClient) => Promise<void>,
): Promise<void> {
  const before = await getSetting("surveys.minResponses");
  try {
    await testDb.$transaction(
      async (tx) => {
        await tx.setting.upsert({
          where: { key: "surveys.minResponses" },
          create: { key: "surveys.minResponses", value: value as never },
          update: { value: value as never },
        });
        await body(tx);
        throw ROLLBACK;
      },
      { timeout: 30_000 },
    );
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  expect(await getSetting("surveys.minResponses")).toBe(before);
}

describe("the results threshold setting", () => {
  it("shows results with 3 responses when the setting is 3", async () => {
    const leader = await createLeader();
    const team = await createTeam();
    const survey = await createSurvey(leader.id, { questions: ["Ideas?"] });
    await answerSurveyTimes(survey.id, 3, {
      teamId: team.id,
      scores: [4, 4, 4],
      texts: ["More pairing"],
    });
    await closeSurveyNow(survey.id);
    await withThreshold(3, async (tx) => {
      const results = await resultsAsSeenBy(tx, survey.id);
      expect(results).toMatchObject({ threshold: 3, responseCount: 3, shown: true });
      expect(results.statements[0]).toMatchObject({ distribution: [0, 0, 0, 3, 0], average: 4 });
      expect(results.textQuestions[0]!.answers).toEqual(Array(3).fill("More pairing"));
      expect(results.teams.find((t) => t.teamId === team.id)).toMatchObject({
        responseCount: 3,
        shown: true,
      });
      expect(await resultsCsvAsSeenBy(tx, survey.id)).toContain(`"${team.name}","3"`);
    });
  });

  it("hides results with 9 responses when the setting is 10", async () => {
    const leader = await createLeader();
    const team = await createTeam();
    const survey = await createSurvey(leader.id, { questions: ["Ideas?"] });
    await answerSurveyTimes(survey.id, 9, { teamId: team.id, texts: ["Hidden"] });
    await closeSurveyNow(survey.id);
    await withThreshold(10, async (tx) => {
      const results = await resultsAsSeenBy(tx, survey.id);
      expect(results).toMatchObject({ threshold: 10, responseCount: 9, shown: false });
      expect(results.statements[0]).toMatchObject({ distribution: [0, 0, 0, 0, 0], average: null });
      expect(results.textQuestions[0]!.answers).toEqual([]);
      expect(results.teams.find((t) => t.teamId === team.id)).toMatchObject({
        responseCount: null,
        shown: false,
      });
      const csv = await resultsCsvAsSeenBy(tx, survey.id);
      expect(csv).toContain('"Fewer than 10"');
      expect(csv).not.toContain("Hidden");
      expect(csv).not.toContain(team.name);
    });
  });

  it("never goes below 3: a stored value under it reads as the default, 5", async () => {
    const leader = await createLeader();
    const survey = await createSurvey(leader.id);
    await answerSurveyTimes(survey.id, 4);
    await closeSurveyNow(survey.id);
    await withThreshold(2, async (tx) => {
      expect(await getSetting("surveys.minResponses", tx)).toBe(5);
      expect(await resultsAsSeenBy(tx, survey.id)).toMatchObject({ threshold: 5, shown: false });
    });
  });
});
