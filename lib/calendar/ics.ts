// iCalendar (RFC 5545) files of sessions, written by ical-generator: one session's .ics and a
// member's feed. Times are written in the member's time zone with its VTIMEZONE where that
// zone's data can be trusted (see time-zones.ts), otherwise in UTC. Every piece of members'
// text goes through icsText() first; the library escapes the event properties' text, and
// escapeIcsText() the calendar's name, which the library writes as it is.
import ical, { ICalEventStatus, type ICalDayJsStub } from "ical-generator";
import type { SessionStatus } from "@/lib/generated/prisma/enums";
import { sessionPath } from "@/lib/sessions/access";
import { zonedDateTime } from "@/lib/core/zoned-time";
import { localTimeIsUnambiguous, trustedVtimezone } from "./time-zones";

/** What a calendar shows of one session, for one member. */
export interface CalendarSession {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  meetingUrl: string | null;
  status: SessionStatus;
  cancelReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  leadHostName: string | null;
  /** The member is on this session's waitlist. */
  waitlisted: boolean;
}

export interface CalendarOptions {
  /** The calendar's name, shown by calendar apps. */
  name: string;
  /** The member's profile time zone (IANA). */
  timeZone: string;
  /** "https://learning.example.com": where the sessions' links point. */
  origin: string;
  /** How often a subscribed calendar should look for changes, in seconds (feeds only). */
  refreshSeconds?: number;
}

/** Line breaks of any kind: CRLF, CR, LF, NEL and the Unicode line and paragraph separators. */
const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/g;
/** Control characters other than TAB and LF (C0, DEL and C1), which TEXT values cannot hold. */
const CONTROL = /[^\P{Cc}\t\n]/gu;

/**
 * Members' text as an iCalendar TEXT value may hold it (RFC 5545 §3.3.11): every line break
 * as "\n" (escaped as "\\n" when written), no other control character but TAB.
 */
export function icsText(value: string): string {
  return value.replace(LINE_BREAK, "\n").replace(CONTROL, "");
}

/** A TEXT value escaped as RFC 5545 asks: backslash, semicolon, comma and line breaks. */
export function escapeIcsText(value: string): string {
  return icsText(value)
    .replace(/[\\;,]/g, (character) => `\\${character}`)
    .replace(/\n/g, "\\n");
}

/**
 * The file holds the events it was given and nothing else: one VEVENT each, no attendee or
 * organiser (the app writes none), and no CR, LF or other control character (TAB aside)
 * outside the line endings. Never expected to fail; refusing to serve a file beats serving one
 * with events or people nobody created.
 */
function assertWellFormed(ics: string, eventCount: number): string {
  const lines = ics.split("\r\n");
  const wellFormed =
    lines.every((line) => !/[^\P{Cc}\t]/u.test(line)) &&
    lines.filter((line) => line === "BEGIN:VEVENT").length === eventCount &&
    !lines.some((line) => /^(?:ATTENDEE|ORGANIZER)[;:]/i.test(line));
  if (!wellFormed) throw new Error("Calendar text escaped its property: refusing the file.");
  return ics;
}

const PRODUCT_ID = { company: "Learning Commons", product: "Sessions", language: "EN" };

export const sessionUid = (id: string) => `session-${id}@learning-commons`;

export function sessionUrl(origin: string, id: string): string {
  return `${origin.replace(/\/+$/, "")}${sessionPath(encodeURIComponent(id))}`;
}

/**
 * An instant as a zone's wall clock, in the shape ical-generator reads zoned times from (its
 * Day.js interface). A plain Date would be written in the server's own time zone.
 */
class WallClockTime implements ICalDayJsStub {
  constructor(
    private readonly instant: Date,
    private readonly timeZone: string,
  ) {}

  tz(timeZone?: string): WallClockTime {
    return new WallClockTime(this.instant, timeZone ?? this.timeZone);
  }

