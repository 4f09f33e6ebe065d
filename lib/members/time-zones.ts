// IANA time zones. The runtime's list holds only canonical names (no "UTC", and
// "Asia/Calcutta" rather than "Asia/Kolkata"), so valid aliases in IANA spelling count too.

import { dateTimeFormat } from "@/lib/core/date-format";
import { LOCALE } from "@/lib/core/format";

const LISTED: readonly string[] = [
  ...new Set(["UTC", ...Intl.supportedValuesOf("timeZone")]),
].sort();
const LISTED_SET = new Set(LISTED);
const IANA_SHAPE = /^[A-Z][A-Za-z0-9_+-]*(\/[A-Z0-9][A-Za-z0-9_+-]*)*$/;

export function isTimeZone(value: string): boolean {
  if (LISTED_SET.has(value)) return true;
  if (value.length > 64 || !IANA_SHAPE.test(value)) return false;
  try {
    new Intl.DateTimeFormat(LOCALE, { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The zones to offer in a select, always including the member's current one. */
export function timeZoneOptions(current?: string): string[] {
  if (!current || LISTED_SET.has(current) || !isTimeZone(current)) return [...LISTED];
  return [...LISTED, current].sort();
}

/** "14:05" in that zone, for showing a colleague's local time. */
export function localTime(timeZone: string, now = new Date()): string {
  return dateTimeFormat({ hour: "2-digit", minute: "2-digit" }, timeZone).format(now);
}
