import Link from "next/link";
import { formatNumber } from "@/lib/core/format";
import type { PostSummary } from "@/lib/posts/queries";
import { POST_TYPE_LABELS } from "@/lib/posts/types";
import { RelativeTime } from "@/components/ui/relative-time";
import { RowList } from "@/components/discussions/discussion-row";
import { Face } from "@/components/ui/avatar";

// The knowledge list as dense rows, in the discussion list's grid (.drow-* in globals.css,
// with .drow-post adding the summary line): plain elements, one Link, no client components.

function Counts({ post }: { post: PostSummary }) {
  return (
    <p className="drow-stats">
      <span>
        <b>{formatNumber(post.helpfulCount)}</b> helpful
      </span>
      <span>
        {formatNumber(post.commentCount)} {post.commentCount === 1 ? "comment" : "comments"}
      </span>
    </p>
  );
}

/**
 * One published post: its title (the row's link), summary, kind and tags; its author's face
 * and name; its helpful votes and comments; when it was published.
 */
export function PostRow({
  post,
  timeZone,
  now,
}: {
  post: PostSummary;
  timeZone: string;
  now: Date;
}) {
  return (
    <li className="drow drow-post">
      <h3 className="drow-title">
        <Link href={`/posts/${post.id}`}>{post.title}</Link>
      </h3>
      <p className="drow-summary">{post.summary}</p>
      <p className="drow-meta">
        <span className="badge badge-brand">{POST_TYPE_LABELS[post.type]}</span>
        {post.pinned ? <span className="badge badge-stone">Pinned</span> : null}
        {post.reviewDue ? <span className="badge badge-amber">Review due</span> : null}
        {post.tags.map((tag) => (
          <a key={tag.slug} href={`/posts?tag=${encodeURIComponent(tag.slug)}`}>
            {`#${tag.name}`}
          </a>
        ))}
      </p>
      <p className="drow-faces">
        <span aria-hidden="true">
          <Face member={post.author} />
        </span>
        <span className="drow-name">
          <span className="sr-only">By </span>
          {post.author.name}
        </span>
      </p>
      <Counts post={post} />
      <p className="drow-time">
        <span className="sr-only">Published </span>
        <RelativeTime date={post.publishedAt ?? post.updatedAt} timeZone={timeZone} now={now} />
      </p>
    </li>
  );
}

/** Rows under a header of columns (post, author, votes, published) on wide screens. */
export function PostRowList({
  posts,
  timeZone,
  label,
  now = new Date(),
}: {
  posts: PostSummary[];
  timeZone: string;
  label: string;
  now?: Date;
}) {
  return (
    <RowList columns={["Post", "Author", "Votes", "Published"]} label={label}>
      {posts.map((post) => (
        <PostRow key={post.id} post={post} timeZone={timeZone} now={now} />
      ))}
    </RowList>
  );
}
