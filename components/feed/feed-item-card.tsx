import Link from "next/link";
import type { FeedItem } from "@/lib/feed/queries";
import { plural } from "@/lib/core/format";
import { TagLinks } from "@/components/tags/tag-links";
import { Avatar } from "@/components/ui/avatar";
import { ContentBadge } from "./content-badge";
import { FeedTime } from "./feed-time";

function counts(item: FeedItem): string {
  const [first, second] =
    item.kind === "discussion"
      ? [
          plural(item.replyCount ?? 0, "reply", "replies"),
          plural(item.reactionCount ?? 0, "reaction", "reactions"),
        ]
      : [
          plural(item.helpfulCount ?? 0, "helpful vote", "helpful votes"),
          plural(item.commentCount ?? 0, "comment", "comments"),
        ];
  return `${first} · ${second}`;
}

/**
 * One discussion or knowledge post in a feed, as a dense row: the author's face, the title,
 * then one line of what it is, who, when, counts and tags.
 */
export function FeedItemCard({ item, timeZone }: { item: FeedItem; timeZone: string }) {
  const when = item.kind === "discussion" ? "active" : "published";
  return (
    <article className="flex min-w-0 gap-3 px-4 py-3">
      <Avatar name={item.author.name} avatarId={item.author.avatarId} size={32} />
      <div className="min-w-0 flex-1 space-y-1">
        <h3 className="font-semibold break-words">
          <Link href={item.href}>{item.title}</Link>
        </h3>
        <div className="item-meta">
          <ContentBadge>{item.badge}</ContentBadge>
          {item.pinned ? <span className="badge badge-stone">Pinned</span> : null}
          {item.answered ? <span className="badge badge-green">Answered</span> : null}
          <span>
            <Link href={`/members/${item.author.id}`}>{item.author.name}</Link> · {when}{" "}
            <FeedTime date={item.activityAt} timeZone={timeZone} />
          </span>
          <span className="text-stone-600">{counts(item)}</span>
          <TagLinks tags={item.tags} />
        </div>
      </div>
    </article>
  );
}

/** A list of feed items as rows in one frame, or a message when there are none. */
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
    <ul
      aria-label={label}
      className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white"
    >
      {items.map((item) => (
        <li key={`${item.kind}-${item.id}`}>
          <FeedItemCard item={item} timeZone={timeZone} />
        </li>
      ))}
    </ul>
  );
}
