// Test data for notifications: rows straight into the database, and lookups by recipient.
import type { Prisma } from "@/lib/generated/prisma/client";
import { testDb } from "./db";

export function createNotification(
  recipientId: string,
  overrides: Partial<{
    actorId: string | null;
    kind: string;
    data: Prisma.InputJsonValue;
    readAt: Date | null;
    createdAt: Date;
  }> = {},
) {
  return testDb.notification.create({
    data: {
      recipientId,
      actorId: null,
      kind: "member.role_changed",
      data: { role: "LEADER" },
      ...overrides,
    },
  });
}

export function notificationsFor(recipientId: string) {
  return testDb.notification.findMany({
    where: { recipientId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}
