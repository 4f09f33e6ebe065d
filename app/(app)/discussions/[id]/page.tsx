import { plural } from "@/lib/core/format";
import type { Metadata } from "next";
import Link from "next/link";
import { CommunityLink } from "@/components/posts/community-link";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { after } from "next/server";
import { cache } from "react";
import { requirePermission, can } from "@/lib/core/auth/session";
import { mayAcceptAnswer } from "@/lib/discussions/access";
import {
  getQuotedReply,
  getThread,
  type DiscussionDetail,
  type Thread,
} from "@/lib/discussions/thread-queries";
import { threadParamsSchema, type ThreadSort } from "@/lib/discussions/schemas";
import {
  firstUnreadRedirect,
  isReadingView,
  markThreadRead,
  readMarkerMove,
} from "@/lib/discussions/thread-read";
import { listQueryOrNotFound, pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import { AcceptedAnswer } from "@/components/discussions/accepted-answer";
import { DiscussionPost } from "@/components/discussions/discussion-post";
import { ReplyForm } from "@/components/discussions/reply-form";
import { ReplyItem, type ThreadViewer } from "@/components/discussions/reply-item";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { WatchControl } from "@/components/discussions/watch-control";
import { db } from "@/lib/core/db/client";
import { watchLevelOf } from "@/lib/discussions/watch";
import { seesHiddenContent } from "@/lib/core/auth/content-visibility";
import { ThreadSortLinks } from "./thread-sort-links";
import { AskPanel } from "@/components/asks/ask-panel";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

/** The viewer and the thread, once per request (the page and its title both need them). */
const load = cache(async (id: string, cursor: string | undefined, sort: ThreadSort | undefined) => {
  const viewer = await requirePermission("read:content:any");
  const thread = await pageOrNotFound(getThread(viewer, id, { cursor, sort }));
  return { viewer, thread };
});

async function loadFor({ params, searchParams }: Props) {
  const { query, params: threadParams } = await listQueryOrNotFound(
    searchParams,
    threadParamsSchema,
  );
  const { id } = await params;
  return {
    id,
    query,
    threadParams,
    ...(await load(id, threadParams.cursor, threadParams.sort)),
  };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { thread } = await loadFor(props);
  return { title: thread?.discussion.title ?? "Discussion" };
}

/** Why the thread takes no replies, or null when it does. */
function closedNotice(discussion: DiscussionDetail): string | null {
  if (discussion.state === "deleted")
    return "This discussion was deleted by its author, so it takes no new replies.";
  if (discussion.state === "hidden")
    return "This discussion is hidden, so it takes no new replies.";
  if (discussion.locked) return "This discussion is locked: it takes no new replies.";
  return null;
}

/**
 * The member reading the page (not a prefetch, a HEAD or an action's re-render): on arriving
 * (no cursor, sort or reply-to in the address) with every unread reply on a later page, they
 * are sent to the first one; otherwise their read marker moves up to what the page shows,
 * after the response is sent (when it moves at all).
 */
async function followReading(
  viewerId: string,
  thread: Thread,
  threadParams: { cursor?: string; sort?: string; replyTo?: string },
) {
  if (!isReadingView(await headers())) return;
  const arriving = !threadParams.cursor && !threadParams.sort && !threadParams.replyTo;
  const target = arriving ? await firstUnreadRedirect(viewerId, thread) : null;
  if (target) redirect(target);
  const upTo = readMarkerMove(thread);
  if (!upTo) return;
  after(() =>
    markThreadRead(viewerId, thread.discussion.id, upTo).catch((error: unknown) =>
      console.error("Marking the thread read failed", error),
    ),
  );
}

export default async function DiscussionPage(props: Props) {
  const { id, query, threadParams, viewer, thread } = await loadFor(props);
  if (!thread) notFound();
  await followReading(viewer.id, thread, threadParams);
  const { discussion, replies, sort, unread } = thread;
  const path = `/discussions/${discussion.id}`;
  const closed = closedNotice(discussion);
  // A community's leads hide, pin and lock its content (lib/communities/access.ts); only admins
  // see hidden content, so a lead's controls offer hiding, not restoring.
  const leads = discussion.viewerLeadsCommunity;
  const canModerate = seesHiddenContent(viewer) || leads;
  const threadViewer: ThreadViewer = {
    id: viewer.id,
    timeZone: viewer.timeZone,
    canModerate,
    canReply: !closed,
    canVote: discussion.kind === "QUESTION" && discussion.state === "visible",
    canAccept: mayAcceptAnswer(viewer, {
      ...discussion,
      deleted: discussion.state === "deleted",
    }),
  };
  const quoted =
    threadParams.replyTo && !closed ? await getQuotedReply(id, threadParams.replyTo) : null;
  const onThisPage = new Set(replies.items.map((reply) => reply.id));
  const cancelHref = hrefWith(path, query, { replyTo: null });
  const watchLevel = await watchLevelOf(db, viewer.id, discussion);

  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <p>
        <Link href="/discussions">Back to discussions</Link>
      </p>
      <CommunityLink community={discussion.community} />
      <DiscussionPost
        discussion={discussion}
        viewer={{
          id: viewer.id,
          timeZone: viewer.timeZone,
          canModerate,
          canPin: leads || can(viewer, "update:discussion-pin:any"),
          canLock: leads || can(viewer, "update:discussion-lock:any"),
        }}
      />
      <WatchControl discussionId={discussion.id} level={watchLevel} />
      <AskPanel discussionId={discussion.id} viewerId={viewer.id} kind={discussion.kind} />
      {discussion.acceptedAnswer ? (
        <AcceptedAnswer
          answer={discussion.acceptedAnswer}
          discussionId={discussion.id}
          viewer={viewer}
          timeZone={viewer.timeZone}
        />
      ) : null}
      <section aria-labelledby="replies-heading" className="space-y-4">
        <h2 id="replies-heading" className="text-lg font-semibold">
          {discussion.kind === "QUESTION" ? "Answers and replies" : "Replies"}
          <span className="font-normal text-stone-600">
            {" "}
            · {plural(discussion.replyCount, "reply", "replies")}
          </span>
        </h2>
        {discussion.replyCount > 1 ? (
          <ThreadSortLinks
            kind={discussion.kind}
            current={sort}
            hrefFor={(to) => hrefWith(path, {}, { sort: to })}
          />
        ) : null}
        {unread.firstOnPage ? (
          <p className="text-sm">
            {plural(unread.count, "new reply", "new replies")} since your last visit.{" "}
            <a href="#first-unread">Go to the first</a>
          </p>
        ) : null}
        {replies.items.length ? (
          <ol aria-label="Replies" className="reply-list space-y-4">
            {replies.items.map((reply) => (
              <ReplyItem
                key={reply.id}
                reply={reply}
                discussionId={discussion.id}
                accepted={discussion.acceptedAnswer?.id === reply.id}
                firstUnread={unread.firstOnPage === reply.id}
                viewer={threadViewer}
                // Relative to this page (its path is long, and every reply carries it twice).
                replyToHref={`${hrefWith("", query, { replyTo: reply.id })}#reply-form`}
                parentHref={
                  reply.parent
                    ? onThisPage.has(reply.parent.id)
                      ? `#reply-${reply.parent.id}`
                      : `${path}/replies/${reply.parent.id}`
                    : null
                }
              />
            ))}
          </ol>
        ) : (
          <p className="text-stone-700">
            {threadParams.cursor ? "No more replies." : "No replies yet."}
          </p>
        )}
        <PaginationNav
          nextCursor={replies.nextCursor}
          isFirstPage={!threadParams.cursor}
          hrefFor={(cursor) => hrefWith(path, query, { cursor, sort, replyTo: null })}
          label="Reply pages"
        />
      </section>
      <section
        id="reply-form"
        aria-labelledby="reply-form-heading"
        className="scroll-mt-4 space-y-3 rounded-lg border border-stone-200 bg-white p-4"
      >
        <h2 id="reply-form-heading" className="text-lg font-semibold">
          {discussion.kind === "QUESTION" ? "Your answer" : "Your reply"}
        </h2>
        {closed ? (
          <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
            {closed}
          </p>
        ) : (
          <ReplyForm
            discussionId={discussion.id}
            label={discussion.kind === "QUESTION" ? "Answer or reply" : "Reply"}
            parent={quoted ?? undefined}
            cancelHref={`${cancelHref}#reply-form`}
          />
        )}
      </section>
    </div>
  );
}
