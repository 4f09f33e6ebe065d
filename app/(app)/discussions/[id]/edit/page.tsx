import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/core/auth/session";
import { db } from "@/lib/core/db/client";
import { postingCommunities } from "@/lib/communities/visibility";
import { getEditableDiscussion } from "@/lib/discussions/thread-queries";
import { DiscussionForm } from "@/components/discussions/discussion-form";

export const metadata: Metadata = { title: "Edit discussion" };

export default async function EditDiscussionPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission("update:discussion:own");
  const discussion = await getEditableDiscussion(viewer, (await params).id);
  if (!discussion) notFound();
  const communities = await postingCommunities(db, viewer.id);
  // Offered only when the current community is among the choices: a form without the field
  // keeps the discussion where it is.
  const movable =
    !discussion.communityId || communities.some(({ id }) => id === discussion.communityId);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link href={`/discussions/${discussion.id}`}>Back to the discussion</Link>
      </p>
      <h1 className="text-2xl font-semibold">
        Edit {discussion.kind === "QUESTION" ? "question" : "discussion"}
      </h1>
      <DiscussionForm existing={discussion} communities={movable ? communities : []} />
    </div>
  );
}
