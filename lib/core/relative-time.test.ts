// The one date style at its boundaries, counted on the member's calendar across time zones
// and daylight-saving changes.
import { describe, expect, it } from "vitest";
import { calendarDaysBetween, relativeTime, relativeTimeParts } from "./relative-time";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (iso: string) => new Date(iso);
const before = (now: Date, ms: number) => new Date(now.getTime() - ms);

describe("relativeTime", () => {
  const now = at("2026-03-10T12:00:00Z");

  it("says just now for the last minute and a little clock skew", () => {
    expect(relativeTime(now, now, "UTC")).toBe("just now");
    expect(relativeTime(before(now, MINUTE - 1), now, "UTC")).toBe("just now");
    expect(relativeTime(before(now, -30_000), now, "UTC")).toBe("just now");
  });

  it("counts minutes, then hours", () => {
    expect(relativeTime(before(now, MINUTE), now, "UTC")).toBe("1 min ago");
    expect(relativeTime(before(now, 5 * MINUTE + 59_000), now, "UTC")).toBe("5 min ago");
    expect(relativeTime(before(now, HOUR - 1), now, "UTC")).toBe("59 min ago");
    expect(relativeTime(before(now, HOUR), now, "UTC")).toBe("1 h ago");
    expect(relativeTime(before(now, 3 * HOUR), now, "UTC")).toBe("3 h ago");
    expect(relativeTime(at("2026-03-10T00:00:00Z"), now, "UTC")).toBe("12 h ago");
  });

  it("says yesterday for the previous calendar day, then counts days to six", () => {
    expect(relativeTime(at("2026-03-09T23:59:59Z"), now, "UTC")).toBe("yesterday");
    expect(relativeTime(at("2026-03-09T00:00:00Z"), now, "UTC")).toBe("yesterday");
    expect(relativeTime(at("2026-03-08T23:59:59Z"), now, "UTC")).toBe("2 days ago");
    expect(relativeTime(at("2026-03-04T00:00:00Z"), now, "UTC")).toBe("6 days ago");
  });

  it("reads in hours across midnight for the first six hours", () => {
    const justAfterMidnight = at("2026-03-10T00:30:00Z");
    expect(relativeTime(at("2026-03-09T23:00:00Z"), justAfterMidnight, "UTC")).toBe("1 h ago");
    expect(relativeTime(at("2026-03-09T18:31:00Z"), justAfterMidnight, "UTC")).toBe("5 h ago");
    expect(relativeTime(at("2026-03-09T18:30:00Z"), justAfterMidnight, "UTC")).toBe("yesterday");
  });

  it("gives the date from a week back: without the year in this year, with it before", () => {
    expect(relativeTime(at("2026-03-03T23:59:59Z"), now, "UTC")).toBe("3 Mar");
    expect(relativeTime(at("2026-01-01T00:00:00Z"), now, "UTC")).toBe("1 Jan");
    expect(relativeTime(at("2025-12-31T23:59:59Z"), now, "UTC")).toBe("31 Dec 2025");
    expect(relativeTime(at("2026-04-01T00:00:00Z"), now, "UTC")).toBe("1 Apr");
  });

  it("counts days and years on the member's calendar", () => {
    // 22:00 UTC on the 9th is already the 10th in Tokyo (UTC+9): the same day, 14 hours ago.
    expect(relativeTime(at("2026-03-09T22:00:00Z"), now, "UTC")).toBe("yesterday");
    expect(relativeTime(at("2026-03-09T22:00:00Z"), now, "Asia/Tokyo")).toBe("14 h ago");
    // 06:00 UTC on the 10th is 23:00 on the 9th in Los Angeles (PDT since 8 March).
    const laMorning = at("2026-03-10T15:00:00Z"); // 08:00 in Los Angeles
    expect(relativeTime(at("2026-03-10T06:00:00Z"), laMorning, "America/Los_Angeles")).toBe(
      "yesterday",
    );
    expect(relativeTime(at("2026-03-10T06:00:00Z"), laMorning, "UTC")).toBe("9 h ago");
    // Noon UTC on New Year's Eve is already 1 January in Auckland.
    const newYear = at("2026-01-05T12:00:00Z");
    expect(relativeTime(at("2025-12-25T12:00:00Z"), newYear, "Pacific/Auckland")).toBe(
      "26 Dec 2025",
    );
    expect(
      relativeTime(at("2025-12-31T12:00:00Z"), at("2026-01-10T00:00:00Z"), "Pacific/Auckland"),
    ).toBe("1 Jan");
  });

  it("counts calendar days, not 24-hour blocks, across daylight-saving changes", () => {
    // Paris springs forward on 29 March 2026 (a 23-hour day) and falls back on 25 October
    // (a 25-hour day).
    const paris = "Europe/Paris";
    const afterSpring = at("2026-03-30T09:00:00Z"); // 11:00 CEST on the 30th
    expect(relativeTime(at("2026-03-28T23:30:00Z"), afterSpring, paris)).toBe("yesterday");
    expect(calendarDaysBetween(at("2026-03-28T22:30:00Z"), afterSpring, paris)).toBe(2);
    expect(relativeTime(at("2026-03-23T09:00:00Z"), afterSpring, paris)).toBe("23 Mar");
    expect(relativeTime(at("2026-03-24T09:00:00Z"), afterSpring, paris)).toBe("6 days ago");
    // 00:10 CEST to 23:40 CET on 25 October: 24.5 hours, yet the same day.
    const lateOnFallBack = at("2026-10-25T22:40:00Z");
    expect(relativeTime(at("2026-10-24T22:10:00Z"), lateOnFallBack, paris)).toBe("24 h ago");
  });

  it("gives a future instant as its date, and counts an unknown zone in UTC", () => {
    expect(relativeTime(at("2026-03-11T09:00:00Z"), now, "UTC")).toBe("11 Mar");
    expect(relativeTime(at("2026-03-09T23:00:00Z"), now, "Not/AZone")).toBe("yesterday");
  });
});

describe("relativeTimeParts", () => {
  it("adds the ISO instant and the full date and time in the member's zone", () => {
    const date = at("2026-03-09T23:30:00Z");
    expect(relativeTimeParts(date, at("2026-03-10T12:00:00Z"), "Asia/Tokyo")).toEqual({
      dateTime: "2026-03-09T23:30:00.000Z",
      text: "12 h ago",
      title: "10 Mar 2026, 08:30",
    });
  });
});
