import Link from "next/link";
import { When } from "@/components/discussions/when";
import type { PrivateFeedbackListItem } from "@/lib/private-feedback/queries";

function Item({
  item,
  side,
  timeZone,
}: {
  item: PrivateFeedbackListItem;
  side: "received" | "sent";
  timeZone: string;
}) {
  const unread = side === "received" && item.readAt === null;
  return (
    <li
      className={`space-y-1 border-l-4 p-4 ${unread ? "border-l-brand-700 bg-brand-50" : "border-l-transparent"}`}
    >
      <p className="flex flex-wrap items-baseline gap-2">
        {unread ? (
          <span className="rounded bg-brand-700 px-2 py-0.5 text-xs font-semibold text-white">
            Unread
          </span>
        ) : null}
        {/* Not prefetched: opening a received note marks it read. */}
        <Link
          href={`/feedback/${item.id}`}
          prefetch={false}
          className={`break-words ${unread ? "font-semibold" : ""}`}
        >
          {side === "received" ? `From ${item.other.name}` : `To ${item.other.name}`}
        </Link>
      </p>
      <p className="break-words text-stone-700">{item.excerpt}</p>
      <span className="block text-sm text-stone-600">
        <When date={item.createdAt} timeZone={timeZone} />
      </span>
    </li>
  );
}

/** A page of received or sent notes, unread ones marked. */
export function PrivateFeedbackList({
  items,
  side,
  timeZone,
}: {
  items: PrivateFeedbackListItem[];
  side: "received" | "sent";
  timeZone: string;
}) {
  if (items.length === 0) {
    return (
      <p className="text-stone-700">
        {side === "received" ? (
          "No private feedback yet."
        ) : (
          <>
            You haven&apos;t sent private feedback yet. <Link href="/feedback/new">Send some</Link>.
          </>
        )}
      </p>
    );
  }
  return (
    <ol
      aria-label={side === "received" ? "Feedback received" : "Feedback sent"}
      className="divide-y divide-stone-200 overflow-hidden rounded-lg border border-stone-200 bg-white"
    >
      {items.map((item) => (
        <Item key={item.id} item={item} side={side} timeZone={timeZone} />
      ))}
    </ol>
  );
}
