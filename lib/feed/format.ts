// When something happened, as a feed shows it: relative while recent, a date after that.
import { dateTimeFormat } from "@/lib/core/date-format";
import { LOCALE } from "@/lib/core/format";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const relative = new Intl.RelativeTimeFormat(LOCALE, { numeric: "auto" });

function absoluteDate(date: Date, timeZone: string): string {
  return dateTimeFormat({ dateStyle: "medium" }, timeZone).format(date);
}

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago", then "3 Mar 2026". */
export function relativeTime(date: Date, now: Date, timeZone: string): string {
  const elapsed = now.getTime() - date.getTime();
  if (elapsed < 0 || elapsed >= 7 * DAY) return absoluteDate(date, timeZone);
  if (elapsed < MINUTE) return "just now";
  if (elapsed < HOUR) return relative.format(-Math.floor(elapsed / MINUTE), "minute");
  if (elapsed < DAY) return relative.format(-Math.floor(elapsed / HOUR), "hour");
  return relative.format(-Math.floor(elapsed / DAY), "day");
}
