// Telling members they were asked: in-app, and by email through the notifications' at-once
// mail (each member's preference for "ask.received"), in the caller's transaction. Everyone
// asked in one round gets the same notification: one insert and one preference query.
import type { TransactionClient } from "@/lib/core/db/create-client";
import type { NotificationData } from "@/lib/notifications/kinds";
import { notifyMany } from "@/lib/notifications/notify";

export async function tellAsked(
  tx: TransactionClient,
  input: {
    actorId: string | null;
    memberIds: readonly string[];
    data: NotificationData<"ask.received">;
  },
): Promise<void> {
  await notifyMany(tx, {
    kind: "ask.received",
    actorId: input.actorId,
    recipientIds: input.memberIds,
    data: input.data,
  });
}
