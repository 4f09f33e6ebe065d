// When a member's digest is due and what period it covers. A digest goes out in the 08:00
// hour of the member's own time zone: every day (DAILY) or on Mondays (WEEKLY); it covers
// the day or the week before the moment it was planned.
import { dateTimeFormat } from "@/lib/core/date-format";

export const DIGEST_FREQUENCIES = ["DAILY", "WEEKLY"] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

/** The local hour a digest is planned in. */
export const DIGEST_HOUR = 8;

const DAY_MS = 24 * 60 * 60 * 1000;
const PERIOD_MS: Record<DigestFrequency, number> = { DAILY: DAY_MS, WEEKLY: 7 * DAY_MS };

const CLOCK = {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  weekday: "short",
  hourCycle: "h23",
} as const;

export interface LocalClock {
  /** "2026-12-07" in the zone. */
  date: string;
  hour: number;
  monday: boolean;
}

/** The zone's calendar date, hour and whether it is Monday there (an unknown zone reads as UTC). */
export function localClock(now: Date, timeZone: string): LocalClock {
  const fields: Record<string, string> = {};
  for (const part of dateTimeFormat(CLOCK, timeZone).formatToParts(now)) {
    fields[part.type] = part.value;
  }
  return {
    date: `${fields.year}-${fields.month}-${fields.day}`,
    hour: Number(fields.hour),
    monday: fields.weekday === "Mon",
  };
}

/** Which digests a member in this zone is due at `now` (WEEKLY only on a local Monday). */
export function dueFrequencies(clock: LocalClock): DigestFrequency[] {
  if (clock.hour !== DIGEST_HOUR) return [];
  return clock.monday ? ["DAILY", "WEEKLY"] : ["DAILY"];
}

export function isDigestFrequency(value: string): value is DigestFrequency {
  return (DIGEST_FREQUENCIES as readonly string[]).includes(value);
}

/** Marks the member's digest of one period as planned (ScheduledMailKey). */
export function digestKey(frequency: DigestFrequency, userId: string, localDate: string): string {
  return `digest:${frequency.toLowerCase()}:${userId}:${localDate}`;
}

/** Marks the digest of that period as sent, so a retried job does not send it again. */
export function sentKey(plannedKey: string): string {
  return `${plannedKey}:sent`;
}

/** The start of the period a digest planned at `until` covers. */
export function periodStart(frequency: DigestFrequency, until: Date): Date {
  return new Date(until.getTime() - PERIOD_MS[frequency]);
}
