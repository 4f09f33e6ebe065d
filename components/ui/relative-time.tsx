import { relativeTimeParts } from "@/lib/core/relative-time";

/**
 * An instant in the app's one date style: relative while recent ("3 h ago"), a short date
 * after a week; the full date and time in the member's zone on hover, the ISO instant for
 * machines. Rendered on the server per request, so "now" is the time of the request.
 */
export function RelativeTime({
  date,
  timeZone,
  now = new Date(),
  className,
}: {
  date: Date;
  timeZone: string;
  now?: Date;
  className?: string;
}) {
  const { dateTime, text, title } = relativeTimeParts(date, now, timeZone);
  return (
    <time dateTime={dateTime} title={title} className={className}>
      {text}
    </time>
  );
}
