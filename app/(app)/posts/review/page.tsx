import type { Metadata } from "next";
import Link from "next/link";
import { Notice, noteFrom } from "@/components/posts/notice";
import { PostCard } from "@/components/posts/post-card";
import { PostTabs } from "@/components/posts/post-tabs";
import { MarkReviewedForm } from "@/components/posts/review-date-forms";
import { buttonClasses } from "@/components/ui/button";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { requirePermission } from "@/lib/core/auth/session";
import { listQueryOrNotFound, pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import { formatCalendarDate } from "@/lib/core/dates";
import { nextReviewDate } from "@/lib/posts/review-dates";
import { reviewDueNote } from "@/lib/posts/labels";
import { listNeedsReview } from "@/lib/posts/queries";
import { cursorParamsSchema } from "@/lib/posts/schemas";

export const metadata: Metadata = { title: "Needs review" };

export default async function NeedsReviewPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requirePermission("update:post:own");
  const { query, params } = await listQueryOrNotFound(searchParams, cursorParamsSchema);
  const page = await pageOrNotFound(listNeedsReview(viewer, params.cursor));
  const note = noteFrom(query, { reviewed: "Marked as reviewed. Thank you!" });
  const defaultReview = `six months from today (${formatCalendarDate(nextReviewDate())})`;
  return (
    <div className="space-y-6">
      {note ? <Notice>{note}</Notice> : null}
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Needs review</h1>
        <p className="text-stone-700">
          Your published posts whose review date has passed, the longest overdue first. Readers see
          a note that they may be out of date until you mark them reviewed or edit them.
        </p>
      </div>
      <PostTabs current="/posts/review" />
      {page.items.length ? (
        <ul aria-label="Posts that need review" className="space-y-4">
          {page.items.map((post) => (
            <li key={post.id} className="space-y-3">
              <PostCard
                post={post}
                timeZone={viewer.timeZone}
                note={reviewDueNote(post)}
                headingLevel={2}
              />
              <div className="flex flex-wrap items-start gap-4 pl-4">
                <MarkReviewedForm
                  postId={post.id}
                  postTitle={post.title}
                  defaultReview={defaultReview}
                  from="list"
                />
                <Link href={`/posts/${post.id}/edit`} className={buttonClasses("secondary")}>
                  Edit<span className="sr-only"> {post.title}</span>
                </Link>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700">
          Nothing needs review. All your posts are up to date.
        </p>
      )}
      <PaginationNav
        nextCursor={page.nextCursor}
        isFirstPage={!params.cursor}
        hrefFor={(cursor) => hrefWith("/posts/review", {}, { cursor })}
        label="Needs review pages"
      />
    </div>
  );
}
