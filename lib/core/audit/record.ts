// The audit trail: who did what to which record, when, with the record's state before and
// after. Entries are written inside the caller's transaction, so an audited change and its
// entry are saved together or not at all.
import { Prisma } from "@/lib/generated/prisma/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import type { AuditAction } from "./actions";

export interface AuditEntry {
  /** The member who acted; null for the system (scripts, seeds). */
  actorId: string | null;
  /** What happened, as `entity.verb`, e.g. "member.role.change" (each has a label). */
  action: AuditAction;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Plain JSON for a Json column: dates become ISO strings, undefined/null becomes SQL NULL. */
function toJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (value === undefined || value === null) return Prisma.DbNull;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

export async function recordAudit(tx: TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
}
