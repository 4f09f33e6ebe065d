// The session page's "after the session" part: notes, recording, action items, the notes
// post, ratings. Loads its own data; renders nothing before the session starts.
import Link from "next/link";
import { Markdown } from "@/components/markdown";
import { buttonClasses } from "@/components/ui/button";
import type { CurrentUser } from "@/lib/core/auth/session";
import { safeMarkdownUrl } from "@/lib/core/markdown/safe-url";
import { formatDay } from "@/lib/core/dates";
import { afterSessionView, type AfterSessionView } from "@/lib/sessions/after/queries";
import { ActionItemList } from "./action-item-list";
import { FeedbackCommentList, FeedbackSummaryView } from "./feedback-summary";
import { NotesPostLink } from "./notes-post-link";
import { RatingForm } from "./rating-form";

const notesPagePath = (id: string) => `/sessions/${id}/notes`;

function Notes({ view, timeZone }: { view: AfterSessionView; timeZone: string }) {
  const { session } = view;
  // Saved links are http(s) only; checked again here as for any member-written link.
  const recording = session.recordingUrl ? safeMarkdownUrl(session.recordingUrl) : "";
  if (!session.summary && !session.takeaways && !session.recordingUrl) {
    return <p className="text-stone-700">No notes yet.</p>;
  }
  return (
    <div className="space-y-4">
      {session.summary ? (
        <div className="space-y-2">
          <h3 className="text-base font-semibold">Summary</h3>
          <Markdown source={session.summary} />
        </div>
      ) : null}
      {session.takeaways ? (
        <div className="space-y-2">
          <h3 className="text-base font-semibold">Key takeaways</h3>
          <Markdown source={session.takeaways} />
        </div>
      ) : null}
      {recording ? (
        <p>
          <a href={recording} rel="nofollow noopener noreferrer">
            Watch the recording
          </a>
        </p>
      ) : null}
      {session.notesUpdatedAt ? (
        <p className="text-sm text-stone-600">
          Notes updated{" "}
          <time dateTime={session.notesUpdatedAt.toISOString()}>
            {formatDay(session.notesUpdatedAt, timeZone)}
          </time>
        </p>
      ) : null}
    </div>
  );
}

function Rating({ view }: { view: AfterSessionView }) {
  if (view.rating !== "rated" && view.rating !== "can-rate") return null;
  return <RatingForm sessionId={view.session.id} rated={view.rating === "rated"} />;
}

function Feedback({ view }: { view: AfterSessionView }) {
  const comments = view.comments;
  return (
    <section aria-labelledby="session-feedback-heading" className="space-y-3">
      <h3 id="session-feedback-heading" className="text-base font-semibold">
        Ratings
      </h3>
      <FeedbackSummaryView feedback={view.feedback} withDistribution={view.manages} />
      <Rating view={view} />
      {comments && comments.items.length ? (
        <div className="space-y-2">
          <h4 className="text-sm font-semibold">Latest comments (seen by hosts and leaders)</h4>
          <FeedbackCommentList comments={comments.items} />
          {comments.nextCursor ? (
            <p>
              <Link href={`${notesPagePath(view.session.id)}#feedback-heading`}>All comments</Link>
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

export async function AfterSessionSection({
  sessionId,
  viewer,
}: {
  sessionId: string;
  viewer: CurrentUser;
}) {
  const view = await afterSessionView(viewer, sessionId);
  if (!view) return null;
  return (
    <section
      aria-labelledby="after-session-heading"
      className="space-y-6 rounded-lg border border-stone-200 bg-white p-4 sm:p-5"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="after-session-heading" className="text-lg font-semibold">
          After the session
        </h2>
        {view.manages && view.open ? (
          <Link href={notesPagePath(sessionId)} className={buttonClasses("secondary")}>
            Edit notes and action items
          </Link>
        ) : null}
      </div>
      <Notes view={view} timeZone={viewer.timeZone} />
      <NotesPostLink post={view.notesPost} draftBy={view.draftBy} />
      <section aria-labelledby="session-action-items-heading" className="space-y-3">
        <h3 id="session-action-items-heading" className="text-base font-semibold">
          Action items
        </h3>
        <ActionItemList items={view.actionItems} />
      </section>
      <Feedback view={view} />
    </section>
  );
}
