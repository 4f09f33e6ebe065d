// Calendar dates (a `date` column: review dates, due dates) are handled as UTC midnights.
// "Today" is the UTC date: a date falls due at the same moment for every reader.
import { dateTimeFormat } from "./date-format";

/** Midnight UTC at the start of `now`'s UTC date. */
export function utcToday(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** The same day `months` later; the 31st becomes the month's last day when it is shorter. */
export function addMonths(date: Date, months: number): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)));
}

/** "2026-03-09": the value of an <input type="date">. */
export function toDateInput(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A strict "YYYY-MM-DD" that names a real day, as a UTC midnight; null otherwise. */
export function parseDateInput(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? date : null;
}

/** "9 March 2026" for a calendar date. */
export function formatCalendarDate(date: Date): string {
  return dateTimeFormat({ dateStyle: "long" }, "UTC").format(date);
}

/** "9 March 2026" for a moment, in the reader's time zone. */
export function formatDay(date: Date, timeZone = "UTC"): string {
  return dateTimeFormat({ dateStyle: "long" }, timeZone).format(date);
}
