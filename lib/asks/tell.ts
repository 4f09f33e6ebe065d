// Telling members they were asked (and voters that their request was fulfilled): in-app, and by
// email through the notifications' at-once mail, once the kinds are registered in
// lib/notifications/kinds.ts (see ./notification-kinds.ts). Until then this writes nothing.
import type { TransactionClient } from "@/lib/core/db/create-client";
import { isNotificationKind, type NotificationKind } from "@/lib/notifications/kinds";
import { notifyMany } from "@/lib/notifications/notify";
import { ASK_NOTIFICATION_KINDS, type AskNotificationKind } from "./notification-kinds";

export function askKindsRegistered(): boolean {
  return Object.keys(ASK_NOTIFICATION_KINDS).every(isNotificationKind);
}

export async function tell<K extends AskNotificationKind>(
  tx: TransactionClient,
  input: {
    kind: K;
    actorId: string | null;
    recipientIds: readonly string[];
    data: Parameters<(typeof ASK_NOTIFICATION_KINDS)[K]["render"]>[0];
  },
): Promise<number> {
  if (!isNotificationKind(input.kind)) return 0;
  // Registered: the registry's own schema checks the data (it is this module's schema).
  return notifyMany(tx, {
    kind: input.kind as NotificationKind,
    actorId: input.actorId,
    recipientIds: input.recipientIds,
    data: input.data as never,
  });
}