  /** ical-generator asks for "YYYYMMDD" and "HHmmss" only. */
  format(pattern?: string): string {
    const [date, time] = zonedDateTime(this.instant, this.timeZone).split("T") as [string, string];
    if (pattern === "YYYYMMDD") return date.replaceAll("-", "");
    if (pattern === "HHmmss") return time.replaceAll(":", "");
    throw new Error(`Unsupported date pattern ${pattern}`);
  }

  isValid(): boolean {
    return !Number.isNaN(this.instant.getTime());
  }

  toDate(): Date {
    return this.instant;
  }

  toJSON(): string {
    return this.instant.toISOString();
  }
}

/** The start and end as written: in the zone when both read back exactly, else in UTC. */
function eventTimes(session: CalendarSession, zone: string | null) {
  const zoned =
    zone !== null &&
    localTimeIsUnambiguous(session.startsAt, zone) &&
    localTimeIsUnambiguous(session.endsAt, zone);
  if (!zoned) return { start: session.startsAt, end: session.endsAt, timezone: null };
  return {
    start: new WallClockTime(session.startsAt, zone),
    end: new WallClockTime(session.endsAt, zone),
    timezone: zone,
  };
}

function summary(session: CalendarSession): string {
  const cancelled = session.status === "CANCELLED" ? "Cancelled: " : "";
  const waitlist = session.waitlisted ? "(waitlist) " : "";
  return icsText(`${cancelled}${waitlist}${session.title}`);
}

/** Plain text: what changed for the member first, then the description, host and links. */
function description(session: CalendarSession, url: string): string {
  const lines: string[] = [];
  if (session.status === "CANCELLED") {
    lines.push(
      `This session was cancelled${session.cancelReason ? `: ${session.cancelReason}` : "."}`,
    );
  }
  if (session.waitlisted) lines.push("You are on the waitlist for this session.");
  if (lines.length > 0) lines.push("");
  if (session.description) lines.push(session.description, "");
  if (session.leadHostName) lines.push(`Hosted by ${session.leadHostName}`);
  if (session.meetingUrl && session.location) lines.push(`Meeting link: ${session.meetingUrl}`);
  lines.push(`Details: ${url}`);
  return icsText(lines.join("\n"));
}

/**
 * Seconds between the session's creation and its last change: grows with every change, so
 * calendar apps that import the file again replace the older copy.
 */
function sequence(session: CalendarSession): number {
  return Math.max(
    0,
    Math.floor((session.updatedAt.getTime() - session.createdAt.getTime()) / 1000),
  );
}

/** The sessions as one iCalendar file. */
export function sessionsCalendar(sessions: CalendarSession[], options: CalendarOptions): string {
  const vtimezone = trustedVtimezone(options.timeZone);
  const zone = vtimezone === null ? null : options.timeZone;
  const calendar = ical({
    prodId: PRODUCT_ID,
    // Written as it is by the library (NAME and X-WR-CALNAME), so escaped here.
    name: escapeIcsText(options.name),
    ttl: options.refreshSeconds ?? null,
    // No calendar-wide zone name: ical-generator would then also write DTSTAMP and
    // LAST-MODIFIED as local times, which RFC 5545 requires in UTC.
    timezone: { name: null, generator: (name) => (name === zone ? vtimezone : null) },
  });
  for (const session of sessions) {
    const url = sessionUrl(options.origin, session.id);
    calendar.createEvent({
      id: sessionUid(session.id),
      ...eventTimes(session, zone),
      summary: summary(session),
      description: description(session, url),
      location: icsText(session.location ?? session.meetingUrl ?? "") || null,
      url: icsText(url),
      status:
        session.status === "CANCELLED" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      // Without a METHOD, DTSTAMP is the time the event last changed (RFC 5545 §3.8.7.2).
      stamp: session.updatedAt,
      created: session.createdAt,
      lastModified: session.updatedAt,
      sequence: sequence(session),
    });
  }
  return assertWellFormed(calendar.toString(), sessions.length);
}

/** "tuesday-lunch-and-learn" for a file name; "session" when nothing is left of the title. */
export function fileSlug(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 60)
    .replace(/^-+|-+$/g, "");
  return slug || "session";
}
