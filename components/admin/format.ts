import { dateTimeFormat } from "@/lib/core/date-format";

const DATE_TIME = { dateStyle: "medium", timeStyle: "short" } as const;
const DATE = { dateStyle: "medium" } as const;

/** A date and time in the viewer's time zone, e.g. "3 Mar 2026, 14:05". */
export function formatDateTime(date: Date, timeZone: string): string {
  return dateTimeFormat("en-GB", DATE_TIME, timeZone).format(date);
}

export function formatDate(date: Date, timeZone: string): string {
  return dateTimeFormat("en-GB", DATE, timeZone).format(date);
}
