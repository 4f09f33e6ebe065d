import Link from "next/link";
import { ActionButtonForm } from "@/components/admin/action-button-form";
import { Markdown } from "@/components/markdown";
import { ReportButton } from "@/components/moderation/report-button";
import { mayReport } from "@/lib/moderation/access";
import { mayChangeComment } from "@/lib/posts/access";
import { deleteCommentAction } from "@/lib/posts/actions";
import { commentAnchor } from "@/lib/posts/comments";
import { When } from "@/components/discussions/when";
import type { CommentView } from "@/lib/posts/queries";
import { Badge } from "./badges";
import { EditCommentForm } from "./comment-form";

const PLACEHOLDERS = {
  deleted: "This comment was deleted.",
  hidden: "This comment was hidden by a moderator.",
} as const;

function CommentItem({
  comment,
  viewerId,
  timeZone,
  interactive,
}: {
  comment: CommentView;
  viewerId: string;
  timeZone: string;
  /** The post takes comments (published, not hidden): offer edit, delete and report. */
  interactive: boolean;
}) {
  const anchor = commentAnchor(comment.id);
  if (comment.state !== "visible" && !comment.body) {
    return (
      <article id={anchor} className="rounded-lg border border-dashed border-stone-300 p-4">
        <p className="text-sm text-stone-600 italic">{PLACEHOLDERS[comment.state]}</p>
      </article>
    );
  }
  const live = interactive && comment.state === "visible";
  return (
    <article
      id={anchor}
      aria-label={`Comment by ${comment.author.name}`}
      className="space-y-2 rounded-lg border border-stone-200 bg-white p-4"
    >
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-stone-600">
        <Link href={`/members/${comment.author.id}`} className="font-medium">
          {comment.author.name}
        </Link>
        <When date={comment.createdAt} timeZone={timeZone} />
        {comment.editedAt ? <span>(edited)</span> : null}
        {comment.state === "hidden" ? <Badge tone="hidden">Hidden</Badge> : null}
      </p>
      <Markdown source={comment.body} />
      {live ? (
        <div className="flex flex-wrap items-start gap-4">
          {mayChangeComment({ id: viewerId }, { authorId: comment.author.id }) ? (
            <>
              <EditCommentForm commentId={comment.id} body={comment.body} />
              <ActionButtonForm
                action={deleteCommentAction}
                fields={{ id: comment.id }}
                label="Delete"
                srSuffix=" your comment"
                pendingText="Deleting…"
                confirm={{
                  question: "Delete this comment? A note that it was deleted stays in its place.",
                  confirmLabel: "Delete comment",
                }}
              />
            </>
          ) : mayReport({ id: viewerId }, { authorId: comment.author.id }) ? (
            <ReportButton targetType="COMMENT" targetId={comment.id} />
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

export function CommentList({
  comments,
  viewerId,
  timeZone,
  interactive,
}: {
  comments: CommentView[];
  viewerId: string;
  timeZone: string;
  interactive: boolean;
}) {
  if (!comments.length) return <p className="text-stone-700">No comments yet.</p>;
  return (
    <ol aria-label="Comments" className="space-y-3">
      {comments.map((comment) => (
        <li key={comment.id}>
          <CommentItem
            comment={comment}
            viewerId={viewerId}
            timeZone={timeZone}
            interactive={interactive}
          />
        </li>
      ))}
    </ol>
  );
}
