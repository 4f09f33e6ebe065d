// Privacy at send time: which of a member's notifications they may still be told about by
// mail. The rule is the one the list and the unread count apply (./access): one statement
// for the whole batch.
import type { Database } from "@/lib/core/db/create-client";
import { rows } from "@/lib/core/db/typed-sql";
import { visibleNotificationIds } from "./access";

/** The notifications (of one member) that may still go out by mail. */
export async function stillVisible<T extends { id: string }>(
  client: Database,
  memberId: string,
  notifications: readonly T[],
): Promise<T[]> {
  if (notifications.length === 0) return [];
  const ids = notifications.map((notification) => notification.id);
  const visible = new Set(
    (await rows(client, visibleNotificationIds(memberId, ids))).map((row) => row.id),
  );
  return notifications.filter((notification) => visible.has(notification.id));
}
