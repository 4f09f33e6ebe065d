// Review dates of knowledge posts: calendar dates (UTC midnights, see lib/core/dates.ts).
import { addMonths, utcToday } from "@/lib/core/dates";
import { REVIEW } from "./limits";

/** The review date an edit, a review or publishing sets when the author names none. */
export function nextReviewDate(now = new Date()): Date {
  return addMonths(utcToday(now), REVIEW.intervalMonths);
}

export function latestReviewDate(now = new Date()): Date {
  return addMonths(utcToday(now), REVIEW.maxYearsAhead * 12);
}

/** Past its review date: readers see "may be out of date", the author a "needs review" entry. */
export function isReviewDue(reviewBy: Date, now = new Date()): boolean {
  return reviewBy.getTime() < utcToday(now).getTime();
}
