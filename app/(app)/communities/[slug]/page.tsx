import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { AccessBadge } from "@/components/communities/community-card";
import { MembershipPanel } from "@/components/communities/membership-panel";
import { Markdown } from "@/components/markdown";
import { buttonClasses } from "@/components/ui/button";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { RelativeTime } from "@/components/ui/relative-time";
import { requireUser } from "@/lib/core/auth/session";
import { formatDateTime } from "@/lib/core/date-format";
import { listQueryOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import { mayManageCommunity } from "@/lib/communities/access";
import { COMMUNITY_ROLE_LABELS, membersPhrase } from "@/lib/communities/labels";
import {
  communityForViewer,
  communityMembers,
  communityStream,
  openQuestions,
  upcomingSessions,
} from "@/lib/communities/queries";

type Params = Promise<{ slug: string }>;

const load = cache(async (slug: string) => {
  const viewer = await requireUser();
  return { viewer, community: await communityForViewer(viewer, slug) };
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { community } = await load((await params).slug);
  return { title: community?.name ?? "Community not found" };
}

const paramsSchema = z.object({
  cursor: z.string().max(500).optional(),
  /** Set by accepting an invitation, which lands here. */
  joined: z.string().optional(),
});

export default async function CommunityPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<SearchParams>;
}) {
  const { viewer, community } = await load((await params).slug);
  if (!community) notFound();
  const { query, params: list } = await listQueryOrNotFound(searchParams, paramsSchema);
  const [stream, sessions, questions, members] = await Promise.all([
    communityStream(community.id, list.cursor ?? null),
    upcomingSessions(community.id),
    openQuestions(community.id),
    communityMembers(community.id),
  ]);
  const manages = mayManageCommunity(viewer, community.standing);
  const leads = members.filter((m) => m.role === "LEAD");
  const path = `/communities/${community.slug}`;

  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <p className="text-sm">
          <Link href="/communities">All communities</Link>
        </p>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0 space-y-1">
            <h1 className="text-2xl font-semibold break-words">{community.name}</h1>
            <p className="flex flex-wrap items-center gap-2 text-sm text-stone-600">
              <AccessBadge access={community.access} />
              <span>{membersPhrase(community.memberCount)}</span>
              {community.standing?.status === "ACTIVE" ? (
                <span>· You are {community.standing.role === "LEAD" ? "a lead" : "a member"}</span>
              ) : null}
            </p>
          </div>
          {manages ? (
            <Link href={`${path}/manage`} className={buttonClasses("secondary")}>
              Manage
            </Link>
          ) : null}
        </div>
        <div role="status" aria-live="polite">
          {list.joined && community.standing?.status === "ACTIVE" ? (
            <p className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
              Welcome to {community.name}.
            </p>
          ) : null}
        </div>
        {community.archivedAt ? (
          <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            This community is archived: you can read it, but it takes no new members.
          </p>
        ) : null}
        <Markdown source={community.purpose} />
        {community.archivedAt ? null : (
          <MembershipPanel
            communityId={community.id}
            access={community.access}
            standing={community.standing}
            viewerId={viewer.id}
            lastLead={leads.length === 1 && leads[0]!.memberId === viewer.id}
            members={members}
          />
        )}
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="stream-title" className="space-y-3 lg:col-span-2">
          <h2 id="stream-title" className="text-lg font-semibold">
            Discussions and posts
          </h2>
          {community.standing?.status === "ACTIVE" && !community.archivedAt ? (
            <PostHereLinks slug={community.slug} />
          ) : null}
          {stream.items.length ? (
            <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
              {stream.items.map((item) => (
                <li key={`${item.kind}-${item.id}`} className="space-y-1 p-4">
                  <p className="text-xs font-medium tracking-wide text-stone-500 uppercase">
                    {item.kind === "post" ? "Knowledge post" : "Discussion"}
                  </p>
                  <Link
                    href={item.kind === "post" ? `/posts/${item.id}` : `/discussions/${item.id}`}
                    className="font-medium break-words"
                  >
                    {item.title}
                  </Link>
                  <p className="text-sm text-stone-600">
                    {item.authorName} ·{" "}
                    <RelativeTime date={item.activityAt} timeZone={viewer.timeZone} />
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-stone-700">Nothing here yet.</p>
          )}
          <PaginationNav
            nextCursor={stream.nextCursor}
            isFirstPage={!list.cursor}
            hrefFor={(cursor) => hrefWith(path, query, { cursor, joined: null })}
            label="Stream pages"
          />
        </section>

        <div className="space-y-6">
          <section aria-labelledby="questions-title" className="space-y-2">
            <h2 id="questions-title" className="text-lg font-semibold">
              Open questions
            </h2>
            {questions.length ? (
              <ul className="space-y-2">
                {questions.map((question) => (
                  <li key={question.id}>
                    <Link href={`/discussions/${question.id}`} className="break-words">
                      {question.title}
                    </Link>
                    <span className="text-sm text-stone-600">
                      {" "}
                      ·{" "}
                      {question.replyCount === 0
                        ? "no answers yet"
                        : `${question.replyCount} replies`}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-stone-700">No open questions.</p>
            )}
          </section>

          <section aria-labelledby="sessions-title" className="space-y-2">
            <h2 id="sessions-title" className="text-lg font-semibold">
              Upcoming sessions
            </h2>
            {sessions.length ? (
              <ul className="space-y-2">
                {sessions.map((session) => (
                  <li key={session.id}>
                    <Link href={`/sessions/${session.id}`} className="break-words">
                      {session.title}
                    </Link>
                    <span className="block text-sm text-stone-600">
                      {formatDateTime(session.startsAt, viewer.timeZone)} · {session.goingCount}{" "}
                      going
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-stone-700">No sessions planned.</p>
            )}
          </section>

          <section aria-labelledby="members-title" className="space-y-2">
            <h2 id="members-title" className="text-lg font-semibold">
              Members
            </h2>
            <ul className="space-y-1">
              {members.map((member) => (
                <li key={member.memberId} className="text-sm">
                  <Link href={`/members/${member.memberId}`}>{member.name}</Link>
                  {member.role === "LEAD" ? (
                    <span className="text-stone-600"> · {COMMUNITY_ROLE_LABELS.LEAD}</span>
                  ) : null}
                </li>
              ))}
            </ul>
            {community.memberCount > members.length ? (
              <p className="text-sm text-stone-600">
                and {community.memberCount - members.length} more
              </p>
            ) : null}
          </section>
        </div>
      </div>
    </div>
  );
}

/** What an active member can start in the community (the forms preselect it). */
function PostHereLinks({ slug }: { slug: string }) {
  const here = `community=${encodeURIComponent(slug)}`;
  return (
    <p className="flex flex-wrap gap-2">
      <Link href={`/discussions/new?${here}`} className={buttonClasses("primary")}>
        Start a discussion here
      </Link>
      <Link href={`/discussions/new?kind=question&${here}`} className={buttonClasses("secondary")}>
        Ask a question
      </Link>
      <Link href={`/posts/new?${here}`} className={buttonClasses("secondary")}>
        Write a post
      </Link>
    </p>
  );
}
