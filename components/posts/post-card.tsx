import { plural } from "@/lib/core/format";
import type { ReactNode } from "react";
import Link from "next/link";
import { formatDay } from "@/lib/core/dates";
import type { PostSummary } from "@/lib/posts/queries";
import { PostBadges } from "./badges";
import { TagLinks } from "./tag-links";

/** One post in a list: kind, title (linking to it), summary, author, date, counts and tags. */
export function PostCard({
  post,
  timeZone,
  note,
  headingLevel = 3,
}: {
  post: PostSummary;
  timeZone: string;
  /** An extra line, e.g. when it was saved or when its review was due. */
  note?: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const draft = post.status === "DRAFT";
  const when = draft
    ? `Draft, last saved ${formatDay(post.updatedAt, timeZone)}`
    : `Published ${formatDay(post.publishedAt ?? post.updatedAt, timeZone)}`;
  return (
    <article className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
      <PostBadges type={post.type} draft={draft} pinned={post.pinned} reviewDue={post.reviewDue} />
      <Heading className="text-base font-semibold break-words">
        <Link href={`/posts/${post.id}`}>{post.title}</Link>
      </Heading>
      <p className="text-sm break-words text-stone-700">{post.summary}</p>
      <p className="text-sm text-stone-600">
        By <Link href={`/members/${post.author.id}`}>{post.author.name}</Link> · {when}
        {draft ? null : (
          <>
            {" "}
            · {plural(post.helpfulCount, "helpful vote", "helpful votes")} ·{" "}
            {plural(post.commentCount, "comment", "comments")}
          </>
        )}
      </p>
      {note ? <p className="text-sm font-medium text-stone-800">{note}</p> : null}
      <TagLinks tags={post.tags} label={`Tags of ${post.title}`} />
    </article>
  );
}

/** The list of cards, or a friendly line when there are none. */
export function PostCardList<Post extends PostSummary>({
  posts,
  timeZone,
  label,
  empty,
  notes,
  headingLevel = 3,
}: {
  posts: Post[];
  timeZone: string;
  label: string;
  empty: ReactNode;
  notes?: (post: Post) => string | undefined;
  /** 2 when the list sits right under the page's h1. */
  headingLevel?: 2 | 3;
}) {
  if (!posts.length) {
    return (
      <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700">
        {empty}
      </p>
    );
  }
  return (
    <ul aria-label={label} className="space-y-4">
      {posts.map((post) => (
        <li key={post.id}>
          <PostCard
            post={post}
            timeZone={timeZone}
            note={notes?.(post)}
            headingLevel={headingLevel}
          />
        </li>
      ))}
    </ul>
  );
}
