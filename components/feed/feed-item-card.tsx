import Link from "next/link";
import type { FeedItem } from "@/lib/feed/queries";
import { plural } from "@/lib/core/format";
import { TagLinks } from "@/components/tags/tag-links";
import { ContentBadge } from "./content-badge";
import { FeedTime } from "./feed-time";

function counts(item: FeedItem): string[] {
  if (item.kind === "discussion") {
    return [
      plural(item.replyCount ?? 0, "reply", "replies"),
      plural(item.reactionCount ?? 0, "reaction", "reactions"),
    ];
  }
  return [
    plural(item.helpfulCount ?? 0, "person found this helpful", "people found this helpful"),
    plural(item.commentCount ?? 0, "comment", "comments"),
  ];
}

/** One discussion or knowledge post in a feed: what it is, title, author, tags, counts, when. */
export function FeedItemCard({ item, timeZone }: { item: FeedItem; timeZone: string }) {
  const when = item.kind === "discussion" ? "Active" : "Published";
  return (
    <article className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
      <p className="flex flex-wrap items-center gap-2">
        <ContentBadge>{item.badge}</ContentBadge>
        {item.pinned ? <span className="text-xs font-semibold text-stone-700">Pinned</span> : null}
        {item.answered ? (
          <span className="text-xs font-semibold text-green-800">Answered</span>
        ) : null}
      </p>
      <h3 className="text-base font-semibold break-words">
        <Link href={item.href}>{item.title}</Link>
      </h3>
      <p className="text-sm text-stone-700">
        By <Link href={`/members/${item.author.id}`}>{item.author.name}</Link> · {when}{" "}
        <FeedTime date={item.activityAt} timeZone={timeZone} />
      </p>
      <TagLinks tags={item.tags} />
      <p className="text-sm text-stone-600">{counts(item).join(" · ")}</p>
    </article>
  );
}

/** A list of feed items, or a message when there are none. */
export function FeedList({
  items,
  timeZone,
  label,
  empty,
}: {
  items: FeedItem[];
  timeZone: string;
  label: string;
  empty: React.ReactNode;
}) {
  if (!items.length) return <p className="text-stone-700">{empty}</p>;
  return (
    <ul aria-label={label} className="space-y-3">
      {items.map((item) => (
        <li key={`${item.kind}-${item.id}`}>
          <FeedItemCard item={item} timeZone={timeZone} />
        </li>
      ))}
    </ul>
  );
}
