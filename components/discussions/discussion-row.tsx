import Link from "next/link";
import { formatNumber } from "@/lib/core/format";
import type { DiscussionSummary, UnreadState } from "@/lib/discussions/queries";
import { RelativeTime } from "@/components/ui/relative-time";
import { Face } from "@/components/ui/avatar";
import { Badge, KindBadges } from "./badges";

// A list page shows 20 or more rows and carries each element twice (as HTML and in the
// inline RSC payload; docs/decisions/018-read-path.md), so a row is plain elements with short
// shared classes from globals.css (.drow-*): no client components, no forms, one Link.

const UNREAD_MARKS: Record<NonNullable<UnreadState>, string> = {
  new: "New",
  updated: "Updated",
};

function participantsText(discussion: DiscussionSummary): string {
  const names = discussion.participants.map((member) => member.name);
  const started = `Started by ${discussion.authorName}`;
  return names.length ? `${started}; replies from ${names.join(", ")}` : started;
}

/** The faces as one image named by who they are: read by screen readers, shown on hover. */
function Faces({ discussion }: { discussion: DiscussionSummary }) {
  return (
    <p role="img" title={participantsText(discussion)} className="drow-faces">
      <Face member={{ name: discussion.authorName, avatarId: discussion.authorAvatarId }} />
      {discussion.participants.map((member) => (
        <Face key={member.id} member={member} />
      ))}
    </p>
  );
}

function Counts({ discussion }: { discussion: DiscussionSummary }) {
  const { replyCount, reactionCount } = discussion;
  return (
    <p className="drow-stats">
      <span>
        <b>{formatNumber(replyCount)}</b> {replyCount === 1 ? "reply" : "replies"}
      </span>
      {reactionCount ? (
        <span>
          {formatNumber(reactionCount)} {reactionCount === 1 ? "reaction" : "reactions"}
        </span>
      ) : null}
    </p>
  );
}

/**
 * One discussion: its title (the row's one link; bold with a "New" or "Updated" mark when the
 * viewer has something unread there), kind, state and tags; the faces of who started it and
 * who replied last; its counts; its last activity.
 */
export function DiscussionRow({
  discussion,
  timeZone,
  now,
}: {
  discussion: DiscussionSummary;
  timeZone: string;
  now: Date;
}) {
  const { unread } = discussion;
  return (
    <li className={unread ? "drow drow-unread" : "drow"}>
      <h3 className="drow-title">
        <Link href={`/discussions/${discussion.id}`}>{discussion.title}</Link>
        {unread ? <span className="drow-mark">{UNREAD_MARKS[unread]}</span> : null}
      </h3>
      <p className="drow-meta">
        {/* Most rows are discussions: only a question says what it is (and if it is answered). */}
        {discussion.kind === "QUESTION" ? (
          <KindBadges kind={discussion.kind} answered={discussion.answered} />
        ) : null}
        {discussion.pinned ? <Badge>Pinned</Badge> : null}
        {discussion.tags.map((tag) => (
          <a key={tag.slug} href={`/discussions?tag=${encodeURIComponent(tag.slug)}`}>
            {`#${tag.name}`}
          </a>
        ))}
      </p>
      <Faces discussion={discussion} />
      <Counts discussion={discussion} />
      <p className="drow-time">
        <span className="sr-only">Last activity </span>
        <RelativeTime date={discussion.lastActivityAt} timeZone={timeZone} now={now} />
      </p>
    </li>
  );
}

/** Discussion rows under their columns: topic, participants, replies, activity. */
export function DiscussionList({
  discussions,
  timeZone,
  label,
  now = new Date(),
}: {
  discussions: DiscussionSummary[];
  timeZone: string;
  label: string;
  now?: Date;
}) {
  return (
    <RowList columns={["Topic", "Participants", "Replies", "Activity"]} label={label}>
      {discussions.map((discussion) => (
        <DiscussionRow key={discussion.id} discussion={discussion} timeZone={timeZone} now={now} />
      ))}
    </RowList>
  );
}

/**
 * List rows under a header of columns on wide screens (`.dlist` in globals.css); the header
 * is for the eye only, each row says what its numbers are. Shared with the posts list.
 */
export function RowList({
  columns,
  label,
  children,
}: {
  columns: string[];
  label: string;
  children: React.ReactNode;
}) {
  return (
    <div className="dlist">
      <div aria-hidden="true" className="dlist-head">
        {columns.map((column) => (
          <span key={column}>{column}</span>
        ))}
      </div>
      <ul aria-label={label}>{children}</ul>
    </div>
  );
}
