// Calendar file injection: members' text (a session's title, description, place,
// cancellation reason, its host's name) must stay inside its own property. Each hostile value
// is written into a calendar, once through sessionsCalendar and once through both routes that
// serve .ics files, and read back with a real parser (ical.js).
import ICAL from "ical.js";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createMember } from "@/test/factories";
import { createRsvp, createSession } from "@/test/factories-sessions";
import { signedInAs } from "@/test/session";
import { createFeedToken } from "./feed-token";
import { escapeIcsText, icsText, sessionsCalendar, type CalendarSession } from "./ics";
import { readIcs } from "./read-ics";

vi.mock("@/lib/core/auth/auth", () => import("@/test/session"));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-pathname": "/sessions/some-id/ics" }),
}));

const { GET: getSessionIcs } = await import("@/app/(app)/sessions/[id]/ics/route");
const { GET: getFeed } = await import("@/app/calendar/[feed]/route");

/** Lines that would add an event, an attendee and an organiser if written unescaped. */
const INJECTED = [
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:injected@evil.test",
  "DTSTART:20300101T000000Z",
  "SUMMARY:Injected",
  "ATTENDEE;CN=Eve;RSVP=TRUE:mailto:eve@evil.test",
  "ORGANIZER;CN=Mallory:mailto:mallory@evil.test",
];

/** Every kind of line break, and the characters that TEXT values escape. */
const HOSTILE = [
  `Retro${INJECTED.map((line) => `\r\n${line}`).join("")}`,
  `Retro${INJECTED.map((line) => `\n${line}`).join("")}`,
  `Retro${INJECTED.map((line) => `\r${line}`).join("")}`,
  `Retro${INJECTED.map((line) => `\u2028${line}`).join("\u2029")}\u0085END:VCALENDAR`,
  'Back\\slash; semi, comma: colon "quoted" \\n not a break \\; not an escape',
];

/** Control characters that a TEXT value cannot hold at all: dropped, never written. */
const CONTROLS = "\u0000\u0001\u0007\u0008\u000b\u000c\u001b\u007f\u0080\u009f";

const ORIGIN = "https://learning.example.com";

function calendarSession(text: string, overrides: Partial<CalendarSession> = {}): CalendarSession {
  return {
    id: "cm0session000000000000001",
    title: text,
    description: text,
    startsAt: new Date("2026-12-01T11:30:00Z"),
    endsAt: new Date("2026-12-01T12:30:00Z"),
    location: text,
    meetingUrl: null,
    status: "CANCELLED",
    cancelReason: text,
    createdAt: new Date("2026-11-01T09:00:00Z"),
    updatedAt: new Date("2026-11-02T09:00:00Z"),
    leadHostName: text,
    waitlisted: false,
    ...overrides,
  };
}

/** How a parser reads text back: every line break as "\n". */
const asRead = (text: string) => icsText(text);

const textValue = (raw: string) => ICAL.design.icalendar.value.text!.fromICAL!(raw);

/** The file's every property, in every component, as ical.js reads it. */
function allProperties(ics: string): { component: string; name: string; value: string }[] {
  const found: { component: string; name: string; value: string }[] = [];
  const walk = (component: InstanceType<typeof ICAL.Component>) => {
    for (const property of component.getAllProperties()) {
      const raw = String(property.getFirstValue());
      // ical.js leaves the value of properties it does not know (NAME, X-WR-CALNAME) escaped.
      const value = property.type === "unknown" ? textValue(raw) : raw;
      found.push({ component: component.name, name: property.name, value });
    }
    component.getAllSubcomponents().forEach(walk);
  };
  walk(new ICAL.Component(ICAL.parse(ics)));
  return found;
}

/** The raw file: CRLF line endings only, no other control character but TAB. */
function expectOnlyPropertyLines(ics: string) {
  const lines = ics.split("\r\n");
  for (const line of lines) expect(line).not.toMatch(/[^\P{Cc}\t]/u);
  const starts = lines.filter((line) => line !== "" && !line.startsWith(" "));
  expect(starts.filter((line) => line === "BEGIN:VEVENT")).toHaveLength(1);
  expect(starts.filter((line) => /^(ATTENDEE|ORGANIZER)[;:]/i.test(line))).toEqual([]);
}

function expectOneEventHolding(ics: string, text: string, name: string) {
  expectOnlyPropertyLines(ics);
  const properties = allProperties(ics);
  expect(properties.filter((p) => /^(attendee|organizer)$/.test(p.name))).toEqual([]);
  const ofEvents = properties.filter((p) => p.component === "vevent");
  expect(ofEvents.filter((p) => p.name === "uid")).toHaveLength(1);
  expect(ofEvents.filter((p) => p.name === "dtstart")).toHaveLength(1);
  const calendar = readIcs(ics);
  expect(calendar.events).toHaveLength(1);
  const value = (property: string) => properties.find((p) => p.name === property)?.value;
  expect(value("name")).toBe(asRead(name));
  expect(value("x-wr-calname")).toBe(asRead(name));
  return calendar.events[0]!;
}

