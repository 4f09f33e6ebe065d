// The .ics files, read back with a real parser (ical.js): the instants, the time zone and its
// VTIMEZONE, escaping of members' text, cancellation and the stable UID.
import { describe, expect, it } from "vitest";
import { fileSlug, sessionsCalendar, sessionUid, type CalendarSession } from "./ics";
import { readIcs } from "./read-ics";

const ORIGIN = "https://learning.example.com";

function session(overrides: Partial<CalendarSession> = {}): CalendarSession {
  return {
    id: "cm0session000000000000001",
    title: "Testing in production",
    description: "How we test safely.",
    startsAt: new Date("2026-12-01T11:30:00Z"),
    endsAt: new Date("2026-12-01T12:30:00Z"),
    location: "Room 4",
    meetingUrl: null,
    status: "SCHEDULED",
    cancelReason: null,
    createdAt: new Date("2026-11-01T09:00:00Z"),
    updatedAt: new Date("2026-11-02T09:00:00Z"),
    leadHostName: "Ada Lovelace",
    waitlisted: false,
    ...overrides,
  };
}

const write = (sessions: CalendarSession[], timeZone = "Europe/Paris") =>
  sessionsCalendar(sessions, { name: "My sessions", timeZone, origin: ORIGIN });

const only = (ics: string) => {
  const { events } = readIcs(ics);
  expect(events).toHaveLength(1);
  return events[0]!;
};

