import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Markdown } from "@/components/markdown";
import { ReportButton } from "@/components/moderation/report-button";
import { PostBadges } from "@/components/posts/badges";
import { CommentForm } from "@/components/posts/comment-form";
import { CommentList } from "@/components/posts/comment-list";
import { Notice, noteFrom } from "@/components/posts/notice";
import { AuthorTools, PinControl } from "@/components/posts/post-manage";
import { TableOfContents } from "@/components/posts/table-of-contents";
import { TagLinks } from "@/components/posts/tag-links";
import { CommunityLink } from "@/components/posts/community-link";
import { BookmarkToggle, HelpfulCount, HelpfulToggle } from "@/components/posts/toggle-buttons";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { can, requirePermission } from "@/lib/core/auth/session";
import { extractHeadings } from "@/lib/core/markdown/headings";
import { pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { firstValues, type SearchParams } from "@/lib/core/pagination/search-params";
import { formatCalendarDate } from "@/lib/core/dates";
import { When } from "@/components/discussions/when";
import { mayReport } from "@/lib/moderation/access";
import { mayChangePost, mayVoteHelpful } from "@/lib/posts/access";
import { POST_PAGE_LIMITS } from "@/lib/posts/limits";
import {
  getPostComments,
  getPostPage,
  relatedPosts,
  type PostDetail,
  type RelatedPost,
} from "@/lib/posts/queries";
import { POST_TYPE_LABELS } from "@/lib/posts/types";
import { formatNumber } from "@/lib/core/format";

type Params = Promise<{ id: string }>;

const NOTES = {
  created: "Draft saved. Only you can see it until you publish it.",
  published: "Published. Everyone can read it now.",
  saved: "Changes saved.",
  reviewed: "Marked as reviewed. Thank you for keeping it up to date.",
};

const load = cache(async (id: string) => {
  const viewer = await requirePermission("read:content:any");
  return { viewer, post: await getPostPage(viewer, id) };
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { post } = await load((await params).id);
  return { title: post?.title ?? "Post not found" };
}

function Byline({ post, timeZone }: { post: PostDetail; timeZone: string }) {
  const time = (date: Date) => <When date={date} timeZone={timeZone} />;
  return (
    <p className="text-sm text-stone-700">
      By <Link href={`/members/${post.author.id}`}>{post.author.name}</Link>
      {post.publishedAt ? <> · Published {time(post.publishedAt)}</> : <> · Draft</>}
      {post.editedAt ? <> · Edited {time(post.editedAt)}</> : null}
    </p>
  );
}

function RelatedPosts({ posts }: { posts: RelatedPost[] }) {
  if (!posts.length) return null;
  return (
    <aside aria-labelledby="related-heading" className="space-y-3">
      <h2 id="related-heading" className="text-lg font-semibold">
        Related posts
      </h2>
      <ul className="space-y-2">
        {posts.map((post) => (
          <li key={post.id} className="break-words">
            <Link href={`/posts/${post.id}`}>{post.title}</Link>{" "}
            <span className="text-sm text-stone-600">({POST_TYPE_LABELS[post.type]})</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}

export default async function PostPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<SearchParams>;
}) {
  const { id } = await params;
  const { viewer, post } = await load(id);
  if (!post) notFound();
  const query = firstValues(await searchParams);
  const listed = post.status === "PUBLISHED" && !post.hidden;
  const [comments, related] = await Promise.all([
    pageOrNotFound(getPostComments(viewer, post.id, query.comments)),
    listed ? relatedPosts(viewer, post.id) : Promise.resolve([]),
  ]);
  const headings = extractHeadings(post.body);
  const note = noteFrom(query, NOTES);
  const commentsHref = (cursor: string | null) =>
    cursor ? `/posts/${post.id}?comments=${cursor}#comments` : `/posts/${post.id}#comments`;

  return (
    <div className="space-y-8">
      {note ? <Notice>{note}</Notice> : null}
      <article aria-labelledby="post-title" className="space-y-6">
        <header className="space-y-3">
          <PostBadges
            type={post.type}
            draft={post.status === "DRAFT"}
            hidden={post.hidden}
            pinned={post.pinned}
          />
          <h1 id="post-title" className="text-2xl font-semibold break-words">
            {post.title}
          </h1>
          <Byline post={post} timeZone={viewer.timeZone} />
          <p className="reading-width text-lg break-words text-stone-800">{post.summary}</p>
          <TagLinks tags={post.tags} />
          <CommunityLink community={post.community} />
        </header>

        {post.hidden ? (
          <p className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
            Hidden by a moderator: only admins can see this post.
          </p>
        ) : null}
        {post.reviewDue ? (
          <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            This post may be out of date (review was due {formatCalendarDate(post.reviewBy)}).
          </p>
        ) : null}

        {mayChangePost(viewer, { authorId: post.author.id, hidden: post.hidden }) ? (
          <AuthorTools post={post} />
        ) : null}
        {listed && (post.viewerLeadsCommunity || can(viewer, "update:post-pin:any")) ? (
          <PinControl post={post} />
        ) : null}

        {headings.length >= POST_PAGE_LIMITS.tocMinHeadings ? (
          <TableOfContents headings={headings.slice(0, POST_PAGE_LIMITS.tocMaxEntries)} />
        ) : null}

        <Markdown source={post.body} headingIds className="reading-width" />

        {listed ? (
          <div className="flex flex-wrap items-start gap-4 border-t border-stone-200 pt-4">
            {mayVoteHelpful(viewer, { authorId: post.author.id }) ? (
              <HelpfulToggle postId={post.id} voted={post.votedHelpful} count={post.helpfulCount} />
            ) : (
              <HelpfulCount count={post.helpfulCount} />
            )}
            <BookmarkToggle postId={post.id} saved={post.saved} />
            {mayReport(viewer, { authorId: post.author.id }) ? (
              <ReportButton targetType="POST" targetId={post.id} />
            ) : null}
          </div>
        ) : null}
      </article>

      {post.status === "PUBLISHED" ? (
        <section id="comments" aria-labelledby="comments-heading" className="space-y-4">
          <h2 id="comments-heading" className="text-lg font-semibold">
            Comments ({formatNumber(post.commentCount)})
          </h2>
          <CommentList
            comments={comments.items}
            viewerId={viewer.id}
            timeZone={viewer.timeZone}
            interactive={listed}
          />
          <PaginationNav
            nextCursor={comments.nextCursor}
            isFirstPage={!query.comments}
            hrefFor={commentsHref}
            label="Comment pages"
          />
          {listed ? <CommentForm postId={post.id} /> : null}
        </section>
      ) : null}

      <RelatedPosts posts={related} />
    </div>
  );
}
