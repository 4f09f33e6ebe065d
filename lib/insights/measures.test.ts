// The measure catalogue read off both periods' figures, as the dashboard's cards use it.
import { describe, expect, it } from "vitest";
import { MEASURES, measureRowsByKey, type HealthFigures } from "./measures";

/** Both periods of every section, with only the fields the assertions read filled in. */
function figures(current: Record<string, object>, previous: Record<string, object>) {
  const sections = [
    "participation",
    "voices",
    "knowledge",
    "sessions",
    "recognition",
    "mentorship",
  ];
  return Object.fromEntries(
    sections.map((section) => [
      section,
      { current: current[section] ?? {}, previous: previous[section] ?? {} },
    ]),
  ) as unknown as HealthFigures;
}

describe("measureRowsByKey", () => {
  const rows = measureRowsByKey(
    figures(
      { participation: { membersActive: 12 }, mentorship: { overdue: 4 } },
      { participation: { membersActive: 9 }, mentorship: { overdue: null } },
    ),
  );

  it("has a row for every measure, under its key", () => {
    expect(Object.keys(rows)).toEqual(MEASURES.map((measure) => measure.key));
    expect(rows["members-active"]).toMatchObject({
      label: "Members active",
      unit: "count",
      current: 12,
      previous: 9,
      change: 3,
      previousKnown: true,
    });
  });

  it("says the overdue check-ins of the period before are unknown, not none", () => {
    expect(rows["overdue-check-ins"]).toMatchObject({
      current: 4,
      previous: null,
      change: null,
      previousKnown: false,
    });
  });
});
