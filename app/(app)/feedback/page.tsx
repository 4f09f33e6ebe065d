import type { Metadata } from "next";
import Link from "next/link";
import { PrivacyNote } from "@/components/private-feedback/privacy-note";
import { PrivateFeedbackList } from "@/components/private-feedback/feedback-list";
import { buttonClasses } from "@/components/ui/button";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { TabLinks } from "@/components/ui/tab-links";
import { requirePermission } from "@/lib/core/auth/session";
import { listQueryOrNotFound, pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import { listReceived, listSent, unreadFeedbackCount } from "@/lib/private-feedback/queries";
import { feedbackListParamsSchema } from "@/lib/private-feedback/schemas";

export const metadata: Metadata = { title: "Private feedback" };

const TABS = [
  { href: "/feedback", label: "Received" },
  { href: "/feedback?tab=sent", label: "Sent" },
] as const;

export default async function PrivateFeedbackPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const viewer = await requirePermission("read:private-feedback:own");
  const { params } = await listQueryOrNotFound(searchParams, feedbackListParamsSchema);
  const { tab, cursor } = params;
  const [page, unread] = await Promise.all([
    pageOrNotFound(tab === "sent" ? listSent(viewer, cursor) : listReceived(viewer, cursor)),
    unreadFeedbackCount(viewer),
  ]);
  const tabQuery = { tab: tab === "sent" ? "sent" : undefined };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">Private feedback</h1>
          <p className="text-stone-700">{unread === 0 ? "Nothing unread." : `${unread} unread.`}</p>
        </div>
        <Link href="/feedback/new" className={buttonClasses("primary")}>
          Send private feedback
        </Link>
      </div>
      <PrivacyNote who="the member who sends a note and the member who receives it" />
      <TabLinks
        label="Private feedback lists"
        links={TABS}
        current={TABS[tab === "sent" ? 1 : 0].href}
      />
      <PrivateFeedbackList items={page.items} side={tab} timeZone={viewer.timeZone} />
      <PaginationNav
        nextCursor={page.nextCursor}
        isFirstPage={!cursor}
        hrefFor={(next) => hrefWith("/feedback", tabQuery, { cursor: next })}
        label="Private feedback pages"
      />
    </div>
  );
}
