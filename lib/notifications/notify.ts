// Writing notifications. Callers pass their own transaction client, so a notification is
// saved together with the change that caused it, or not at all.
import type { TransactionClient } from "@/lib/core/db/create-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NOTIFICATION_KINDS, type NotificationData, type NotificationKind } from "./kinds";
import { enqueueImmediateMail } from "./mail-queue";

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

/**
 * Notifies one member. Nobody is notified about their own action. When the member gets this
 * kind by email immediately, their mail job is enqueued in the same transaction.
 */
export async function notify<K extends NotificationKind>(
  tx: TransactionClient,
  input: NotificationInput<K> & { recipientId: string },
): Promise<void> {
  const data = validData(input.kind, input.data);
  if (input.recipientId === input.actorId) return;
  await tx.notification.create({
    data: { recipientId: input.recipientId, actorId: input.actorId, kind: input.kind, data },
  });
  await enqueueImmediateMail(tx, input.kind, [input.recipientId]);
}

/**
 * Notifies several members of the same thing, in one insert (duplicates and the actor
 * skipped), with one preference query for the mail jobs.
 */
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
  await enqueueImmediateMail(tx, input.kind, recipients);
  return count;
}

interface RetractInput<K extends NotificationKind> {
  kind: K;
  /** Whose notifications; every member's when left out (then `data` must narrow it well). */
  recipientIds?: readonly string[];
  /** Stored data fields the notifications must have, e.g. `{ replyId }`; `{}` for any. */
  data: Partial<NotificationData<K>>;
  /** Only those not read yet (a newer notification of the same kind replaces them). */
  unreadOnly?: boolean;
}

/**
 * Withdraws notifications whose cause was undone or replaced — an answer no longer accepted,
 * a recognition deleted or unfeatured, a host removed, a mention edited out — in the caller's
 * transaction, so the notification centre never states what is no longer true. Returns how
 * many were removed.
 */
export async function retract<K extends NotificationKind>(
  tx: TransactionClient,
  input: RetractInput<K>,
): Promise<number> {
  const fields = Object.entries(input.data).filter(([, value]) => value !== undefined);
  if (fields.length === 0 && !input.recipientIds)
    throw new Error("retract() needs recipients or a data field to match.");
  if (input.recipientIds?.length === 0) return 0;
  const { count } = await tx.notification.deleteMany({
    where: {
      kind: input.kind,
      ...(input.recipientIds ? { recipientId: { in: [...new Set(input.recipientIds)] } } : {}),
      ...(input.unreadOnly ? { readAt: null } : {}),
      AND: fields.map(([key, value]) => ({
        data: { path: [key], equals: value as Prisma.InputJsonValue },
      })),
    },
  });
  return count;
}
