// Words and dates for the admins' mentoring pages.
import { dateTimeFormat } from "@/lib/core/date-format";

export { PAIRING_STATUSES, PAIRING_STATUS_LABELS as STATUS_LABELS } from "@/lib/mentorship/health";

/** "9 Mar 2026" for a calendar date (a `date` column, read as UTC midnight). */
export function formatDay(date: Date): string {
  return dateTimeFormat("en-GB", { dateStyle: "medium" }, "UTC").format(date);
}

/** "March 2026" for "2026-03". */
export function formatMonth(month: string): string {
  const [year, number] = month.split("-").map(Number);
  if (!year || !number) return month;
  return dateTimeFormat("en-GB", { month: "long", year: "numeric" }, "UTC").format(
    new Date(Date.UTC(year, number - 1, 1)),
  );
}

/** How long someone has waited: "less than a day", "1 day", "12 days". */
export function daysText(days: number): string {
  if (days <= 0) return "less than a day";
  return days === 1 ? "1 day" : `${days} days`;
}

const DAY_MS = 86_400_000;

/** How long ago `since` was, in whole days, as daysText() words. */
export function daysSince(since: Date, now = new Date()): string {
  return daysText(Math.floor((now.getTime() - since.getTime()) / DAY_MS));
}