describe("sessionsCalendar: times and time zones", () => {
  it("writes the member's zone with its VTIMEZONE, and a parser gets the same instants", () => {
    const winter = session();
    const summer = session({
      id: "cm0session000000000000002",
      startsAt: new Date("2026-07-01T10:00:00Z"),
      endsAt: new Date("2026-07-01T11:45:00Z"),
    });
    const ics = write([winter, summer]);

    expect(ics).toContain("DTSTART;TZID=Europe/Paris:20261201T123000");
    expect(ics).toContain("DTEND;TZID=Europe/Paris:20261201T133000");
    expect(ics).toContain("DTSTART;TZID=Europe/Paris:20260701T120000");
    const calendar = readIcs(ics);
    expect(calendar.timezoneIds).toEqual(["Europe/Paris"]);
    const [first, second] = calendar.events;
    expect(first).toMatchObject({
      start: winter.startsAt,
      end: winter.endsAt,
      startZone: "Europe/Paris",
      endZone: "Europe/Paris",
      zoneDefinedInFile: true,
    });
    expect(second).toMatchObject({ start: summer.startsAt, end: summer.endsAt });
  });

  it("writes UTC times and no VTIMEZONE for a member in UTC", () => {
    const ics = write([session()], "UTC");
    expect(ics).toContain("DTSTART:20261201T113000Z");
    const calendar = readIcs(ics);
    expect(calendar.timezoneIds).toEqual([]);
    expect(calendar.events[0]).toMatchObject({
      start: new Date("2026-12-01T11:30:00Z"),
      startZone: "UTC",
    });
  });

  it("falls back to UTC for a zone whose bundled VTIMEZONE is out of date", () => {
    // Brazil dropped daylight saving time in 2019; the bundled 2018 data still has it.
    const ics = write([session()], "America/Sao_Paulo");
    const calendar = readIcs(ics);
    expect(calendar.timezoneIds).toEqual([]);
    expect(calendar.events[0]).toMatchObject({
      start: new Date("2026-12-01T11:30:00Z"),
      end: new Date("2026-12-01T12:30:00Z"),
      startZone: "UTC",
    });
  });

  it("writes times in the hour repeated when clocks go back in UTC", () => {
    // 1 Nov 2026 in Chicago: 01:00–02:00 happens twice (CDT, then CST).
    const firstOneThirty = session({
      startsAt: new Date("2026-11-01T06:30:00Z"),
      endsAt: new Date("2026-11-01T08:00:00Z"),
    });
    const secondOneThirty = session({
      id: "cm0session000000000000003",
      startsAt: new Date("2026-11-01T07:30:00Z"),
      endsAt: new Date("2026-11-01T09:00:00Z"),
    });
    const calendar = readIcs(write([firstOneThirty, secondOneThirty], "America/Chicago"));
    expect(calendar.events[0]).toMatchObject({
      start: firstOneThirty.startsAt,
      end: firstOneThirty.endsAt,
      startZone: "UTC",
    });
    expect(calendar.events[1]).toMatchObject({
      start: secondOneThirty.startsAt,
      end: secondOneThirty.endsAt,
      startZone: "UTC",
    });
    // The same times a day later are not ambiguous, and keep the zone.
    const dayLater = (at: Date) => new Date(at.getTime() + 86_400_000);
    const next = only(
      write(
        [
          {
            ...firstOneThirty,
            startsAt: dayLater(firstOneThirty.startsAt),
            endsAt: dayLater(firstOneThirty.endsAt),
          },
        ],
        "America/Chicago",
      ),
    );
    expect(next).toMatchObject({
      start: dayLater(firstOneThirty.startsAt),
      startZone: "America/Chicago",
    });
  });

  it("does not depend on the server's own time zone", () => {
    const saved = process.env.TZ;
    process.env.TZ = "Pacific/Auckland";
    try {
      expect(write([session()], "America/New_York")).toContain(
        "DTSTART;TZID=America/New_York:20261201T063000",
      );
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe("sessionsCalendar: content", () => {
  it("escapes commas, semicolons, backslashes and new lines in members' text", () => {
    const title = "Retro, part 2; what\\why\nEND:VEVENT";
    const description = "Bring: laptops, notes; ideas.\nBEGIN:VEVENT\nUID:evil";
    const event = only(write([session({ title, description, location: "Room 1, 2nd floor" })]));
    expect(event.summary).toBe(title);
    expect(event.description.startsWith(`${description}\n`)).toBe(true);
    expect(event.location).toBe("Room 1, 2nd floor");
  });

  it("keeps long non-ASCII text intact across folded lines", () => {
    const description = "Café ☕ — naïve résumé façade 日本語 ".repeat(20).trim();
    const ics = write([session({ description })]);
    expect(ics.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(only(ics).description.startsWith(description)).toBe(true);
  });

  it("gives each session a stable UID, an absolute link and the lead host", () => {
    const one = session();
    const first = only(write([one]));
    const again = only(write([{ ...one, title: "Renamed" }], "Asia/Tokyo"));
    expect(first.uid).toBe(`session-${one.id}@learning-commons`);
    expect(first.uid).toBe(sessionUid(one.id));
    expect(again.uid).toBe(first.uid);
    expect(first.url).toBe(`${ORIGIN}/sessions/${one.id}`);
    expect(first.description).toContain("Hosted by Ada Lovelace");
    expect(first.description).toContain(`${ORIGIN}/sessions/${one.id}`);
    expect(first.status).toBe("CONFIRMED");
  });

  it("uses the meeting link as the location when there is no place, and lists it otherwise", () => {
    const meetingUrl = "https://meet.example.com/abc";
    expect(only(write([session({ location: null, meetingUrl })])).location).toBe(meetingUrl);
    const both = only(write([session({ meetingUrl })]));
    expect(both.location).toBe("Room 4");
    expect(both.description).toContain(`Meeting link: ${meetingUrl}`);
  });

  it("marks a cancelled session CANCELLED, with the reason", () => {
    const event = only(
      write([session({ status: "CANCELLED", cancelReason: "The speaker is ill." })]),
    );
    expect(event.status).toBe("CANCELLED");
    expect(event.summary).toBe("Cancelled: Testing in production");
    expect(event.description).toMatch(/^This session was cancelled: The speaker is ill\./);
  });

  it("marks a session the member is waitlisted for", () => {
    const event = only(write([session({ waitlisted: true })]));
    expect(event.summary).toBe("(waitlist) Testing in production");
    expect(event.description).toContain("You are on the waitlist");
  });

  it("dates each revision: LAST-MODIFIED and DTSTAMP in UTC, a SEQUENCE that grows", () => {
    const before = session();
    const after = session({ updatedAt: new Date("2026-11-03T10:00:00Z") });
    const ics = write([before]);
    expect(ics).toContain("LAST-MODIFIED:20261102T090000Z");
    expect(ics).toContain("DTSTAMP:20261102T090000Z");
    const first = only(ics);
    expect(first.lastModified).toEqual(before.updatedAt);
    expect(first.stamp).toEqual(before.updatedAt);
    expect(only(write([after])).sequence).toBeGreaterThan(first.sequence);
  });

  it("names the calendar", () => {
    expect(readIcs(write([])).name).toBe("My sessions");
  });
});

describe("fileSlug", () => {
  it("keeps letters and digits of the title, joined by hyphens", () => {
    expect(fileSlug("Crème brûlée: a case study, part 2!")).toBe(
      "creme-brulee-a-case-study-part-2",
    );
    expect(fileSlug('"; filename=evil.exe')).toBe("filename-evil-exe");
    expect(fileSlug("日本語")).toBe("session");
    expect(fileSlug("x".repeat(100))).toHaveLength(60);
  });
});
