import type { Metadata } from "next";
import { When } from "@/components/discussions/when";
import Link from "next/link";
import { listQueryOrNotFound, pageOrNotFound } from "@/lib/core/pagination/page-or-not-found";
import { requireUser } from "@/lib/core/auth/session";
import { hrefWith, type SearchParams } from "@/lib/core/pagination/search-params";
import { listNotifications, unreadCount, type NotificationItem } from "@/lib/notifications/queries";
import { notificationsPageSchema, type NotificationFilter } from "@/lib/notifications/schemas";
import { MarkAllReadForm } from "@/components/notifications/mark-all-read-form";
import { MarkReadForm } from "@/components/notifications/mark-read-form";
import { PaginationNav } from "@/components/ui/pagination-nav";

export const metadata: Metadata = { title: "Notifications" };

const FILTER_LABELS: Record<NotificationFilter, string> = { all: "All", unread: "Unread" };

function FilterLinks({ current }: { current: NotificationFilter }) {
  return (
    <nav aria-label="Filter notifications">
      <ul className="flex gap-2">
        {(["all", "unread"] as const).map((filter) => (
          <li key={filter}>
            <Link
              href={filter === "all" ? "/notifications" : "/notifications?filter=unread"}
              aria-current={filter === current ? "page" : undefined}
              className={`block rounded-md border px-3 py-1.5 text-sm font-medium no-underline hover:no-underline ${
                filter === current
                  ? "border-brand-700 bg-brand-700 text-white"
                  : "border-stone-300 bg-white text-stone-800 hover:bg-stone-100"
              }`}
            >
              {FILTER_LABELS[filter]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Item({ item, timeZone }: { item: NotificationItem; timeZone: string }) {
  const unread = item.readAt === null;
  return (
    <li
      className={`flex flex-col gap-3 border-l-4 p-4 sm:flex-row sm:items-start sm:justify-between ${
        unread ? "border-l-brand-700 bg-brand-50" : "border-l-transparent"
      }`}
    >
      <div className="min-w-0 space-y-1">
        <p className="flex flex-wrap items-baseline gap-2">
          {unread ? (
            <span className="rounded bg-brand-700 px-2 py-0.5 text-xs font-semibold text-white">
              Unread
            </span>
          ) : null}
          {/* A plain link: opening marks the notification read, so it must not be prefetched. */}
          <a
            href={`/notifications/${item.id}/open`}
            className={`break-words ${unread ? "font-semibold" : ""}`}
          >
            {item.text}
          </a>
        </p>
        <span className="block text-sm text-stone-600">
          <When date={item.createdAt} timeZone={timeZone} />
        </span>
      </div>
      <MarkReadForm id={item.id} unread={unread} text={item.text} />
    </li>
  );
}

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const user = await requireUser();
  const { query, params } = await listQueryOrNotFound(searchParams, notificationsPageSchema);
  const { filter, cursor } = params;
  const [page, unread] = await Promise.all([
    pageOrNotFound(listNotifications(user.id, { filter, cursor })),
    unreadCount(user.id),
  ]);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">Notifications</h1>
          <p className="text-stone-700">{unread === 0 ? "Nothing unread." : `${unread} unread.`}</p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Link href="/account/notifications" className="text-sm underline">
            Email preferences
          </Link>
          <MarkAllReadForm unread={unread} />
        </div>
      </div>
      <FilterLinks current={filter} />
      {page.items.length === 0 ? (
        <p className="text-stone-700">
          {filter === "unread"
            ? "You have no unread notifications."
            : "You have no notifications yet."}
        </p>
      ) : (
        <ol
          aria-label="Notifications"
          className="divide-y divide-stone-200 overflow-hidden rounded-lg border border-stone-200 bg-white"
        >
          {page.items.map((item) => (
            <Item key={item.id} item={item} timeZone={user.timeZone} />
          ))}
        </ol>
      )}
      <PaginationNav
        nextCursor={page.nextCursor}
        isFirstPage={!cursor}
        hrefFor={(next) => hrefWith("/notifications", query, { cursor: next })}
        label="Notification pages"
      />
    </div>
  );
}
