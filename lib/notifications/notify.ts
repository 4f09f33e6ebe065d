// Writing notifications. Callers pass their own transaction client, so a notification is
// saved together with the change that caused it, or not at all.
import type { TransactionClient } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NOTIFICATION_KINDS, type NotificationData, type NotificationKind } from "./kinds";

interface NotificationInput<K extends NotificationKind> {
  /** The member who caused it, or null for the system. */
  actorId: string | null;
  kind: K;
  data: NotificationData<K>;
}

/** The kind's data, checked against its schema. Invalid data is a programming error: throw. */
function validData<K extends NotificationKind>(kind: K, data: unknown): Prisma.InputJsonValue {
  const definition = NOTIFICATION_KINDS[kind];
  if (!definition) throw new Error(`Unknown notification kind "${kind}".`);
  const parsed = definition.data.safeParse(data);
  if (!parsed.success) {
    throw new Error(`Invalid data for notification kind "${kind}": ${parsed.error.message}`);
  }
  return parsed.data as Prisma.InputJsonValue;
}

/** Notifies one member. Nobody is notified about their own action. */
export async function notify<K extends NotificationKind>(
  tx: TransactionClient,
  input: NotificationInput<K> & { recipientId: string },
): Promise<void> {
  const data = validData(input.kind, input.data);
  if (input.recipientId === input.actorId) return;
  await tx.notification.create({
    data: { recipientId: input.recipientId, actorId: input.actorId, kind: input.kind, data },
  });
}

/** Notifies several members of the same thing, in one insert (duplicates and the actor skipped). */
export async function notifyMany<K extends NotificationKind>(
  tx: TransactionClient,
  input: NotificationInput<K> & { recipientIds: readonly string[] },
): Promise<number> {
  const data = validData(input.kind, input.data);
  const recipients = [...new Set(input.recipientIds)].filter((id) => id !== input.actorId);
  if (recipients.length === 0) return 0;
  const { count } = await tx.notification.createMany({
    data: recipients.map((recipientId) => ({
      recipientId,
      actorId: input.actorId,
      kind: input.kind,
      data,
    })),
  });
  return count;
}
