// The review report, on rows in 1999 (and action items due in 1990, older than any other
// test's) inside a transaction rolled back.
import { describe, expect, it } from "vitest";
import { getSetting } from "@/lib/core/settings/queries";
import { unique } from "@/test/factories";
import {
  actionItemIn,
  at,
  discussionIn,
  inSnapshot,
  isolateEra,
  memberIn,
  sessionIn,
  surveyIn,
} from "@/test/factories-insights";
import { REPORT_MEASURE_KEYS } from "./measures";
import { describePeriods, periodFromDays } from "./period";
import { reviewReportAsSeenBy } from "./report";

const PERIODS = describePeriods(periodFromDays(at("1999-04-01"), at("1999-06-29")));
const DAY = 86_400_000;

describe("reviewReport", () => {
  it("shows a survey's statements only at the threshold, with the change since the last round", async () => {
    await inSnapshot(async (tx) => {
      const min = await getSetting("surveys.minResponses", tx);
      const statements = [
        `I can share a mistake without fear of judgement ${unique()}`,
        `I know where to find what colleagues know ${unique()}`,
      ];
      const times = (n: number, scores: number[]) => Array.from({ length: n }, () => scores);
      // Round 1 (closed in the previous period): 3 and 3 from everyone.
      const first = await surveyIn(tx, {
        opensAt: at("1999-01-10"),
        closesAt: at("1999-02-01"),
        statements,
        responses: times(min, [3, 3]),
      });
      // Round 2 (closed in the period): 4 from everyone; 5 once and 3 from the others.
      const second = await surveyIn(tx, {
        opensAt: at("1999-05-01"),
        closesAt: at("1999-05-15"),
        previousRoundId: first.id,
        statements,
        responses: [[4, 5], ...times(min - 1, [4, 3])],
      });
      // Closed early in the period, one response short of the threshold.
      const short = await surveyIn(tx, {
        opensAt: at("1999-05-01"),
        closesAt: at("1999-08-01"),
        closedAt: at("1999-05-20"),
        statements,
        responses: times(min - 1, [1, 1]),
      });
      // Closes after the period.
      const later = await surveyIn(tx, {
        opensAt: at("1999-06-01"),
        closesAt: at("1999-07-15"),
        statements,
        responses: times(min, [2, 2]),
      });

      const report = await reviewReportAsSeenBy(tx, PERIODS);
      const mine = report.surveys.filter((survey) =>
        [first.id, second.id, short.id, later.id].includes(survey.id),
      );
      expect(report.minResponses).toBe(min);
      expect(mine.map((survey) => survey.id)).toEqual([second.id, short.id]);
      const [shown, hidden] = mine;
      expect(shown).toMatchObject({
        title: second.title,
        closedAt: at("1999-05-15"),
        responseCount: min,
        shown: true,
      });
      expect(shown!.statements).toHaveLength(2);
      expect(shown!.statements[0]).toEqual({ text: statements[0], average: 4, change: 1 });
      const average = (5 + 3 * (min - 1)) / min;
      expect(shown!.statements[1]!.text).toBe(statements[1]);
      expect(shown!.statements[1]!.average).toBeCloseTo(average, 10);
      expect(shown!.statements[1]!.change).toBeCloseTo(average - 3, 10);
      // Below the threshold: listed, but no figures at all.
      expect(hidden).toEqual({
        id: short.id,
        title: short.title,
        closedAt: at("1999-05-20"),
        responseCount: min - 1,
        shown: false,
        statements: [],
      });
    });
  });

  it("has no change when the previous round was below the threshold", async () => {
    await inSnapshot(async (tx) => {
      const min = await getSetting("surveys.minResponses", tx);
      const statements = [`Leaders here talk about what they are learning ${unique()}`];
      const first = await surveyIn(tx, {
        opensAt: at("1999-01-10"),
        closesAt: at("1999-02-01"),
        statements,
        responses: Array.from({ length: min - 1 }, () => [1]),
      });
      const second = await surveyIn(tx, {
        opensAt: at("1999-05-01"),
        closesAt: at("1999-05-15"),
        previousRoundId: first.id,
        statements,
        responses: Array.from({ length: min }, () => [4]),
      });
      const report = await reviewReportAsSeenBy(tx, PERIODS);
      const survey = report.surveys.find((s) => s.id === second.id);
      expect(survey?.statements).toEqual([{ text: statements[0], average: 4, change: null }]);
    });
  });

  it("lists the open action items due longest ago, and the key measures", async () => {
    await inSnapshot(async (tx) => {
      await isolateEra(tx, PERIODS.current.to);
      const owner = await memberIn(tx, { name: `Owner ${unique()}` });
      await discussionIn(tx, owner.id, at("1999-05-01"));
      const session = await sessionIn(tx, [owner.id], at("1989-12-01"), {
        title: `Retro ${unique()}`,
      });
      const cancelled = await sessionIn(tx, [owner.id], at("1989-12-02"), {
        status: "CANCELLED",
      });
      const item = (
        title: string,
        dueOn: Date | null,
        createdAt: Date,
        doneAt: Date | null = null,
      ) => actionItemIn(tx, session.id, owner.id, { title, dueOn, createdAt, doneAt });
      const third = await item("third", at("1990-01-05"), at("1989-12-01"));
      const second = await item("second", at("1990-01-02"), at("1989-12-03"));
      const first = await item("first", at("1990-01-02"), at("1989-12-02"));
      await item("done", at("1990-01-01"), at("1989-12-01"), at("1990-01-01"));
      await actionItemIn(tx, cancelled.id, owner.id, { dueOn: at("1990-01-01") });

      const now = new Date();
      const report = await reviewReportAsSeenBy(tx, PERIODS, now);
      expect(report.openActionItems.length).toBeLessThanOrEqual(10);
      const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
      const overdue = (day: string) => Math.round((today - at(day).getTime()) / DAY);
      expect(report.openActionItems.slice(0, 3)).toEqual([
        {
          id: first.id,
          title: "first",
          ownerName: owner.name,
          sessionTitle: session.title,
          sessionId: session.id,
          dueOn: at("1990-01-02"),
          overdueDays: overdue("1990-01-02"),
        },
        expect.objectContaining({ id: second.id, overdueDays: overdue("1990-01-02") }),
        expect.objectContaining({ id: third.id, overdueDays: overdue("1990-01-05") }),
      ]);

      expect(report.period.label).toBe("1 April 1999 – 29 June 1999");
      expect(report.keyMeasures.map((measure) => measure.key)).toEqual([...REPORT_MEASURE_KEYS]);
      expect(report.keyMeasures).toHaveLength(15);
      expect(report.keyMeasures[0]).toEqual({
        key: "members-active",
        label: "Members active",
        unit: "count",
        better: "higher",
        current: 1,
        previous: 0,
        previousKnown: true,
        change: 1,
      });
      expect(report.keyMeasures.find((m) => m.key === "gini")).toMatchObject({
        current: 0,
        previous: null,
        change: null,
      });
    });
  });
});
