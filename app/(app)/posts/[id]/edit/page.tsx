import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PostForm } from "@/components/posts/post-form";
import { requirePermission } from "@/lib/core/auth/session";
import { db } from "@/lib/core/db/client";
import { postingCommunities } from "@/lib/communities/visibility";
import { formatCalendarDate } from "@/lib/core/dates";
import { nextReviewDate } from "@/lib/posts/review-dates";
import { getEditablePost } from "@/lib/posts/queries";

export const metadata: Metadata = { title: "Edit post" };

export default async function EditPostPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission("update:post:own");
  const post = await getEditablePost(viewer, (await params).id);
  if (!post) notFound();
  const published = post.status === "PUBLISHED";
  const communities = await postingCommunities(db, viewer.id);
  // Offered only when the current community is among the choices: a form without the field
  // keeps the post where it is.
  const movable = !post.communityId || communities.some(({ id }) => id === post.communityId);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold break-words">Edit “{post.title}”</h1>
        <p>
          <Link href={`/posts/${post.id}`}>Back to the post</Link>
        </p>
      </div>
      <PostForm
        initial={{ ...post, published }}
        communities={movable ? communities : []}
        reviewHint={
          published
            ? `Currently due ${formatCalendarDate(post.reviewBy)}. Saving counts as a review: leave empty for six months from today (${formatCalendarDate(nextReviewDate())}).`
            : undefined
        }
      />
    </div>
  );
}
