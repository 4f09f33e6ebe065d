import type { Metadata } from "next";
import { SessionCardList } from "@/components/sessions/session-card";
import { SessionTabs } from "@/components/sessions/session-tabs";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { can, requirePermission } from "@/lib/core/auth/session";
import { listQueryOrNotFound, pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import { listPastSessions } from "@/lib/sessions/queries";
import { sessionListParamsSchema } from "@/lib/sessions/schemas";

export const metadata: Metadata = { title: "Past sessions" };

export default async function PastSessionsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requirePermission("read:session:any");
  const { query, params } = await listQueryOrNotFound(searchParams, sessionListParamsSchema);
  const page = await pageOrNotFound(listPastSessions(viewer, params.cursor));

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Past sessions</h1>
        <p className="text-stone-700">What we have learned together, with the hosts&apos; notes.</p>
      </div>
      <SessionTabs current="/sessions/past" canSchedule={can(viewer, "create:session:any")} />
      <SessionCardList
        sessions={page.items}
        timeZone={viewer.timeZone}
        label="Past sessions"
        empty="No sessions have taken place yet."
      />
      <PaginationNav
        nextCursor={page.nextCursor}
        isFirstPage={!params.cursor}
        hrefFor={(cursor) => hrefWith("/sessions/past", query, { cursor })}
        label="Past session pages"
      />
    </div>
  );
}
