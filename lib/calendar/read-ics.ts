// For tests: reads an iCalendar file back with ical.js (a maintained parser, the one
// Thunderbird uses), so assertions are about what a calendar app sees, not about our text.
import ICAL from "ical.js";

export interface ReadEvent {
  uid: string;
  summary: string;
  description: string;
  location: string | null;
  url: string | null;
  status: string | null;
  start: Date;
  end: Date;
  /** The TZID the times were written with, or "UTC". */
  startZone: string;
  endZone: string;
  /** Whether the start's zone came from a VTIMEZONE inside this file. */
  zoneDefinedInFile: boolean;
  lastModified: Date | null;
  stamp: Date | null;
  sequence: number;
}

export interface ReadCalendar {
  name: string | null;
  timezoneIds: string[];
  events: ReadEvent[];
}

function text(component: InstanceType<typeof ICAL.Component>, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  return value === null ? null : String(value);
}

function date(component: InstanceType<typeof ICAL.Component>, name: string): Date | null {
  const value = component.getFirstPropertyValue(name);
  return value instanceof ICAL.Time ? value.toJSDate() : null;
}

/**
 * NAME (RFC 7986) and X-WR-CALNAME are TEXT, but ical.js does not know them and hands their
 * value over still escaped: read as TEXT here, as calendar apps do.
 */
export function calendarName(calendar: InstanceType<typeof ICAL.Component>): string | null {
  const raw = text(calendar, "name") ?? text(calendar, "x-wr-calname");
  return raw === null ? null : ICAL.design.icalendar.value.text!.fromICAL!(raw);
}

export function readIcs(ics: string): ReadCalendar {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const timezoneIds = calendar
    .getAllSubcomponents("vtimezone")
    .map((zone) => String(zone.getFirstPropertyValue("tzid")));
  const events = calendar.getAllSubcomponents("vevent").map((component): ReadEvent => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      location: event.location ?? null,
      url: text(component, "url"),
      status: text(component, "status"),
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      startZone: event.startDate.zone?.tzid ?? "floating",
      endZone: event.endDate.zone?.tzid ?? "floating",
      zoneDefinedInFile: Boolean(event.startDate.zone?.component),
      lastModified: date(component, "last-modified"),
      stamp: date(component, "dtstamp"),
      sequence: Number(component.getFirstPropertyValue("sequence") ?? 0),
    };
  });
  return { name: calendarName(calendar), timezoneIds, events };
}
