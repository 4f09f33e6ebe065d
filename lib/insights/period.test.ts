import { describe, expect, it } from "vitest";
import { describePeriods, parsePeriod, periodDays, periodFromDays, periodLabel } from "./period";

const NOW = new Date("2026-12-05T15:30:00Z");
const day = (text: string) => new Date(`${text}T00:00:00Z`);

describe("parsePeriod", () => {
  it("defaults to the last 90 days up to today, and the 90 days before", () => {
    const parsed = parsePeriod({}, NOW);
    expect(parsed.current).toEqual({ from: day("2026-09-07"), to: day("2026-12-06") });
    expect(parsed.previous).toEqual({ from: day("2026-06-09"), to: day("2026-09-07") });
    expect(parsed.fromInput).toBe("2026-09-07");
    expect(parsed.toInput).toBe("2026-12-05");
    expect(parsed.label).toBe("7 September 2026 – 5 December 2026");
    expect(parsed.previousLabel).toBe("9 June 2026 – 6 September 2026");
  });

  it("reads both days, both included, with a previous period of the same length", () => {
    const parsed = parsePeriod({ from: "2026-01-01", to: "2026-06-30" }, NOW);
    expect(parsed.current).toEqual({ from: day("2026-01-01"), to: day("2026-07-01") });
    // 181 days before 1 January 2026.
    expect(parsed.previous).toEqual({ from: day("2025-07-04"), to: day("2026-01-01") });
    expect(parsed.previous.to.getTime() - parsed.previous.from.getTime()).toBe(
      parsed.current.to.getTime() - parsed.current.from.getTime(),
    );
    expect(parsed).toMatchObject({ fromInput: "2026-01-01", toInput: "2026-06-30" });
  });

  it("fills in a missing end (today) or start (90 days to the end)", () => {
    expect(parsePeriod({ from: "2026-11-01" }, NOW).current).toEqual({
      from: day("2026-11-01"),
      to: day("2026-12-06"),
    });
    expect(parsePeriod({ to: "2026-03-31" }, NOW).current).toEqual({
      from: day("2026-01-01"),
      to: day("2026-04-01"),
    });
    const one = parsePeriod({ from: "2026-05-05", to: "2026-05-05" }, NOW);
    expect(one.current).toEqual({ from: day("2026-05-05"), to: day("2026-05-06") });
    expect(one.previous).toEqual({ from: day("2026-05-04"), to: day("2026-05-05") });
    expect(one.label).toBe("5 May 2026");
  });

  it("falls back to the default for junk, impossible dates, reversed or overlong periods", () => {
    const fallback = parsePeriod({}, NOW);
    for (const query of [
      { from: "yesterday" },
      { to: "2026-02-30" },
      { from: "2026-13-01", to: "2026-12-01" },
      { from: "2026-06-01", to: "2026-05-01" },
      { from: "2020-01-01", to: "2026-01-01" },
      { from: "2026-1-1" },
      { from: "<script>" },
    ]) {
      expect(parsePeriod(query, NOW)).toEqual(fallback);
    }
  });

  it("takes the first of repeated values and ignores blanks", () => {
    expect(parsePeriod({ from: ["2026-10-01", "2025-01-01"], to: " " }, NOW).current).toEqual({
      from: day("2026-10-01"),
      to: day("2026-12-06"),
    });
  });
});

describe("period helpers", () => {
  it("name a period by its first and last day", () => {
    const period = periodFromDays(day("2026-02-01"), day("2026-02-28"));
    expect(periodDays(period)).toEqual({ first: "2026-02-01", last: "2026-02-28" });
    expect(periodLabel(period)).toBe("1 February 2026 – 28 February 2026");
    expect(describePeriods(period).previous).toEqual({
      from: day("2026-01-04"),
      to: day("2026-02-01"),
    });
  });
});
