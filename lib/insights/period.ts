// The period the insights look at, and the one before it to compare with. A period is a
// half-open range of instants [from, to) in UTC; the form and the URL name it by its first
// and last calendar day ("YYYY-MM-DD", UTC), so `to` is the midnight after the last day.
// Pure (no database, no server-only) so that client components may import it.
import { formatCalendarDate, parseDateInput, toDateInput, utcToday } from "@/lib/core/dates";
import { firstValues, type SearchParams } from "@/lib/core/pagination/search-params";

const DAY_MS = 86_400_000;
/** The default period: the last 90 days, today included. */
export const DEFAULT_PERIOD_DAYS = 90;
/** The longest period the form accepts (about three years). */
export const MAX_PERIOD_DAYS = 3 * 366;

export interface Period {
  /** First instant (inclusive), UTC. */
  from: Date;
  /** First instant after the period (exclusive), UTC. */
  to: Date;
}

/** The period shown and the one before it, of the same length, ending where it starts. */
export interface Periods {
  current: Period;
  previous: Period;
}

export interface ParsedPeriod extends Periods {
  /** The first and last day of the current period, for the form's date inputs. */
  fromInput: string;
  toInput: string;
  /** "1 September 2026 – 29 November 2026". */
  label: string;
  previousLabel: string;
}

/** The same length just before `current`: [from − length, from). */
export function previousPeriod(current: Period): Period {
  const length = current.to.getTime() - current.from.getTime();
  return { from: new Date(current.from.getTime() - length), to: current.from };
}

/** The first and the last calendar day (UTC) of a period, as "YYYY-MM-DD". */
export function periodDays(period: Period): { first: string; last: string } {
  const lastInstant = new Date(Math.max(period.from.getTime(), period.to.getTime() - 1));
  return { first: toDateInput(period.from), last: toDateInput(lastInstant) };
}

/** "1 September 2026 – 29 November 2026", or one date for a one-day period. */
export function periodLabel(period: Period): string {
  const { first, last } = periodDays(period);
  const start = formatCalendarDate(parseDateInput(first)!);
  return first === last ? start : `${start} – ${formatCalendarDate(parseDateInput(last)!)}`;
}

/** The period from its first to its last day, both included. */
export function periodFromDays(first: Date, last: Date): Period {
  return { from: first, to: new Date(last.getTime() + DAY_MS) };
}

/** The current and previous periods with their labels. */
export function describePeriods(current: Period): ParsedPeriod {
  const previous = previousPeriod(current);
  const { first, last } = periodDays(current);
  return {
    current,
    previous,
    fromInput: first,
    toInput: last,
    label: periodLabel(current),
    previousLabel: periodLabel(previous),
  };
}

/**
 * The period named by the URL's `from` and `to` days (both included). Either may be left
 * out: no `to` means today, no `from` means 90 days up to `to`. Anything that does not name
 * a sensible period (a malformed or impossible date, `from` after `to`, more than
 * MAX_PERIOD_DAYS) gives the default, the last 90 days up to today, rather than an error.
 */
export function parsePeriod(searchParams: SearchParams, now = new Date()): ParsedPeriod {
  const query = firstValues(searchParams);
  const today = utcToday(now);
  const fallback = () =>
    describePeriods(
      periodFromDays(new Date(today.getTime() - (DEFAULT_PERIOD_DAYS - 1) * DAY_MS), today),
    );

  const fromText = query.from?.trim() ?? "";
  const toText = query.to?.trim() ?? "";
  const from = fromText ? parseDateInput(fromText) : null;
  const to = toText ? parseDateInput(toText) : null;
  if ((fromText && !from) || (toText && !to)) return fallback();

  const last = to ?? today;
  const first = from ?? new Date(last.getTime() - (DEFAULT_PERIOD_DAYS - 1) * DAY_MS);
  const days = (last.getTime() - first.getTime()) / DAY_MS + 1;
  if (days < 1 || days > MAX_PERIOD_DAYS) return fallback();
  return describePeriods(periodFromDays(first, last));
}
