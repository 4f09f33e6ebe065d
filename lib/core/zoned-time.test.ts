import { describe, expect, it } from "vitest";
import {
  formatSessionTime,
  utcToZonedInput,
  weekStart,
  zonedToUtc,
  zoneOffsetMinutes,
} from "./zoned-time";

describe("session times", () => {
  it("reads a wall-clock time in the member's zone as the right UTC instant", () => {
    expect(zonedToUtc("2026-12-01T12:30", "Europe/Paris")?.toISOString()).toBe(
      "2026-12-01T11:30:00.000Z",
    );
    expect(zonedToUtc("2026-07-01T12:30", "Europe/Paris")?.toISOString()).toBe(
      "2026-07-01T10:30:00.000Z",
    );
    expect(zonedToUtc("2026-12-01T12:30", "America/New_York")?.toISOString()).toBe(
      "2026-12-01T17:30:00.000Z",
    );
    expect(zonedToUtc("2026-12-01T12:30", "Asia/Kolkata")?.toISOString()).toBe(
      "2026-12-01T07:00:00.000Z",
    );
    expect(zonedToUtc("2026-12-01T12:30", "UTC")?.toISOString()).toBe("2026-12-01T12:30:00.000Z");
  });

  it("handles the daylight-saving days", () => {
    // Paris jumps from 02:00 to 03:00 on 29 March 2026: 02:30 does not exist and moves on.
    expect(zonedToUtc("2026-03-29T02:30", "Europe/Paris")?.toISOString()).toBe(
      "2026-03-29T01:30:00.000Z",
    );
    // 02:30 happens twice on 25 October 2026; the first (summer time) is taken.
    expect(zonedToUtc("2026-10-25T02:30", "Europe/Paris")?.toISOString()).toBe(
      "2026-10-25T00:30:00.000Z",
    );
    expect(zonedToUtc("2026-03-29T03:30", "Europe/Paris")?.toISOString()).toBe(
      "2026-03-29T01:30:00.000Z",
    );
  });

  it("refuses malformed and impossible values", () => {
    for (const value of ["", "2026-02-30T10:00", "2026-12-01 10:00", "2026-12-01T25:00", "soon"]) {
      expect(zonedToUtc(value, "UTC")).toBeNull();
    }
  });

  it("round-trips through the form value", () => {
    const instant = new Date("2026-12-01T11:30:00Z");
    expect(utcToZonedInput(instant, "Europe/Paris")).toBe("2026-12-01T12:30");
    expect(zonedToUtc(utcToZonedInput(instant, "Pacific/Auckland"), "Pacific/Auckland")).toEqual(
      instant,
    );
    expect(zoneOffsetMinutes(instant, "Asia/Kolkata")).toBe(330);
  });

  it("finds the Monday of the week in the viewer's zone", () => {
    // Sunday 23:30 in UTC is already Monday in Tokyo.
    const instant = new Date("2026-11-29T23:30:00Z");
    expect(weekStart(instant, "UTC")).toBe("2026-11-23");
    expect(weekStart(instant, "Asia/Tokyo")).toBe("2026-11-30");
  });

  it("formats a session's time in the viewer's zone", () => {
    const start = new Date("2026-12-01T11:30:00Z");
    const end = new Date("2026-12-01T12:30:00Z");
    expect(formatSessionTime(start, end, "UTC")).toBe("Tue, 1 Dec 2026, 11:30–12:30 UTC");
    expect(formatSessionTime(start, end, "Europe/Paris")).toMatch(
      /^Tue, 1 Dec 2026, 12:30–13:30 (CET|GMT\+1)$/,
    );
  });
});
