import { formatDateTime } from "@/lib/core/date-format";
import { relativeTime } from "@/lib/feed/format";

/** A relative time ("3 hours ago") with the exact time in the element and its tooltip. */
export function FeedTime({ date, timeZone }: { date: Date; timeZone: string }) {
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date, timeZone)}>
      {relativeTime(date, new Date(), timeZone)}
    </time>
  );
}
