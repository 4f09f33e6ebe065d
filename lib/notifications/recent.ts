// The bell menu's notifications, as JSON for app/api/notifications/recent: the newest few
// with the unread count. Reading never marks anything read; each item links through
// /notifications/<id>/open, which marks that one read.
import "server-only";
import { listNotifications, unreadCount } from "./queries";

/** The most the menu asks for (it shows this many). */
export const RECENT_LIMIT = 8;

export interface RecentNotification {
  id: string;
  text: string;
  /** The open route: marks this one read, then redirects to where it points. */
  href: string;
  createdAt: string;
  unread: boolean;
}

export interface RecentNotifications {
  unread: number;
  items: RecentNotification[];
  /** Whether older notifications exist beyond these. */
  more: boolean;
}

export async function recentNotifications(
  userId: string,
  take = RECENT_LIMIT,
): Promise<RecentNotifications> {
  const [page, unread] = await Promise.all([
    listNotifications(userId, {}, take),
    unreadCount(userId),
  ]);
  return {
    unread,
    more: page.nextCursor !== null,
    items: page.items.map((item) => ({
      id: item.id,
      text: item.text,
      href: `/notifications/${item.id}/open`,
      createdAt: item.createdAt.toISOString(),
      unread: item.readAt === null,
    })),
  };
}
