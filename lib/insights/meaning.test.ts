import { describe, expect, it } from "vitest";
import { changeMeaning } from "./meaning";
import type { MeasureRow } from "./measures";

const row = (overrides: Partial<MeasureRow>): MeasureRow => ({
  key: "members-active",
  label: "Members active",
  unit: "count",
  better: "higher",
  current: 12,
  previous: 10,
  previousKnown: true,
  change: 2,
  ...overrides,
});

describe("changeMeaning", () => {
  it("is better or worse by the measure's own direction", () => {
    expect(changeMeaning(row({}))).toBe("Better");
    expect(changeMeaning(row({ current: 8 }))).toBe("Worse");
    expect(changeMeaning(row({ better: "lower", current: 8 }))).toBe("Better");
    expect(changeMeaning(row({ better: "lower" }))).toBe("Worse");
    expect(changeMeaning(row({ better: null }))).toBe("Changed");
  });

  it("is steady when the change rounds to nothing as the figure is written", () => {
    expect(changeMeaning(row({ current: 10 }))).toBe("Steady");
    expect(changeMeaning(row({ unit: "share", current: 0.401, previous: 0.4 }))).toBe("Steady");
  });

  it("has no comparison without both figures", () => {
    expect(changeMeaning(row({ previous: null }))).toBe("No comparison");
    expect(changeMeaning(row({ current: null }))).toBe("No comparison");
    expect(changeMeaning(row({ previousKnown: false, previous: null }))).toBe("No comparison");
  });
});
