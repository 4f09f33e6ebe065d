import { RelativeTime } from "@/components/ui/relative-time";

/** When a feed item was active or published, in the app's one date style. */
export function FeedTime({ date, timeZone }: { date: Date; timeZone: string }) {
  return <RelativeTime date={date} timeZone={timeZone} />;
}
