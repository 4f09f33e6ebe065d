import { plural } from "@/lib/core/format";
import Link from "next/link";
import type { DiscussionSummary } from "@/lib/discussions/queries";
import { Badge, KindBadges } from "./badges";
import { When } from "./when";

/**
 * One discussion in a list: its title, then one line with what it is, who started it, its
 * tags and its activity. Kept to a few elements: a list page shows 20 of these, and each
 * element is sent twice (as HTML and in the RSC payload).
 */
export function DiscussionRow({
  discussion,
  timeZone,
}: {
  discussion: DiscussionSummary;
  timeZone: string;
}) {
  return (
    <li className="topic-row">
      <h3 className="topic-title">
        <Link href={`/discussions/${discussion.id}`}>{discussion.title}</Link>
      </h3>
      <p className="topic-meta">
        <KindBadges kind={discussion.kind} answered={discussion.answered} />
        {discussion.pinned ? <Badge>Pinned</Badge> : null}
        <span>
          {"By "}
          <Link href={`/members/${discussion.authorId}`}>{discussion.authorName}</Link>
        </span>
        <span>{plural(discussion.replyCount, "reply", "replies")}</span>
        <span>{plural(discussion.reactionCount, "reaction", "reactions")}</span>
        <span>
          {"Last activity "}
          <When date={discussion.lastActivityAt} timeZone={timeZone} />
        </span>
      </p>
      {discussion.tags.length ? (
        <ul aria-label="Tags" className="flex flex-wrap gap-1.5">
          {discussion.tags.map((tag) => (
            <li key={tag.slug}>
              <Link
                href={`/discussions?${new URLSearchParams({ tag: tag.slug })}`}
                className="tag-chip"
              >
                {`#${tag.name}`}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
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
