// Intl.DateTimeFormat objects are costly to build (~10–20 µs each: locale and time-zone data
// are resolved every time) and a page of 100 replies formats hundreds of dates, so each
// (options, time zone) formatter is built once per process and reused. An unknown
// time zone falls back to UTC, as the callers always did.
import { LOCALE } from "./format";

const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS = 500; // zones are from a fixed list; this only bounds a misuse

export function dateTimeFormat(
  options: Omit<Intl.DateTimeFormatOptions, "timeZone">,
  timeZone: string,
): Intl.DateTimeFormat {
  const key = `${JSON.stringify(options)}\u0000${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone });
    } catch {
      formatter = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone: "UTC" });
    }
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(key, formatter);
  }
  return formatter;
}

const DATE_TIME = { dateStyle: "medium", timeStyle: "short" } as const;
const DATE = { dateStyle: "medium" } as const;

/** A date and time in the viewer's time zone, e.g. "3 Mar 2026, 14:05". */
export function formatDateTime(date: Date, timeZone: string): string {
  return dateTimeFormat(DATE_TIME, timeZone).format(date);
}

/** A date in the viewer's time zone, e.g. "3 Mar 2026". */
export function formatDate(date: Date, timeZone: string): string {
  return dateTimeFormat(DATE, timeZone).format(date);
}
