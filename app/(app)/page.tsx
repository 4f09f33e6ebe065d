import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/core/auth/session";
import { loadHome } from "@/lib/feed/home";
import { feedPageSchema } from "@/lib/feed/schemas";
import { listQueryOrNotFound, pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import { FeedList } from "@/components/feed/feed-item-card";
import { MemberCard } from "@/components/members/member-card";
import { OpenActionItems } from "@/components/sessions/after/open-action-items";
import { NextSessions } from "@/components/sessions/next-sessions";
import { HomeWall } from "@/components/recognition/home-wall";
import { OpenSurveys } from "@/components/surveys/open-surveys";
import { PaginationNav } from "@/components/ui/pagination-nav";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const { query, params } = await listQueryOrNotFound(searchParams, feedPageSchema);
  const { feed, top } = await pageOrNotFound(
    loadHome(user, { cursor: params.cursor, actions: query.actions }),
  );
  const firstPage = !params.cursor;

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Welcome, {user.name.split(" ")[0]}</h1>
      {top ? <OpenSurveys surveys={top.surveys} timeZone={user.timeZone} /> : null}
      {feed.pinned.length ? (
        <section aria-labelledby="pinned-heading" className="space-y-3">
          <h2 id="pinned-heading" className="text-lg font-semibold">
            Pinned
          </h2>
          <FeedList items={feed.pinned} timeZone={user.timeZone} label="Pinned" empty={null} />
        </section>
      ) : null}
      {top ? (
        <OpenActionItems
          page={top.actionItems}
          cursor={query.actions}
          hrefFor={(cursor) => hrefWith("/", query, { actions: cursor })}
        />
      ) : null}
      {top ? <NextSessions next={top.sessions} timeZone={user.timeZone} /> : null}
      {top?.wall ? <HomeWall cards={top.wall} timeZone={user.timeZone} /> : null}
      {top ? (
        <section aria-labelledby="unanswered-heading" className="space-y-3">
          <h2 id="unanswered-heading" className="text-lg font-semibold">
            Unanswered questions in tags you follow
          </h2>
          <FeedList
            items={feed.unanswered}
            timeZone={user.timeZone}
            label="Unanswered questions"
            empty={
              <>
                None right now. <Link href="/tags">Follow tags</Link> to see the questions you could
                help with here.
              </>
            }
          />
        </section>
      ) : null}
      <section aria-labelledby="recent-heading" className="space-y-3">
        <h2 id="recent-heading" className="text-lg font-semibold">
          Recent activity
        </h2>
        <FeedList
          items={feed.recent.items}
          timeZone={user.timeZone}
          label="Recent activity"
          empty={
            firstPage ? (
              <>
                Nothing yet. <Link href="/discussions">Start a discussion</Link> or{" "}
                <Link href="/posts">share what you know</Link>.
              </>
            ) : (
              "Nothing older."
            )
          }
        />
        <PaginationNav
          nextCursor={feed.recent.nextCursor}
          isFirstPage={firstPage}
          hrefFor={(cursor) => hrefWith("/", query, { cursor })}
          label="Recent activity pages"
        />
      </section>
      {top ? (
        <section aria-labelledby="teachers-heading" className="space-y-3">
          <h2 id="teachers-heading" className="text-lg font-semibold">
            Colleagues who can teach what you want to learn
          </h2>
          {top.teachers.length ? (
            <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {top.teachers.map((teacher) => (
                <li key={teacher.id}>
                  <MemberCard
                    member={teacher}
                    note={`Can help with ${teacher.matching.join(", ")}`}
                  />
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-stone-700">
              Nobody yet. <Link href="/profile">Add what you want to learn to your profile</Link>{" "}
              and we&apos;ll show who can teach it.
            </p>
          )}
        </section>
      ) : null}
      {firstPage ? (
        <section
          aria-labelledby="start-heading"
          className="rounded-lg border border-stone-200 bg-white p-5"
        >
          <h2 id="start-heading" className="text-lg font-semibold">
            Get started
          </h2>
          <ul className="mt-3 list-disc space-y-1 pl-6">
            <li>
              <Link href="/profile">
                Tell colleagues what you can teach and what you want to learn
              </Link>
            </li>
            <li>
              <Link href="/members">Find someone who knows what you want to learn</Link>
            </li>
            <li>
              <Link href="/discussions">Ask a question or start a discussion</Link>
            </li>
            <li>
              <Link href="/posts">Share what you know in a knowledge post</Link>
            </li>
            <li>
              <Link href="/tags">Follow the tags you care about</Link>
            </li>
          </ul>
        </section>
      ) : null}
    </div>
  );
}
