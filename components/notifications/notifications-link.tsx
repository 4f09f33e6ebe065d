"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useSyncExternalStore } from "react";
import { BellIcon, bellClasses, bellLabel, UnreadBadge } from "./bell";
import { NotificationsMenu } from "./notifications-menu";

const never = () => () => {};

/**
 * The header's bell with its unread count. Once the page's script runs it opens a menu of
 * the newest notifications; before that, and without JavaScript, it is a link to the
 * notification centre. Screen readers hear "Notifications, 3 unread".
 */
export function NotificationsLink({ unread, timeZone }: { unread: number; timeZone: string }) {
  const current = usePathname().startsWith("/notifications");
  const scripted = useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
  if (scripted) return <NotificationsMenu unread={unread} current={current} timeZone={timeZone} />;
  return (
    <Link
      href="/notifications"
      aria-label={bellLabel(unread)}
      title="Notifications"
      aria-current={current ? "page" : undefined}
      className={bellClasses(current)}
    >
      <BellIcon />
      <span className="hidden 2xl:inline" aria-hidden>
        Notifications
      </span>
      <UnreadBadge unread={unread} />
    </Link>
  );
}
