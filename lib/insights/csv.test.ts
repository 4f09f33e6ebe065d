// The dashboard's tables as CSV, on rows in 1999 inside a transaction rolled back.
import { describe, expect, it } from "vitest";
import { unique } from "@/test/factories";
import {
  actionItemIn,
  at,
  discussionIn,
  inSnapshot,
  isolateEra,
  memberIn,
  recognitionIn,
  sessionIn,
  teamIn,
  valueIn,
} from "@/test/factories-insights";
import { INSIGHT_TABLES, insightsCsvAsSeenBy, insightsCsvFilename, isInsightTable } from "./csv";
import { describePeriods, periodFromDays } from "./period";

const PERIODS = describePeriods(periodFromDays(at("1999-04-01"), at("1999-06-29")));
const NOW = at("1999-06-30");

const lines = (csv: string) => csv.split("\r\n").filter(Boolean);

describe("insightsCsv", () => {
  it("names its tables and files", () => {
    expect(Object.keys(INSIGHT_TABLES)).toEqual([
      "participation-by-team",
      "recognition-by-team",
      "recognition-by-value",
      "not-heard-from",
      "key-measures",
      "open-action-items",
    ]);
    expect(isInsightTable("key-measures")).toBe(true);
    expect(isInsightTable("toString")).toBe(false);
    expect(isInsightTable("members")).toBe(false);
    expect(insightsCsvFilename("not-heard-from", PERIODS)).toBe(
      "insights-not-heard-from-1999-04-01-to-1999-06-29.csv",
    );
  });

  it("quotes cells, defuses formulas and leaves hidden content out of every table", async () => {
    await inSnapshot(async (tx) => {
      await isolateEra(tx, NOW);
      const marker = unique("C");
      const team = await teamIn(tx, `Team, "Quotes" ${marker}`);
      const a1 = await memberIn(tx, { teamId: team.id, name: `Ada ${marker}` });
      const a2 = await memberIn(tx, { teamId: team.id, name: `Bo ${marker}` });
      const quiet = await memberIn(tx, { name: `=cmd|' /C calc'!A0 ${marker}` });
      const formula = await valueIn(tx, { name: `=HYPERLINK("http://x") ${marker}` });
      const plain = await valueIn(tx, { name: `Plain ${marker}`, emoji: "💡" });

      await discussionIn(tx, a1.id, at("1999-05-01"));
      await recognitionIn(tx, a1.id, [a2.id], formula.id, at("1999-05-02"));
      // Hidden and deleted content: counted nowhere.
      await discussionIn(tx, a2.id, at("1999-05-03"), { hiddenAt: at("1999-05-04") });
      await discussionIn(tx, quiet.id, at("1999-05-05"), { deletedAt: at("1999-05-06") });
      await recognitionIn(tx, a2.id, [a1.id], plain.id, at("1999-05-07"), {
        hiddenAt: at("1999-05-08"),
      });
      // Previous period: Bo and the quiet member spoke (last heard: outside the 90 days).
      await discussionIn(tx, a2.id, at("1999-02-01"));
      await discussionIn(tx, quiet.id, at("1999-02-02"));

      const csv = (table: keyof typeof INSIGHT_TABLES) =>
        insightsCsvAsSeenBy(tx, table, PERIODS, NOW);
      const teamCell = `"Team, ""Quotes"" ${marker}"`;

      expect(lines(await csv("participation-by-team"))).toEqual([
        '"Period","From","To","Team","Members","Active","Contributing"',
        `"Current","1999-04-01","1999-06-29",${teamCell},"2","1","1"`,
        '"Current","1999-04-01","1999-06-29","No team","1","0","0"',
        `"Previous","1999-01-01","1999-03-31",${teamCell},"2","1","1"`,
        '"Previous","1999-01-01","1999-03-31","No team","1","1","1"',
      ]);

      expect(lines(await csv("recognition-by-team"))).toEqual([
        '"Period","From","To","Team","Recognitions received","Members recognised"',
        `"Current","1999-04-01","1999-06-29",${teamCell},"1","1"`,
      ]);

      const byValue = lines(await csv("recognition-by-value"));
      expect(byValue[0]).toBe('"Period","From","To","Value","Recognitions given"');
      expect(byValue.filter((line) => line.includes(marker))).toEqual([
        `"Current","1999-04-01","1999-06-29","'=HYPERLINK(""http://x"") ${marker}","1"`,
        `"Current","1999-04-01","1999-06-29","💡 Plain ${marker}","0"`,
        // Both at 0: by position, then name ("=" sorts before "P").
        `"Previous","1999-01-01","1999-03-31","'=HYPERLINK(""http://x"") ${marker}","0"`,
        `"Previous","1999-01-01","1999-03-31","💡 Plain ${marker}","0"`,
      ]);

      expect(lines(await csv("not-heard-from"))).toEqual([
        '"Member","Team","Last heard from"',
        `"'=cmd|' /C calc'!A0 ${marker}","","1999-02-02"`,
      ]);

      const measures = lines(await csv("key-measures"));
      expect(measures[0]).toBe(
        '"Measure","Unit","Current (1 April 1999 – 29 June 1999)",' +
          '"Previous (1 January 1999 – 31 March 1999)","Change"',
      );
      // Negative changes stay numbers (not "'-1"); shares are percentages.
      expect(measures).toContain('"Members active","count","1","2","-1"');
      expect(measures).toContain('"Members","count","3","3","0"');
      expect(measures).toContain('"Questions answered","% (change in points)","","",""');
      expect(measures).toContain(
        '"Gini coefficient of contributions","0 to 1","0.667","0.333","0.333"',
      );
      expect(measures).toHaveLength(30);
    });
  });

  it("lists the open action items due longest ago, formulas defused", async () => {
    await inSnapshot(async (tx) => {
      await isolateEra(tx, NOW);
      const marker = unique("A");
      const owner = await memberIn(tx, { name: `Owner ${marker}` });
      const session = await sessionIn(tx, [owner.id], at("1980-01-01"), {
        title: `Retro ${marker}`,
      });
      await actionItemIn(tx, session.id, owner.id, {
        title: `=SUM(A1) ${marker}`,
        dueOn: at("1980-01-05"),
      });
      await actionItemIn(tx, session.id, owner.id, {
        title: `Done already ${marker}`,
        dueOn: at("1980-01-02"),
        doneAt: at("1980-01-03"),
      });
      const rows = lines(await insightsCsvAsSeenBy(tx, "open-action-items", PERIODS, NOW));
      expect(rows[0]).toBe('"Action item","Owner","Session","Due","Days overdue"');
      // The oldest due in the whole database: this test's item, 7,116 days before NOW.
      expect(rows[1]).toBe(
        `"'=SUM(A1) ${marker}","Owner ${marker}","Retro ${marker}","1980-01-05","7116"`,
      );
      expect(rows.join("\n")).not.toContain("Done already");
    });
  });
});
