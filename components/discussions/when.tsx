import { RelativeTime } from "@/components/ui/relative-time";

/** When something happened, in the app's one date style (see RelativeTime). */
export function When({ date, timeZone }: { date: Date; timeZone: string }) {
  return <RelativeTime date={date} timeZone={timeZone} />;
}
