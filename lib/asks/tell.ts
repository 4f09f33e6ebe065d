// Telling members they were asked: in-app, and by email through the notifications' at-once
// mail (the member's preference for "ask.received"), in the caller's transaction.
import type { TransactionClient } from "@/lib/core/db/create-client";
import type { NotificationData } from "@/lib/notifications/kinds";
import { notify } from "@/lib/notifications/notify";

export async function tellAsked(
  tx: TransactionClient,
  input: { actorId: string | null; memberId: string; data: NotificationData<"ask.received"> },
): Promise<void> {
  await notify(tx, {
    kind: "ask.received",
    actorId: input.actorId,
    recipientId: input.memberId,
    data: input.data,
  });
}
