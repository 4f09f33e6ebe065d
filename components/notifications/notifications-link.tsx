"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

function BellIcon() {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor">
      <path
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
        d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0"
      />
    </svg>
  );
}

/**
 * The header's way to the notification centre. Screen readers hear "Notifications, 3
 * unread"; sighted people see a bell (plus the word from the small breakpoint up) and a
 * count badge.
 */
export function NotificationsLink({ unread }: { unread: number }) {
  const current = usePathname().startsWith("/notifications");
  return (
    <Link
      href="/notifications"
      aria-label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications"}
      title="Notifications"
      aria-current={current ? "page" : undefined}
      className={`relative flex min-h-10 items-center gap-2 rounded-md px-3 py-2 text-sm font-medium no-underline hover:bg-brand-50 hover:no-underline ${
        current ? "bg-brand-50 text-brand-800" : "text-stone-700"
      }`}
    >
      <BellIcon />
      <span className="hidden 2xl:inline" aria-hidden>
        Notifications
      </span>
      {unread > 0 ? (
        <>
          <span
            aria-hidden
            className="min-w-5 rounded-full bg-brand-700 px-1.5 text-center text-xs leading-5 font-semibold text-white"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        </>
      ) : null}
    </Link>
  );
}
