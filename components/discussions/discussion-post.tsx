import Link from "next/link";
import { Markdown } from "@/components/markdown";
import { ActionButtonForm } from "@/components/admin/action-button-form";
import { ModerationControls } from "@/components/moderation/moderation-controls";
import { ReportButton } from "@/components/moderation/report-button";
import { ReactionBar } from "@/components/discussions/reaction-bar";
import { TagLinks } from "@/components/tags/tag-links";
import { Avatar } from "@/components/ui/avatar";
import { mayChangeDiscussion } from "@/lib/discussions/access";
import { mayReport } from "@/lib/moderation/access";
import {
  deleteDiscussionAction,
  setLockedAction,
  setPinnedAction,
} from "@/lib/discussions/actions";
import type { DiscussionDetail } from "@/lib/discussions/thread-queries";
import { Badge, KindBadges } from "./badges";
import { When } from "./when";

export interface PostViewer {
  id: string;
  timeZone: string;
  /** May hide and restore it: an admin, or a lead of its community. */
  canModerate: boolean;
  canPin: boolean;
  canLock: boolean;
}

/** The discussion itself: badges, title, author, body, reactions and what the viewer may do. */
export function DiscussionPost({
  discussion,
  viewer,
}: {
  discussion: DiscussionDetail;
  viewer: PostViewer;
}) {
  const own = mayChangeDiscussion(viewer, discussion);
  const deleted = discussion.state === "deleted";
  const started = discussion.kind === "QUESTION" ? "Asked" : "Started";
  return (
    <article aria-labelledby="discussion-title" className="min-w-0 space-y-4">
      <p className="flex flex-wrap items-center gap-2">
        <KindBadges kind={discussion.kind} answered={Boolean(discussion.acceptedAnswer)} />
        {discussion.pinned ? <Badge>Pinned</Badge> : null}
        {discussion.locked ? <Badge tone="amber">Locked</Badge> : null}
        {discussion.state === "hidden" ? <Badge tone="red">Hidden</Badge> : null}
      </p>
      <h1 id="discussion-title" className="text-2xl font-semibold break-words">
        {discussion.title ?? "Deleted discussion"}
      </h1>
      <p className="flex flex-wrap items-center gap-x-2 text-sm text-stone-700">
        <Avatar name={discussion.authorName} avatarId={discussion.authorAvatarId} size={32} />
        <span>
          {started} by <Link href={`/members/${discussion.authorId}`}>{discussion.authorName}</Link>
          , <When date={discussion.createdAt} timeZone={viewer.timeZone} />
        </span>
        {discussion.editedAt && !deleted ? (
          <span>
            (edited <When date={discussion.editedAt} timeZone={viewer.timeZone} />)
          </span>
        ) : null}
      </p>
      <TagLinks tags={discussion.tags} />
      <div className="rounded-lg border border-stone-200 bg-white p-4">
        {discussion.body !== null ? (
          <Markdown source={discussion.body} className="reading-width" />
        ) : (
          <p className="text-stone-600 italic">This discussion was deleted by its author.</p>
        )}
      </div>
      {deleted ? null : (
        <div className="space-y-3">
          {discussion.state === "visible" ? (
            <ReactionBar
              target="discussion"
              id={discussion.id}
              summary={discussion.reactions}
              label="this discussion"
            />
          ) : null}
          <div className="flex flex-wrap items-start gap-3">
            {own ? (
              <>
                <Link
                  href={`/discussions/${discussion.id}/edit`}
                  className="inline-flex min-h-10 items-center text-sm"
                >
                  Edit<span className="sr-only"> this discussion</span>
                </Link>
                <ActionButtonForm
                  action={deleteDiscussionAction}
                  fields={{ id: discussion.id }}
                  label="Delete"
                  srSuffix=" this discussion"
                  pendingText="Deleting…"
                  confirm={{
                    question:
                      "Delete this discussion? Its text goes; the replies stay, under a note that you deleted it.",
                    confirmLabel: "Yes, delete it",
                  }}
                />
              </>
            ) : mayReport(viewer, discussion) && discussion.state === "visible" ? (
              <ReportButton targetType="DISCUSSION" targetId={discussion.id} />
            ) : null}
            {viewer.canPin ? (
              <ActionButtonForm
                action={setPinnedAction}
                fields={{ id: discussion.id, pinned: String(!discussion.pinned) }}
                label={discussion.pinned ? "Unpin" : "Pin to the top"}
                srSuffix=" this discussion"
                pendingText="Saving…"
              />
            ) : null}
            {viewer.canLock ? (
              <ActionButtonForm
                action={setLockedAction}
                fields={{ id: discussion.id, locked: String(!discussion.locked) }}
                label={discussion.locked ? "Unlock replies" : "Lock replies"}
                srSuffix=" to this discussion"
                pendingText="Saving…"
              />
            ) : null}
          </div>
          {viewer.canModerate ? (
            <ModerationControls
              targetType="DISCUSSION"
              targetId={discussion.id}
              hidden={discussion.state === "hidden"}
            />
          ) : null}
        </div>
      )}
    </article>
  );
}
