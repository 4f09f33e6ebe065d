import Link from "next/link";
import { ActionButtonForm } from "@/components/admin/action-button-form";
import { buttonClasses } from "@/components/ui/button";
import { deletePostAction, setPinnedAction } from "@/lib/posts/actions";
import { formatCalendarDate } from "@/lib/core/dates";
import { nextReviewDate } from "@/lib/posts/review-dates";
import type { PostDetail } from "@/lib/posts/queries";
import { MarkReviewedForm, PublishForm } from "./review-date-forms";

const sixMonths = () => `six months from today (${formatCalendarDate(nextReviewDate())})`;

/** The author's tools: edit, publish a draft, mark reviewed when due, delete. */
export function AuthorTools({ post }: { post: PostDetail }) {
  const draft = post.status === "DRAFT";
  return (
    <section
      aria-labelledby="manage-heading"
      className="space-y-4 rounded-lg border border-stone-200 bg-white p-4"
    >
      <h2 id="manage-heading" className="text-base font-semibold">
        {draft ? "Your draft" : "Your post"}
      </h2>
      {draft ? (
        <p className="text-sm text-stone-700">
          Only you can see this draft. Publish it when it is ready: it then shows in the posts list
          and search, and followers of its tags are told.
        </p>
      ) : (
        <p className="text-sm text-stone-700">
          Next review due {formatCalendarDate(post.reviewBy)}. Editing the post also counts as a
          review.
        </p>
      )}
      <div className="flex flex-wrap items-start gap-3">
        <Link href={`/posts/${post.id}/edit`} className={buttonClasses("secondary")}>
          Edit<span className="sr-only"> {post.title}</span>
        </Link>
        <ActionButtonForm
          action={deletePostAction}
          fields={{ id: post.id }}
          label="Delete"
          srSuffix={` ${post.title}`}
          pendingText="Deleting…"
          confirm={{
            question: "Delete this post for everyone? Its comments go with it.",
            confirmLabel: "Delete post",
          }}
        />
      </div>
      {draft ? <PublishForm postId={post.id} defaultReview={sixMonths()} /> : null}
      {!draft && post.reviewDue ? (
        <MarkReviewedForm
          postId={post.id}
          postTitle={post.title}
          defaultReview={sixMonths()}
          from="post"
        />
      ) : null}
    </section>
  );
}

/** Leaders pin a published post to the top of the posts list. */
export function PinControl({ post }: { post: PostDetail }) {
  return (
    <ActionButtonForm
      action={setPinnedAction}
      fields={{ id: post.id, pinned: post.pinned ? "false" : "true" }}
      label={post.pinned ? "Unpin" : "Pin to top of posts"}
      srSuffix={post.pinned ? ` ${post.title}` : undefined}
      pendingText={post.pinned ? "Unpinning…" : "Pinning…"}
    />
  );
}
