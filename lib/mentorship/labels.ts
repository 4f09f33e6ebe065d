// Words, dates and small helpers for the mentoring pages, the members' and the admins'. Pure
// (no database), so client components can import it.
import type { PairingStatus } from "@/lib/generated/prisma/enums";
import { dateTimeFormat } from "@/lib/core/date-format";
import { CADENCE_CHOICES } from "./limits";

export { PAIRING_STATUSES, PAIRING_STATUS_LABELS as STATUS_LABELS } from "./health";

/** "Every two weeks" for a cadence the forms offer, "Every 10 days" for any other. */
export function cadenceText(days: number): string {
  const choice = CADENCE_CHOICES.find((c) => c.days === days);
  if (choice) return choice.label;
  return days === 1 ? "Every day" : `Every ${days} days`;
}

/** Whether the pair can still write in the space (goals, check-ins, links). */
export function isOpenStatus(status: PairingStatus): boolean {
  return status === "ACTIVE" || status === "PAUSED";
}

/** Today's date in a time zone, as the value of an <input type="date"> ("2026-03-09"). */
export function todayInput(timeZone: string, now = new Date()): string {
  const parts = dateTimeFormat(
    { year: "numeric", month: "2-digit", day: "2-digit" },
    timeZone,
  ).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** Free places of a mentor: "3 places free", "1 place free", "no places free". */
export function placesText(free: number): string {
  if (free <= 0) return "no places free";
  return free === 1 ? "1 place free" : `${free} places free`;
}

/** The admins' pairing list orders, as its sort menu names them. */
export const SORT_LABELS = {
  newest: "Newest",
  "oldest-check-in": "Oldest check-in first",
} as const;

/** "9 Mar 2026" for a calendar date (a `date` column, read as UTC midnight). */
export function formatDay(date: Date): string {
  return dateTimeFormat({ dateStyle: "medium" }, "UTC").format(date);
}

/** "March 2026" for "2026-03". */
export function formatMonth(month: string): string {
  const [year, number] = month.split("-").map(Number);
  if (!year || !number) return month;
  return dateTimeFormat({ month: "long", year: "numeric" }, "UTC").format(
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
