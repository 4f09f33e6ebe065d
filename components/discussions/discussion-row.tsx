import { plural } from "@/lib/core/format";
import Link from "next/link";
import type { DiscussionSummary } from "@/lib/discussions/queries";
import { Badge, KindBadges } from "./badges";
import { When } from "./when";

/** One discussion in a list: what it is, its title, who started it, tags and activity. */
export function DiscussionRow({
  discussion,
  timeZone,
}: {
  discussion: DiscussionSummary;
  timeZone: string;
}) {
  const headingId = `discussion-${discussion.id}-title`;
  return (
    <li aria-labelledby={headingId} className="min-w-0 space-y-2 p-4">
      <p className="flex flex-wrap items-center gap-2">
        <KindBadges kind={discussion.kind} answered={discussion.answered} />
        {discussion.pinned ? <Badge>Pinned</Badge> : null}
      </p>
      <h3 id={headingId} className="text-lg font-semibold break-words">
        <Link href={`/discussions/${discussion.id}`}>{discussion.title}</Link>
      </h3>
      <p className="text-sm text-stone-700">
        By <Link href={`/members/${discussion.authorId}`}>{discussion.authorName}</Link>
      </p>
      {discussion.tags.length ? (
        <ul aria-label="Tags" className="flex flex-wrap gap-1.5">
          {discussion.tags.map((tag) => (
            <li key={tag.slug}>
              <Link
                href={`/discussions?${new URLSearchParams({ tag: tag.slug })}`}
                className="inline-block rounded-full border border-stone-300 bg-stone-50 px-2.5 py-0.5 text-xs font-medium text-stone-800 no-underline hover:border-brand-600 hover:no-underline"
              >
                #{tag.name}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-600">
        <span>{plural(discussion.replyCount, "reply", "replies")}</span>
        <span>{plural(discussion.reactionCount, "reaction", "reactions")}</span>
        <span>
          Last activity <When date={discussion.lastActivityAt} timeZone={timeZone} />
        </span>
      </p>
    </li>
  );
}

export function DiscussionList({
  discussions,
  timeZone,
  label,
}: {
  discussions: DiscussionSummary[];
  timeZone: string;
  label: string;
}) {
  return (
    <ul
      aria-label={label}
      className="divide-y divide-stone-200 overflow-hidden rounded-lg border border-stone-200 bg-white"
    >
      {discussions.map((discussion) => (
        <DiscussionRow key={discussion.id} discussion={discussion} timeZone={timeZone} />
      ))}
    </ul>
  );
}
