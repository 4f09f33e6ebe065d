import { plural } from "@/lib/core/format";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requirePermission, can } from "@/lib/core/auth/session";
import { mayAcceptAnswer } from "@/lib/discussions/access";
import { getQuotedReply, getThread, type DiscussionDetail } from "@/lib/discussions/thread-queries";
import { threadParamsSchema } from "@/lib/discussions/schemas";
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

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

/** The viewer and the thread, once per request (the page and its title both need them). */
const load = cache(async (id: string, cursor: string | undefined) => {
  const viewer = await requirePermission("read:content:any");
  const thread = await pageOrNotFound(getThread(viewer, id, { cursor }));
  return { viewer, thread };
});

async function loadFor({ params, searchParams }: Props) {
  const { query, params: threadParams } = await listQueryOrNotFound(
    searchParams,
    threadParamsSchema,
  );
  const { id } = await params;
  return { id, query, threadParams, ...(await load(id, threadParams.cursor)) };
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

export default async function DiscussionPage(props: Props) {
  const { id, query, threadParams, viewer, thread } = await loadFor(props);
  if (!thread) notFound();
  const { discussion, replies } = thread;
  const path = `/discussions/${discussion.id}`;
  const closed = closedNotice(discussion);
  const isAdmin = seesHiddenContent(viewer);
  const threadViewer: ThreadViewer = {
    id: viewer.id,
    timeZone: viewer.timeZone,
    isAdmin,
    canReply: !closed,
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
      <DiscussionPost
        discussion={discussion}
        viewer={{
          id: viewer.id,
          timeZone: viewer.timeZone,
          isAdmin,
          canPin: can(viewer, "update:discussion-pin:any"),
          canLock: can(viewer, "update:discussion-lock:any"),
        }}
      />
      <WatchControl discussionId={discussion.id} level={watchLevel} />
      {discussion.acceptedAnswer ? (
        <AcceptedAnswer
          answer={discussion.acceptedAnswer}
          discussionId={discussion.id}
          viewerId={viewer.id}
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
        {replies.items.length ? (
          <ol aria-label="Replies" className="space-y-4">
            {replies.items.map((reply) => (
              <ReplyItem
                key={reply.id}
                reply={reply}
                discussionId={discussion.id}
                accepted={discussion.acceptedAnswer?.id === reply.id}
                viewer={threadViewer}
                replyToHref={`${hrefWith(path, query, { replyTo: reply.id })}#reply-form`}
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
          hrefFor={(cursor) => hrefWith(path, query, { cursor, replyTo: null })}
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
