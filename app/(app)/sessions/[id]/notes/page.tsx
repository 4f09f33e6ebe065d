import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { cache } from "react";
import { AddActionItemForm } from "@/components/sessions/after/action-item-forms";
import { ActionItemList } from "@/components/sessions/after/action-item-list";
import {
  FeedbackCommentList,
  FeedbackSummaryView,
} from "@/components/sessions/after/feedback-summary";
import { NotesForm } from "@/components/sessions/after/notes-form";
import { NotesPostLink } from "@/components/sessions/after/notes-post-link";
import { PublishNotesForm } from "@/components/sessions/after/publish-notes-form";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { requirePermission } from "@/lib/core/auth/session";
import { firstValues, type SearchParams } from "@/lib/core/pagination/search-params";
import { notesEditorView, type NotesEditorView } from "@/lib/sessions/after/queries";
import { NOTES_LIMITS } from "@/lib/sessions/limits";
import { formatSessionTime } from "@/lib/core/zoned-time";

type Params = Promise<{ id: string }>;

const load = cache(async (id: string, commentsCursor?: string) => {
  const viewer = await requirePermission("read:session:any");
  const view = await notesEditorView(viewer, id, { commentsCursor });
  if (!view) notFound();
  if (view === "forbidden") forbidden();
  return { viewer, view };
});

interface PageProps {
  params: Params;
  searchParams: Promise<SearchParams>;
}

/** The session id and the comments page's cursor from the URL. */
async function pageArgs({ params, searchParams }: PageProps) {
  const { id } = await params;
  const { comments } = firstValues(await searchParams);
  return [id, comments] as const;
}

export async function generateMetadata(props: PageProps): Promise<Metadata> {
  const { view } = await load(...(await pageArgs(props)));
  return { title: `Notes: ${view.session.title}` };
}

function ClosedNotice({ view, timeZone }: { view: NotesEditorView; timeZone: string }) {
  const { session } = view;
  if (session.status === "CANCELLED") {
    return <p>This session was cancelled, so it has no notes or action items.</p>;
  }
  return (
    <p>
      You can record notes and action items once the session has started (
      {formatSessionTime(session.startsAt, session.endsAt, timeZone)}).
    </p>
  );
}

function ActionItemsPart({ view }: { view: NotesEditorView }) {
  const full = view.actionItems.length >= NOTES_LIMITS.maxActionItems;
  return (
    <section aria-labelledby="action-items-heading" className="space-y-4">
      <h2 id="action-items-heading" className="text-lg font-semibold">
        Action items
      </h2>
      <ActionItemList items={view.actionItems} manageable />
      <div className="max-w-xl space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        <h3 className="text-base font-semibold">Add an action item</h3>
        {full ? (
          <p>
            This session has the most action items it can have ({NOTES_LIMITS.maxActionItems}).
            Delete one to add another.
          </p>
        ) : (
          <AddActionItemForm sessionId={view.session.id} />
        )}
      </div>
    </section>
  );
}

function PostPart({ view }: { view: NotesEditorView }) {
  const hasPost = Boolean(view.notesPost || view.draftBy);
  return (
    <section aria-labelledby="notes-post-heading" className="space-y-3">
      <h2 id="notes-post-heading" className="text-lg font-semibold">
        Knowledge post
      </h2>
      <NotesPostLink post={view.notesPost} draftBy={view.draftBy} />
      {hasPost ? null : view.session.summary ? (
        <PublishNotesForm sessionId={view.session.id} />
      ) : (
        <p className="text-stone-700">Save a summary first, then publish the notes as a post.</p>
      )}
    </section>
  );
}

function FeedbackPart({ view, firstPage }: { view: NotesEditorView; firstPage: boolean }) {
  const sessionId = view.session.id;
  const path = `/sessions/${sessionId}/notes`;
  return (
    <section aria-labelledby="feedback-heading" className="space-y-4">
      <h2 id="feedback-heading" className="text-lg font-semibold">
        Ratings and comments
      </h2>
      <FeedbackSummaryView feedback={view.feedback} withDistribution />
      {view.feedback.count ? (
        <p>
          <a href={`/sessions/${sessionId}/feedback.csv`} download>
            Download the ratings and comments (CSV)
          </a>{" "}
          <span className="text-sm text-stone-600">
            Anonymous ones say “Anonymous”, nothing more.
          </span>
        </p>
      ) : null}
      <FeedbackCommentList comments={view.comments.items} />
      <PaginationNav
        nextCursor={view.comments.nextCursor}
        isFirstPage={firstPage}
        hrefFor={(cursor) => `${path}${cursor ? `?comments=${cursor}` : ""}#feedback-heading`}
        label="Comment pages"
      />
    </section>
  );
}

export default async function SessionNotesPage(props: PageProps) {
  const [id, commentsCursor] = await pageArgs(props);
  const { viewer, view } = await load(id, commentsCursor);
  const { session } = view;
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold break-words">Notes: {session.title}</h1>
        <p>
          <Link href={`/sessions/${session.id}`}>Back to the session</Link>
        </p>
      </div>
      {view.open ? (
        <>
          <section aria-labelledby="notes-heading" className="space-y-4">
            <h2 id="notes-heading" className="text-lg font-semibold">
              Notes
            </h2>
            <NotesForm
              sessionId={session.id}
              initial={{
                summary: session.summary ?? "",
                takeaways: session.takeaways ?? "",
                recordingUrl: session.recordingUrl ?? "",
              }}
            />
          </section>
          <ActionItemsPart view={view} />
          <PostPart view={view} />
        </>
      ) : (
        <ClosedNotice view={view} timeZone={viewer.timeZone} />
      )}
      {view.started ? <FeedbackPart view={view} firstPage={!commentsCursor} /> : null}
    </div>
  );
}
