// Marking notifications read. A member only ever touches their own: every write is scoped
// to `recipientId = actor.id`, and someone else's notification reads as "not found".
import { db } from "@/lib/core/db/client";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { NotFound } from "@/lib/core/forms/errors";
import { renderNotification } from "./kinds";
import { markReadSchema, notificationIdSchema } from "./schemas";

const THE_NOTIFICATION = "That notification";

export async function markRead(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:notification:own");
  const parsed = markReadSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id } = parsed.data;
  const { count } = await db.notification.updateMany({
    where: { id, recipientId: actor.id, readAt: null },
    data: { readAt: new Date() },
  });
  if (count === 0) {
    const own = await db.notification.count({ where: { id, recipientId: actor.id } });
    if (own === 0) throw new NotFound(THE_NOTIFICATION);
  }
  return success("Marked as read.");
}

export async function markAllRead(actor: Actor, _input?: unknown): Promise<ActionResult> {
  authorize(actor, "update:notification:own");
  const { count } = await db.notification.updateMany({
    where: { recipientId: actor.id, readAt: null },
    data: { readAt: new Date() },
  });
  if (count === 0) return success("You have no unread notifications.");
  return success(
    count === 1 ? "Marked 1 notification as read." : `Marked ${count} notifications as read.`,
  );
}

/**
 * Opening a notification from the centre: marks it read and gives the path it leads to, or
 * null when the id is malformed, unknown or someone else's.
 */
export async function openNotification(actor: Actor, rawId: string): Promise<string | null> {
  authorize(actor, "update:notification:own");
  const id = notificationIdSchema.safeParse(rawId);
  if (!id.success) return null;
  const notification = await db.notification.findFirst({
    where: { id: id.data, recipientId: actor.id },
    select: { id: true, kind: true, data: true, readAt: true },
  });
  if (!notification) return null;
  if (!notification.readAt) {
    await db.notification.updateMany({
      where: { id: notification.id, readAt: null },
      data: { readAt: new Date() },
    });
  }
  return renderNotification(notification.kind, notification.data, { actorName: null }).href;
}
