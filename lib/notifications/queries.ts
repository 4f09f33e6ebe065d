import "server-only";
import { cache } from "react";
import { db } from "@/lib/core/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursorOrThrow, DEFAULT_PAGE_SIZE, toPage, type Page } from "@/lib/core/pagination/cursor";
import { renderNotification } from "./kinds";
import { notificationCursorSchema, type NotificationFilter } from "./schemas";

export interface NotificationItem {
  id: string;
  text: string;
  href: string;
  actorName: string | null;
  createdAt: Date;
  readAt: Date | null;
}

/**
 * How many of the member's notifications are unread (the (recipientId, readAt) index). Once
 * per request: the header and the notifications page both ask.
 */
export const unreadCount = cache(function unreadCount(userId: string): Promise<number> {
  return db.notification.count({ where: { recipientId: userId, readAt: null } });
});

interface NotificationRow {
  id: string;
  kind: string;
  data: unknown;
  readAt: Date | null;
  createdAt: Date;
  actorName: string | null;
}

function afterCursor(raw: string | undefined): Prisma.Sql {
  if (!raw) return Prisma.sql`TRUE`;
  const key = decodeCursorOrThrow(raw, notificationCursorSchema);
  // Stored as UTC `timestamp(3)`; casting the ISO text drops its "Z" and keeps UTC.
  return Prisma.sql`(n."createdAt", n."id") < (${key[0]}::timestamp(3), ${key[1]})`;
}

/** The member's notifications, newest first, keyset-paginated on (createdAt, id). */
export async function listNotifications(
  userId: string,
  options: { cursor?: string; filter?: NotificationFilter } = {},
  take = DEFAULT_PAGE_SIZE,
): Promise<Page<NotificationItem>> {
  const unreadOnly =
    options.filter === "unread" ? Prisma.sql`n."readAt" IS NULL` : Prisma.sql`TRUE`;
  const rows = await db.$queryRaw<NotificationRow[]>`
    SELECT n."id", n."kind", n."data", n."readAt", n."createdAt", a."name" AS "actorName"
    FROM "Notification" n
    LEFT JOIN "User" a ON a."id" = n."actorId"
    WHERE n."recipientId" = ${userId} AND ${unreadOnly} AND ${afterCursor(options.cursor)}
    ORDER BY n."createdAt" DESC, n."id" DESC
    LIMIT ${take + 1}`;
  const page = toPage(rows, take, (r) => [r.createdAt.toISOString(), r.id]);
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