describe("sessionsCalendar with hostile text", () => {
  it.each(HOSTILE)("keeps %j inside its properties", (text) => {
    const ics = sessionsCalendar([calendarSession(text)], {
      name: text,
      timeZone: "Europe/Paris",
      origin: ORIGIN,
    });
    const event = expectOneEventHolding(ics, text, text);
    expect(event.summary).toBe(`Cancelled: ${asRead(text)}`);
    expect(event.location).toBe(asRead(text));
    expect(event.uid).toBe("session-cm0session000000000000001@learning-commons");
    expect(event.description).toBe(
      [
        `This session was cancelled: ${asRead(text)}`,
        "",
        asRead(text),
        "",
        `Hosted by ${asRead(text)}`,
        `Details: ${ORIGIN}/sessions/cm0session000000000000001`,
      ].join("\n"),
    );
  });

  it("reads every line break back as a new line, and text with none exactly as written", () => {
    expect(asRead("a\r\nb\rc\nd\u2028e\u2029f\u0085g")).toBe("a\nb\nc\nd\ne\nf\ng");
    const plain = HOSTILE[4]!;
    const ics = sessionsCalendar([calendarSession(plain, { status: "SCHEDULED" })], {
      name: plain,
      timeZone: "UTC",
      origin: ORIGIN,
    });
    const event = readIcs(ics).events[0]!;
    expect(event.summary).toBe(plain);
    expect(event.location).toBe(plain);
    expect(readIcs(ics).name).toBe(plain);
  });

  it("drops control characters that no calendar text can hold, and keeps tabs", () => {
    const text = `Null${CONTROLS}byte\tand 日本語 🎉`;
    const ics = sessionsCalendar([calendarSession(text)], {
      name: text,
      timeZone: "UTC",
      origin: ORIGIN,
    });
    const event = expectOneEventHolding(ics, text, text);
    expect(event.summary).toBe("Cancelled: Nullbyte\tand 日本語 🎉");
    expect(event.location).toBe("Nullbyte\tand 日本語 🎉");
  });

  it("uses the meeting link as the place without letting it out of LOCATION", () => {
    const meetingUrl = "https://meet.example.com/a\u0000\r\nATTENDEE:mailto:eve@evil.test";
    const ics = sessionsCalendar([calendarSession("Title", { location: null, meetingUrl })], {
      name: "Calendar",
      timeZone: "UTC",
      origin: ORIGIN,
    });
    expectOnlyPropertyLines(ics);
    expect(readIcs(ics).events[0]!.location).toBe(
      "https://meet.example.com/a\nATTENDEE:mailto:eve@evil.test",
    );
  });

  it("escapes the calendar name as RFC 5545 asks", () => {
    expect(escapeIcsText("a\\b;c,d\r\ne\u0000f")).toBe("a\\\\b\\;c\\,d\\ne" + "f");
  });
});

describe("the .ics routes with hostile text in the database", () => {
  beforeEach(() => signedInAs(null));

  // PostgreSQL text cannot hold NUL; the hostile values hold every other kind of line break.
  const STORED = HOSTILE;

  it.each(STORED)("GET /sessions/<id>/ics keeps %j in its properties", async (text) => {
    const host = await createMember({ name: text.slice(0, 100) });
    const session = await createSession([host.id], {
      title: text,
      description: text,
      location: text,
      status: "CANCELLED",
      cancelReason: text,
    });
    const member = await createMember();
    signedInAs(member);

    const response = await getSessionIcs(
      new NextRequest(`http://learning.test/sessions/${session.id}/ics`),
      { params: Promise.resolve({ id: session.id }) },
    );

    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="[a-z0-9-]+\.ics"$/,
    );
    const event = expectOneEventHolding(await response.text(), text, text);
    expect(event.summary).toBe(`Cancelled: ${asRead(text)}`);
    expect(event.location).toBe(asRead(text));
    expect(event.description).toContain(`Hosted by ${asRead(text.slice(0, 100))}`);
  });

  it("GET /calendar/<token>.ics keeps every session's text in its own event", async () => {
    const member = await createMember();
    const host = await createMember({ name: HOSTILE[0]!.slice(0, 100) });
    const sessions: { id: string }[] = [];
    for (const text of STORED) {
      const session = await createSession([host.id], {
        title: text,
        description: text,
        location: text,
      });
      await createRsvp(session.id, member.id);
      sessions.push(session);
    }
    const result = await createFeedToken(member);
    if (!result.ok || !result.data) throw new Error("no token issued");

    const response = await getFeed(
      new NextRequest(`http://learning.test/calendar/${result.data.token}.ics`),
      { params: Promise.resolve({ feed: `${result.data.token}.ics` }) },
    );

    expect(response.status).toBe(200);
    const ics = await response.text();
    const lines = ics.split("\r\n");
    for (const line of lines) expect(line).not.toMatch(/[^\P{Cc}\t]/u);
    expect(lines.filter((line) => /^(ATTENDEE|ORGANIZER)[;:]/i.test(line))).toEqual([]);
    const calendar = readIcs(ics);
    expect(calendar.name).toBe("Learning Commons sessions");
    const ours = calendar.events.filter((event) =>
      sessions.some((s) => event.uid === `session-${s.id}@learning-commons`),
    );
    expect(calendar.events).toHaveLength(ours.length);
    expect(ours.map((event) => event.summary).sort()).toEqual(STORED.map(asRead).sort());
  });
});
