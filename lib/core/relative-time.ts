// The app's one date style for instants: relative while recent ("5 min ago", "yesterday"),
// a short date after a week ("3 Nov", "3 Nov 2025"). Days are counted on the calendar of the
// member's time zone, not in 24-hour blocks: "yesterday" at 09:00 means the day before, even
// when it was only 10 hours ago, and a daylight-saving change does not shift the count.
import { dateTimeFormat, formatDateTime } from "./date-format";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Within this much, an earlier instant on the previous calendar day still reads in hours. */
const HOURS_ACROSS_MIDNIGHT = 6 * HOUR;
/** From this many calendar days back, the date itself is clearer than a count. */
const ABSOLUTE_FROM_DAYS = 7;
/** A little clock skew (an instant "in the future" by seconds) still reads "just now". */
const FUTURE_TOLERANCE = MINUTE;

const CALENDAR_DAY = { year: "numeric", month: "numeric", day: "numeric" } as const;
const DAY_MONTH = { day: "numeric", month: "short" } as const;
const DAY_MONTH_YEAR = { day: "numeric", month: "short", year: "numeric" } as const;

/** Recent answers of calendarDay: a list asks it about the same "now" once per row. */
const calendarDays = new Map<string, number>();
const CALENDAR_DAYS_KEPT = 512;

/** The zone's calendar date at `instant`, as that date's UTC midnight in milliseconds. */
function calendarDay(instant: Date, timeZone: string): number {
  const key = `${timeZone} ${instant.getTime()}`;
  const known = calendarDays.get(key);
  if (known !== undefined) return known;
  const fields: Record<string, number> = {};
  for (const part of dateTimeFormat(CALENDAR_DAY, timeZone).formatToParts(instant)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  const day = Date.UTC(fields.year!, fields.month! - 1, fields.day!);
  if (calendarDays.size >= CALENDAR_DAYS_KEPT) calendarDays.clear();
  calendarDays.set(key, day);
  return day;
}

/** Calendar days between the two instants in the zone (0: the same day, 1: yesterday). */
export function calendarDaysBetween(earlier: Date, later: Date, timeZone: string): number {
  return Math.round((calendarDay(later, timeZone) - calendarDay(earlier, timeZone)) / DAY);
}

/** "3 Nov" in the current year of the zone, "3 Nov 2025" in any other. */
export function shortDate(date: Date, now: Date, timeZone: string): string {
  const sameYear =
    new Date(calendarDay(date, timeZone)).getUTCFullYear() ===
    new Date(calendarDay(now, timeZone)).getUTCFullYear();
  return dateTimeFormat(sameYear ? DAY_MONTH : DAY_MONTH_YEAR, timeZone).format(date);
}

/**
 * "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago"; from 7 calendar days back
 * (or for an instant in the future) the short date. An unknown zone counts in UTC.
 */
export function relativeTime(date: Date, now: Date, timeZone: string): string {
  const elapsed = now.getTime() - date.getTime();
  if (elapsed < -FUTURE_TOLERANCE) return shortDate(date, now, timeZone);
  if (elapsed < MINUTE) return "just now";
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)} min ago`;
  const days = calendarDaysBetween(date, now, timeZone);
  // days === 0 may be over 24 hours on the 25-hour day that clocks go back.
  if (days === 0 || elapsed < HOURS_ACROSS_MIDNIGHT) {
    return `${Math.floor(elapsed / HOUR)} h ago`;
  }
  if (days <= 1) return "yesterday";
  if (days < ABSOLUTE_FROM_DAYS) return `${days} days ago`;
  return shortDate(date, now, timeZone);
}

/** What a <time> element needs: its machine value, its visible text and its full tooltip. */
export function relativeTimeParts(date: Date, now: Date, timeZone: string) {
  return {
    dateTime: date.toISOString(),
    text: relativeTime(date, now, timeZone),
    title: formatDateTime(date, timeZone),
  };
}
