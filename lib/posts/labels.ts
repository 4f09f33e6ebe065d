// Words about knowledge posts that lists show. Pure (no database), so client components can
// import it.
import { formatCalendarDate } from "@/lib/core/dates";
import type { PostSummary } from "./queries";

/** The review list's note under a card: "Review was due 3 March 2026". */
export function reviewDueNote(post: Pick<PostSummary, "reviewBy">): string {
  return `Review was due ${formatCalendarDate(post.reviewBy)}`;
}
