import Link from "next/link";
import { Markdown } from "@/components/markdown";
import { ActionButtonForm } from "@/components/admin/action-button-form";
import { ModerationControls } from "@/components/moderation/moderation-controls";
import { ReportButton } from "@/components/moderation/report-button";
import { ReactionBar } from "@/components/discussions/reaction-bar";
import { mayChangeReply } from "@/lib/discussions/access";
import { mayReport } from "@/lib/moderation/access";
import { acceptAnswerAction, deleteReplyAction } from "@/lib/discussions/actions";
import type { ReplyItem as Reply } from "@/lib/discussions/thread-queries";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "./badges";
import { When } from "./when";

export interface ThreadViewer {
  id: string;
  timeZone: string;
  /** May hide and restore replies: an admin, or a lead of the discussion's community. */
  canModerate: boolean;
  /** May accept an answer here: the asker of an open question, or an admin. */
  canAccept: boolean;
  /** The thread takes replies (not locked, deleted or hidden). */
  canReply: boolean;
  /** The thread's replies take answer votes (a question, neither deleted nor hidden). */
  canVote: boolean;
}

function hasReactions(summary: Reply["reactions"]): boolean {
  return summary.mine.length > 0 || Object.values(summary.counts).some((count) => count > 0);
}

const PLACEHOLDERS = {
  deleted: "This reply was deleted.",
  hidden: "This reply was hidden by a moderator.",
} as const;

/**
 * One reply of the thread, anchored as #reply-<id>; a placeholder when deleted or hidden.
 * The first reply the viewer has not read opens with a "New" divider anchored #first-unread.
 */
export function ReplyItem({
  reply,
  discussionId,
  accepted,
  firstUnread,
  viewer,
  replyToHref,
  parentHref,
}: {
  reply: Reply;
  discussionId: string;
  accepted: boolean;
  firstUnread: boolean;
  viewer: ThreadViewer;
  /** The "Reply to this" link: this page with ?replyTo=<id>#reply-form. */
  replyToHref: string;
  /** Where the replied-to reply is shown. */
  parentHref: string | null;
}) {
  const own = mayChangeReply(viewer, reply);
  const readable = reply.body !== null;
  const label = `${reply.authorName}'s reply`;
  return (
    <li id={`reply-${reply.id}`}>
      {firstUnread ? (
        <p id="first-unread" className="unread-divider">
          New since your last visit
        </p>
      ) : null}
      <article
        aria-label={`Reply by ${reply.authorName}`}
        className={accepted ? "reply-card reply-card-accepted" : "reply-card"}
      >
        {reply.parent && parentHref ? (
          <p className="text-sm text-stone-600">
            In reply to <a href={parentHref}>{reply.parent.authorName ?? "a hidden reply"}</a>
          </p>
        ) : null}
        <p className="item-meta">
          {readable ? (
            <Link href={`/members/${reply.authorId}`} className="author-link">
              <Avatar name={reply.authorName} avatarId={reply.authorAvatarId} size={24} />
              {reply.authorName}
            </Link>
          ) : null}
          <When date={reply.createdAt} timeZone={viewer.timeZone} />
          {reply.editedAt && readable ? (
            <span>
              (edited <When date={reply.editedAt} timeZone={viewer.timeZone} />)
            </span>
          ) : null}
          {reply.unread ? <Badge tone="brand">New</Badge> : null}
          {accepted ? <Badge tone="green">Accepted answer</Badge> : null}
          {reply.state === "hidden" ? <Badge tone="red">Hidden</Badge> : null}
        </p>
        {readable && accepted ? (
          // The accepted answer's text is at the top of the thread; it is not repeated here.
          <p className="text-stone-700">
            Shown in full at the top, as the accepted answer.{" "}
            <a href="#accepted-answer-heading">Read it</a>
          </p>
        ) : readable ? (
          <Markdown source={reply.body!} className="reading-width" />
        ) : (
          <p className="text-stone-600 italic">
            {PLACEHOLDERS[reply.state as "deleted" | "hidden"]}
          </p>
        )}
        {readable ? (
          <>
            {reply.state === "visible" ? (
              <ReactionBar
                target="reply"
                id={reply.id}
                summary={hasReactions(reply.reactions) ? reply.reactions : undefined}
                label={label}
                compact
                vote={
                  viewer.canVote
                    ? { state: reply.votes, canVote: !own && reply.state === "visible" }
                    : undefined
                }
              />
            ) : null}
            <div className="reply-actions">
              {viewer.canReply && reply.state === "visible" ? (
                <Link href={replyToHref} className="action-link">
                  Reply to this<span className="sr-only">{` reply by ${reply.authorName}`}</span>
                </Link>
              ) : null}
              {own && reply.state === "visible" ? (
                <Link
                  href={`/discussions/${discussionId}/replies/${reply.id}/edit`}
                  className="action-link"
                >
                  Edit<span className="sr-only"> your reply</span>
                </Link>
              ) : null}
              {own ? (
                <ActionButtonForm
                  action={deleteReplyAction}
                  fields={{ id: reply.id }}
                  label="Delete"
                  srSuffix=" your reply"
                  pendingText="Deleting…"
                  confirm={{
                    question: "Delete your reply? A note that it was deleted stays in the thread.",
                    confirmLabel: "Yes, delete it",
                  }}
                />
              ) : null}
              {viewer.canAccept && reply.state === "visible" ? (
                <ActionButtonForm
                  action={acceptAnswerAction}
                  fields={{ discussionId, replyId: accepted ? "" : reply.id }}
                  label={accepted ? "Unmark as accepted answer" : "Accept as answer"}
                  srSuffix={` (reply by ${reply.authorName})`}
                  pendingText="Saving…"
                />
              ) : null}
              {mayReport(viewer, reply) && reply.state === "visible" ? (
                <ReportButton targetType="REPLY" targetId={reply.id} />
              ) : null}
            </div>
            {viewer.canModerate ? (
              <ModerationControls
                targetType="REPLY"
                targetId={reply.id}
                hidden={reply.state === "hidden"}
              />
            ) : null}
          </>
        ) : null}
      </article>
    </li>
  );
}
