import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/core/auth/session";
import { getEditableReply } from "@/lib/discussions/thread-queries";
import { EditReplyForm } from "@/components/discussions/edit-reply-form";

export const metadata: Metadata = { title: "Edit reply" };

export default async function EditReplyPage({
  params,
}: {
  params: Promise<{ id: string; replyId: string }>;
}) {
  const viewer = await requirePermission("update:reply:own");
  const { id, replyId } = await params;
  const reply = await getEditableReply(viewer, id, replyId);
  if (!reply) notFound();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        {/* A plain link: it goes through the reply's redirecting permalink. */}
        <a href={`/discussions/${reply.discussionId}/replies/${reply.id}`}>
          Back to the discussion
        </a>
      </p>
      <h1 className="text-2xl font-semibold break-words">Edit your reply to “{reply.title}”</h1>
      <EditReplyForm reply={reply} />
    </div>
  );
}
