// The member's home page as it renders its loaded data (app/(app)/page.tsx loads it): the
// feed in the main column and, on the first page, a side column beside it.
import Link from "next/link";
import type { HomeData, HomeTop } from "@/lib/feed/home";
import type { HomeFeed } from "@/lib/feed/queries";
import { hrefWith } from "@/lib/core/pagination/search-params";
import { OpenActionItems } from "@/components/sessions/after/open-action-items";
import { OpenSurveys } from "@/components/surveys/open-surveys";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { FeedList } from "./feed-item-card";
import { HomeRecognition, HomeSessions, HomeTeachers } from "./home-side";

type HomeQuery = Record<string, string | undefined>;

function PinnedAndUnanswered({ feed, timeZone }: { feed: HomeFeed; timeZone: string }) {
  return (
    <>
      {feed.pinned.length ? (
        <section aria-labelledby="pinned-heading" className="space-y-2">
          <h2 id="pinned-heading" className="text-lg font-semibold">
            Pinned
          </h2>
          <FeedList items={feed.pinned} timeZone={timeZone} label="Pinned" empty={null} />
        </section>
      ) : null}
      <section aria-labelledby="unanswered-heading" className="space-y-2">
        <h2 id="unanswered-heading" className="text-lg font-semibold">
          Unanswered questions in tags you follow
        </h2>
        <FeedList
          items={feed.unanswered}
          timeZone={timeZone}
          label="Unanswered questions"
          empty={
            <>
              None right now. <Link href="/tags">Follow tags</Link> to see the questions you could
              help with here.
            </>
          }
        />
      </section>
    </>
  );
}

function RecentActivity({
  feed,
  timeZone,
  query,
  firstPage,
}: {
  feed: HomeFeed;
  timeZone: string;
  query: HomeQuery;
  firstPage: boolean;
}) {
  return (
    <section aria-labelledby="recent-heading" className="space-y-2">
      <h2 id="recent-heading" className="text-lg font-semibold">
        Recent activity
      </h2>
      <FeedList
        items={feed.recent.items}
        timeZone={timeZone}
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
  );
}

const GET_STARTED = [
  ["/profile", "Tell colleagues what you can teach and what you want to learn"],
  ["/members", "Find someone who knows what you want to learn"],
  ["/discussions", "Ask a question or start a discussion"],
  ["/posts", "Share what you know in a knowledge post"],
  ["/tags", "Follow the tags you care about"],
] as const;

function GetStarted() {
  return (
    <section
      aria-labelledby="start-heading"
      className="rounded-lg border border-stone-200 bg-white p-4 text-sm"
    >
      <h2 id="start-heading" className="text-lg font-semibold">
        Get started
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {GET_STARTED.map(([href, label]) => (
          <li key={href}>
            <Link href={href}>{label}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What is the member's own to act on and who is around: beside the feed on wide screens. */
function SideColumn({
  top,
  query,
  timeZone,
}: {
  top: HomeTop;
  query: HomeQuery;
  timeZone: string;
}) {
  return (
    <div className="min-w-0 space-y-6">
      <OpenActionItems
        page={top.actionItems}
        cursor={query.actions}
        hrefFor={(cursor) => hrefWith("/", query, { actions: cursor })}
      />
      <HomeSessions next={top.sessions} timeZone={timeZone} />
      {top.wall ? <HomeRecognition cards={top.wall} timeZone={timeZone} /> : null}
      <HomeTeachers teachers={top.teachers} />
      <GetStarted />
    </div>
  );
}

/**
 * The member's home: the feed in the main column and, on the first page, a side column of
 * what is theirs (action items, sessions) and who is around (recognition, teachers). One
 * column on a phone, the side parts after the feed. Each item is listed once.
 */
export function HomeView({
  firstName,
  timeZone,
  home: { feed, top },
  query,
  firstPage,
}: {
  firstName: string;
  timeZone: string;
  home: HomeData;
  /** The page's URL query, kept by the pagination links. */
  query: HomeQuery;
  firstPage: boolean;
}) {
  const feedColumn = (
    <div className="min-w-0 space-y-6">
      {top ? <OpenSurveys surveys={top.surveys} timeZone={timeZone} /> : null}
      {top ? <PinnedAndUnanswered feed={feed} timeZone={timeZone} /> : null}
      <RecentActivity feed={feed} timeZone={timeZone} query={query} firstPage={firstPage} />
    </div>
  );
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Welcome, {firstName}</h1>
      {top ? (
        <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
          {feedColumn}
          <SideColumn top={top} query={query} timeZone={timeZone} />
        </div>
      ) : (
        feedColumn
      )}
    </div>
  );
}
