import "server-only";
import { cache } from "react";
import { db } from "@/lib/core/db/client";
import { rows, sql, sqlb } from "@/lib/core/db/typed-sql";
import {
  decodeCursorOrThrow,
  DEFAULT_PAGE_SIZE,
  toPage,
  type Page,
} from "@/lib/core/pagination/cursor";
import { renderNotification } from "./kinds";
import { notificationCursorSchema, type NotificationFilter } from "./schemas";
import { stillVisibleSql } from "./access";

export interface NotificationItem {
  id: string;
  text: string;
  href: string;
  actorName: string | null;
  createdAt: Date;
  readAt: Date | null;
}

/**
 * How many of the member's notifications are unread and still about something they may see
 * (the (recipientId, readAt) index, then ./access's rule). Once per request: the header
 * and the notifications page both ask.
 */
export const unreadCount = cache(async function unreadCount(userId: string): Promise<number> {
  const [row] = await rows(
    db,
    sqlb
      .selectFrom("Notification as n")
      .select(sql<number>`count(*)::int`.as("count"))
      .where((eb) =>
        eb.and([
          eb("n.recipientId", "=", userId),
          eb("n.readAt", "is", null),
          stillVisibleSql("n"),
        ]),
      ),
  );
  return row?.count ?? 0;
});

type NotificationRow = Awaited<ReturnType<typeof notificationRows>>[number];

function notificationRows(
  userId: string,
  options: { cursor?: string; filter?: NotificationFilter },
  take: number,
) {
  const key = options.cursor ? decodeCursorOrThrow(options.cursor, notificationCursorSchema) : null;
  return rows(
    db,
    sqlb
      .selectFrom("Notification as n")
      .leftJoin("User as a", "a.id", "n.actorId")
      .select(["n.id", "n.kind", "n.data", "n.readAt", "n.createdAt", "a.name as actorName"])
      .where((eb) =>
        eb.and([
          eb("n.recipientId", "=", userId),
          stillVisibleSql("n"),
          options.filter === "unread" ? eb("n.readAt", "is", null) : sql<boolean>`TRUE`,
          key
            ? // Stored as UTC `timestamp(3)`; casting the ISO text drops its "Z" and keeps UTC.
              sql<boolean>`(${eb.ref("n.createdAt")}, ${eb.ref("n.id")}) < (${key[0]}::timestamp(3), ${key[1]})`
            : sql<boolean>`TRUE`,
        ]),
      )
      .orderBy("n.createdAt", "desc")
      .orderBy("n.id", "desc")
      .limit(take + 1),
  );
}

/**
 * The member's notifications, newest first, keyset-paginated on (createdAt, id); those about
 * something gone, hidden or deleted are left out (./access).
 */
export async function listNotifications(
  userId: string,
  options: { cursor?: string; filter?: NotificationFilter } = {},
  take = DEFAULT_PAGE_SIZE,
): Promise<Page<NotificationItem>> {
  const page = toPage(await notificationRows(userId, options, take), take, (r) => [
    r.createdAt.toISOString(),
    r.id,
  ]);
  return { nextCursor: page.nextCursor, items: page.items.map(toItem) };
}

function toItem(row: NotificationRow): NotificationItem {
  const { text, href } = renderNotification(row.kind, row.data, { actorName: row.actorName });
  return {
    id: row.id,
    text,
    href,
    actorName: row.actorName,
    createdAt: row.createdAt,
    readAt: row.readAt,
  };
}
