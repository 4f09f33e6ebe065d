import type { Metadata } from "next";
import Link from "next/link";
import { SessionsByWeek } from "@/components/sessions/session-card";
import { SessionTabs } from "@/components/sessions/session-tabs";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { can, requirePermission } from "@/lib/core/auth/session";
import { listQueryOrNotFound, pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import { listUpcomingSessions } from "@/lib/sessions/queries";
import { sessionListParamsSchema } from "@/lib/sessions/schemas";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requirePermission("read:session:any");
  const { query, params } = await listQueryOrNotFound(searchParams, sessionListParamsSchema);
  const page = await pageOrNotFound(listUpcomingSessions(viewer, params.cursor));
  const canSchedule = can(viewer, "create:session:any");

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Sessions</h1>
        <p className="text-stone-700">
          Lunch-and-learns, workshops, guest speakers, book clubs and retrospectives: where we learn
          from each other. Times are shown in your time zone ({viewer.timeZone}).
        </p>
      </div>
      <SessionTabs current="/sessions" canSchedule={canSchedule} />
      {page.items.length ? (
        <SessionsByWeek sessions={page.items} timeZone={viewer.timeZone} />
      ) : (
        <p className="text-stone-700">
          No sessions are coming up.{" "}
          {canSchedule ? (
            <Link href="/sessions/new">Schedule one</Link>
          ) : (
            <Link href="/sessions/proposals">Propose a topic</Link>
          )}
          .
        </p>
      )}
      <PaginationNav
        nextCursor={page.nextCursor}
        isFirstPage={!params.cursor}
        hrefFor={(cursor) => hrefWith("/sessions", query, { cursor })}
        label="Session pages"
      />
    </div>
  );
}
