// What the chat-webhook admin page shows: the saved URL and the recent deliveries, newest
// first, with keyset pagination.
import "server-only";
import { z } from "zod";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { WebhookDeliveryStatus } from "@/lib/generated/prisma/enums";
import { decodeCursorOrThrow, toPage, type Page } from "@/lib/core/pagination/cursor";
import { getSetting } from "@/lib/core/settings/queries";
import type { DeliveryFilter } from "./schemas";

const PAGE_SIZE = 20;
const cursorKey = z.tuple([z.iso.datetime(), z.string()]);

const DELIVERY_ROW = {
  id: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  lastError: true,
  lastStatus: true,
  createdAt: true,
  deliveredAt: true,
  recognition: {
    select: {
      id: true,
      deletedAt: true,
      hiddenAt: true,
      giver: { select: { name: true } },
      value: { select: { name: true, emoji: true } },
    },
  },
} satisfies Prisma.WebhookDeliverySelect;

export type DeliveryRow = Prisma.WebhookDeliveryGetPayload<{ select: typeof DELIVERY_ROW }>;

export async function getWebhookUrl(actor: Actor): Promise<string> {
  authorize(actor, "read:webhook-delivery:any");
  return getSetting("recognition.webhookUrl");
}

function afterCursor(raw: string | undefined): Prisma.WebhookDeliveryWhereInput {
  if (!raw) return {};
  const [createdAt, id] = decodeCursorOrThrow(raw, cursorKey);
  const at = new Date(createdAt);
  return { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: id } }] };
}

export async function listWebhookDeliveries(
  actor: Actor,
  filter: DeliveryFilter,
): Promise<Page<DeliveryRow>> {
  authorize(actor, "read:webhook-delivery:any");
  const rows = await db.webhookDelivery.findMany({
    where: { ...(filter.status ? { status: filter.status } : {}), ...afterCursor(filter.cursor) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    select: DELIVERY_ROW,
  });
  return toPage(rows, PAGE_SIZE, (row) => [row.createdAt.toISOString(), row.id]);
}

/** How many deliveries are in each status, for the page's summary. */
export async function countDeliveriesByStatus(
  actor: Actor,
): Promise<Record<WebhookDeliveryStatus, number>> {
  authorize(actor, "read:webhook-delivery:any");
  const groups = await db.webhookDelivery.groupBy({ by: ["status"], _count: { _all: true } });
  const counts = { PENDING: 0, DELIVERED: 0, FAILED: 0 };
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}
