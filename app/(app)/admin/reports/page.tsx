import { plural } from "@/lib/core/format";
import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/core/auth/session";
import { moderateQueueItemAction } from "@/lib/moderation/actions";
import {
  listHiddenContent,
  listReportQueue,
  type HiddenItem,
  type ReportGroup,
} from "@/lib/moderation/queries";
import { reportQueueQuerySchema, type ReportQueueQuery } from "@/lib/moderation/schemas";
import { listQueryOrNotFound, pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import { formatDateTime } from "@/lib/core/date-format";
import { ModeratedItem } from "@/components/moderation/moderated-item";
import { ModerationButtons } from "@/components/moderation/moderation-buttons";
import { PaginationNav } from "@/components/ui/pagination-nav";

export const metadata: Metadata = { title: "Reports · Admin" };

const VIEWS: { view: ReportQueueQuery["view"]; label: string; href: string }[] = [
  { view: "open", label: "Open reports", href: "/admin/reports" },
  { view: "hidden", label: "Hidden content", href: "/admin/reports?view=hidden" },
];

function ViewTabs({ current }: { current: ReportQueueQuery["view"] }) {
  return (
    <nav aria-label="Report views">
      <ul className="flex flex-wrap gap-2">
        {VIEWS.map(({ view, label, href }) => (
          <li key={view}>
            <Link
              href={href}
              aria-current={view === current ? "page" : undefined}
              className={`block rounded-md px-3 py-2 text-sm font-medium no-underline hover:no-underline ${
                view === current
                  ? "bg-brand-700 text-white"
                  : "border border-stone-300 bg-white text-stone-800 hover:bg-stone-100"
              }`}
            >
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function ReportGroupItem({ group, timeZone }: { group: ReportGroup; timeZone: string }) {
  const { item } = group;
  const shownAll = group.reasons.length === group.reportCount;
  return (
    <ModeratedItem
      item={item}
      headingId={`report-${item.targetType}-${item.targetId}`}
      details={`${plural(group.reportCount, "report", "reports")}, latest ${formatDateTime(group.latestReportAt, timeZone)}`}
    >
      <div>
        <h3 className="text-sm font-medium text-stone-800">
          {shownAll ? "Reasons" : `Latest ${group.reasons.length} reasons`}
        </h3>
        <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-stone-800">
          {group.reasons.map((r, i) => (
            <li key={i} className="break-words">
              {r.reason} <span className="text-stone-600">— {r.reporter}</span>
            </li>
          ))}
        </ul>
      </div>
      <ModerationButtons
        action={moderateQueueItemAction}
        targetType={item.targetType}
        targetId={item.targetId}
        hidden={Boolean(item.hiddenAt)}
        hasOpenReports
        exists={item.exists}
      />
    </ModeratedItem>
  );
}

function HiddenContentItem({ hidden, timeZone }: { hidden: HiddenItem; timeZone: string }) {
  const { item } = hidden;
  return (
    <ModeratedItem
      item={item}
      headingId={`hidden-${item.targetType}-${item.targetId}`}
      details={`Hidden ${formatDateTime(hidden.hiddenAt, timeZone)}`}
    >
      <ModerationButtons
        action={moderateQueueItemAction}
        targetType={item.targetType}
        targetId={item.targetId}
        hidden
      />
    </ModeratedItem>
  );
}

const LIST_CLASSES = "divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white";

async function OpenReports({ query, timeZone }: { query: ReportQueueQuery; timeZone: string }) {
  const page = await pageOrNotFound(listReportQueue(query));
  return (
    <>
      {page.items.length === 0 ? (
        <p className="text-stone-700">No open reports. Nothing needs your attention.</p>
      ) : (
        <ul aria-label="Reported items" className={LIST_CLASSES}>
          {page.items.map((group) => (
            <ReportGroupItem
              key={`${group.item.targetType}:${group.item.targetId}`}
              group={group}
              timeZone={timeZone}
            />
          ))}
        </ul>
      )}
      <PaginationNav
        nextCursor={page.nextCursor}
        isFirstPage={!query.cursor}
        hrefFor={(cursor) => hrefWith("/admin/reports", {}, { cursor })}
        label="Report pages"
      />
    </>
  );
}

async function HiddenContent({ query, timeZone }: { query: ReportQueueQuery; timeZone: string }) {
  const page = await pageOrNotFound(listHiddenContent(query));
  return (
    <>
      {page.items.length === 0 ? (
        <p className="text-stone-700">Nothing is hidden.</p>
      ) : (
        <ul aria-label="Hidden items" className={LIST_CLASSES}>
          {page.items.map((hidden) => (
            <HiddenContentItem
              key={`${hidden.item.targetType}:${hidden.item.targetId}`}
              hidden={hidden}
              timeZone={timeZone}
            />
          ))}
        </ul>
      )}
      <PaginationNav
        nextCursor={page.nextCursor}
        isFirstPage={!query.cursor}
        hrefFor={(cursor) => hrefWith("/admin/reports", { view: "hidden" }, { cursor })}
        label="Hidden content pages"
      />
    </>
  );
}

export default async function AdminReportsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const user = await requirePermission("read:report:any");
  const { params } = await listQueryOrNotFound(searchParams, reportQueueQuerySchema);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Reports</h1>
        <p className="text-stone-700">
          Hide what breaks the community&apos;s rules (only admins will see it), or dismiss the
          reports when nothing is wrong. Hidden content can be restored at any time.
        </p>
      </div>
      <ViewTabs current={params.view} />
      {params.view === "hidden" ? (
        <HiddenContent query={params} timeZone={user.timeZone} />
      ) : (
        <OpenReports query={params} timeZone={user.timeZone} />
      )}
    </div>
  );
}
