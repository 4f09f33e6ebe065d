import { formatDateTime } from "@/lib/core/date-format";

/** A date and time in the viewer's time zone, machine-readable in a <time> element. */
export function When({ date, timeZone }: { date: Date; timeZone: string }) {
  return <time dateTime={date.toISOString()}>{formatDateTime(date, timeZone)}</time>;
}
