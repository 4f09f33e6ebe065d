import "server-only";
import { db } from "@/lib/core/db/client";
import { rows, sqlb } from "@/lib/core/db/typed-sql";
import {
  decodeCursorOrThrow,
  DEFAULT_PAGE_SIZE,
  toPage,
  type Page,
} from "@/lib/core/pagination/cursor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditCursorSchema, type AuditFilter } from "./schemas";

export interface AuditListEntry {
  id: string;
  createdAt: Date;
  action: string;
  entityType: string;
  entityId: string;
  /** A readable name for the entity when it is a member ("User"), else null. */
  entityLabel: string | null;
  actor: { id: string; name: string } | null;
  before: unknown;
  after: unknown;
}

function afterCursor(raw: string | undefined): Prisma.AuditLogWhereInput {
  if (!raw) return {};
  const key = decodeCursorOrThrow(raw, auditCursorSchema);
  const createdAt = new Date(key[0]);
  return { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: key[1] } }] };
}

async function memberNames(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const members = await db.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true },
  });
  return new Map(members.map((m) => [m.id, m.name]));
}

/** Newest first, keyset-paginated on (createdAt, id). */
export async function listAuditEntries(
  filter: AuditFilter,
  take = DEFAULT_PAGE_SIZE,
): Promise<Page<AuditListEntry>> {
  const rows = await db.auditLog.findMany({
    where: {
      AND: [
        filter.action ? { action: filter.action } : {},
        filter.entityType ? { entityType: filter.entityType } : {},
        afterCursor(filter.cursor),
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    include: { actor: { select: { id: true, name: true } } },
  });
  const page = toPage(rows, take, (r) => [r.createdAt.toISOString(), r.id]);
  const names = await memberNames(
    page.items.filter((r) => r.entityType === "User").map((r) => r.entityId),
  );
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      entityLabel: r.entityType === "User" ? (names.get(r.entityId) ?? null) : null,
      actor: r.actor,
      before: r.before,
      after: r.after,
    })),
  };
}

/** The actions and entity types that occur in the log, for the filter menus. */
export async function auditFilterOptions(): Promise<{ actions: string[]; entityTypes: string[] }> {
  const [actions, entityTypes] = await Promise.all([
    rows(db, sqlb.selectFrom("AuditLog").select("action as value").distinct().orderBy("value")),
    rows(db, sqlb.selectFrom("AuditLog").select("entityType as value").distinct().orderBy("value")),
  ]);
  return { actions: actions.map((a) => a.value), entityTypes: entityTypes.map((e) => e.value) };
}
