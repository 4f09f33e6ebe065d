// Session times are stored in UTC and entered and shown in the member's own time zone (from
// their profile). These helpers convert between a wall-clock "YYYY-MM-DDTHH:mm" in a zone and
// a UTC instant without a library: Intl gives the zone's offset at any instant.
import { dateTimeFormat } from "@/lib/core/date-format";

const PARTS = {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
} as const;

/** The zone's wall clock at `instant`, as the UTC milliseconds of the same fields. */
function wallClockMs(instant: Date, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of dateTimeFormat(PARTS, timeZone).formatToParts(instant)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  return Date.UTC(
    fields.year!,
    fields.month! - 1,
    fields.day!,
    fields.hour!,
    fields.minute!,
    fields.second!,
  );
}

/** Minutes the zone is ahead of UTC at `instant` (e.g. 60 for Paris in winter). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const whole = new Date(Math.floor(instant.getTime() / 1000) * 1000);
  return Math.round((wallClockMs(whole, timeZone) - whole.getTime()) / 60_000);
}

/**
 * The instant at which the zone's clocks show `local` ("2026-12-01T12:30"); null for a
 * malformed or impossible value. A time skipped by a daylight-saving jump moves forward by
 * the jump; a repeated time takes its first occurrence.
 */
export function zonedToUtc(local: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) {
    return null;
  }
  const before = asUtc - zoneOffsetMinutes(new Date(asUtc - 86_400_000), timeZone) * 60_000;
  const after = asUtc - zoneOffsetMinutes(new Date(asUtc + 86_400_000), timeZone) * 60_000;
  // Of the offsets around that day, the first that maps back to the same wall clock.
  for (const candidate of [before, after].sort((a, b) => a - b)) {
    if (wallClockMs(new Date(candidate), timeZone) === asUtc) return new Date(candidate);
  }
  return new Date(Math.max(before, after));
}

/** "2026-12-01T12:30:05": the zone's wall clock at `instant`, to the second. */
export function zonedDateTime(instant: Date, timeZone: string): string {
  return new Date(wallClockMs(instant, timeZone)).toISOString().slice(0, 19);
}

/** "2026-12-01T12:30" in the zone: the value of an <input type="datetime-local">. */
export function utcToZonedInput(instant: Date, timeZone: string): string {
  return zonedDateTime(instant, timeZone).slice(0, 16);
}

/** "2026-12-01" in the zone. */
export function zonedDate(instant: Date, timeZone: string): string {
  return utcToZonedInput(instant, timeZone).slice(0, 10);
}

/** The Monday ("YYYY-MM-DD") of the week holding `instant` in the zone. */
export function weekStart(instant: Date, timeZone: string): string {
  const day = new Date(`${zonedDate(instant, timeZone)}T00:00:00Z`);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}

/** "Tue, 1 Dec 2026, 12:30–13:30 CET" in the viewer's zone. */
export function formatSessionTime(startsAt: Date, endsAt: Date, timeZone: string): string {
  const day = dateTimeFormat(
    { weekday: "short", day: "numeric", month: "short", year: "numeric" },
    timeZone,
  );
  const time = dateTimeFormat({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" }, timeZone);
  const zone = dateTimeFormat({ timeZoneName: "short" }, timeZone)
    .formatToParts(startsAt)
    .find((part) => part.type === "timeZoneName")?.value;
  const sameDay = zonedDate(startsAt, timeZone) === zonedDate(endsAt, timeZone);
  const end = sameDay ? time.format(endsAt) : `${day.format(endsAt)}, ${time.format(endsAt)}`;
  return `${day.format(startsAt)}, ${time.format(startsAt)}–${end}${zone ? ` ${zone}` : ""}`;
}
