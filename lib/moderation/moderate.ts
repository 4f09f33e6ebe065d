// Admins hide reported (or any) content from everyone but admins, restore it, or dismiss
// its reports; the leads of a community hide and restore what is in it. Each change, its
// counters, its reports and its audit entry are one transaction.
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { authorizeContentModeration } from "@/lib/communities/access";
import { recordAudit } from "@/lib/core/audit/record";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { NotFound } from "@/lib/core/forms/errors";
import type { ReportStatus, ReportTarget } from "@/lib/generated/prisma/enums";
import {
  moderationIntentSchema,
  moderationTargetSchema,
  type ModerationIntent,
  type ModerationTarget,
} from "./schemas";
import {
  refreshParentCounters,
  AUDIT_ENTITY_TYPES,
  communityOfItem,
  findModeratedItem,
  switchHiddenAt,
  type ModeratedItem,
} from "./targets";
import { TARGET_NAMES } from "./labels";

const PERMISSION = "update:content-visibility:any";

type Parsed = { ok: true; target: ModerationTarget } | { ok: false; result: ActionResult };

/** The target, parsed; who may act on it is checked with the item (it may be in a community). */
function parseTarget(input: unknown): Parsed {
  const parsed = moderationTargetSchema.safeParse(input);
  return parsed.success
    ? { ok: true, target: parsed.data }
    : { ok: false, result: invalid(parsed.error) };
}

async function existingItem(
  tx: TransactionClient,
  type: ReportTarget,
  id: string,
): Promise<ModeratedItem> {
  const item = await findModeratedItem(tx, type, id);
  if (!item) throw new NotFound(`That ${TARGET_NAMES[type]}`);
  return item;
}

/** The item, once the actor is known to be an admin or a lead of the item's community. */
async function itemToModerate(
  tx: TransactionClient,
  actor: Actor,
  type: ReportTarget,
  id: string,
): Promise<ModeratedItem> {
  const item = await findModeratedItem(tx, type, id);
  const communityId = item ? await communityOfItem(tx, type, item) : null;
  await authorizeContentModeration(tx, actor, PERMISSION, communityId);
  if (!item) throw new NotFound(`That ${TARGET_NAMES[type]}`);
  return item;
}

/** Closes the item's open reports as handled (RESOLVED) or as no problem (DISMISSED). */
async function closeOpenReports(
  tx: TransactionClient,
  actor: Actor,
  { targetType, targetId }: ModerationTarget,
  status: Exclude<ReportStatus, "OPEN">,
): Promise<number> {
  const { count } = await tx.report.updateMany({
    where: { targetType, targetId, status: "OPEN" },
    data: { status, resolvedAt: new Date(), resolvedById: actor.id },
  });
  return count;
}

function reportsPhrase(count: number, verb: string): string {
  if (count === 0) return "";
  return count === 1 ? ` 1 open report ${verb}.` : ` ${count} open reports ${verb}.`;
}

/** Hides the item from everyone but admins and resolves its open reports. */
export async function hideContent(actor: Actor, input: unknown): Promise<ActionResult> {
  const parsed = parseTarget(input);
  if (!parsed.ok) return parsed.result;
  const { target } = parsed;
  const name = TARGET_NAMES[target.targetType];

  return db.$transaction(async (tx) => {
    const item = await itemToModerate(tx, actor, target.targetType, target.targetId);
    const hiddenAt = new Date();
    if (!(await switchHiddenAt(tx, target.targetType, item.id, hiddenAt))) {
      return success(`This ${name} is already hidden.`);
    }
    await refreshParentCounters(tx, target.targetType, item);
    const resolved = await closeOpenReports(tx, actor, target, "RESOLVED");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "content.hide",
      entityType: AUDIT_ENTITY_TYPES[target.targetType],
      entityId: item.id,
      before: { hiddenAt: null },
      after: { hiddenAt, reason: target.reason, reportsResolved: resolved },
    });
    return success(
      `This ${name} is now hidden from everyone but admins.${reportsPhrase(resolved, "resolved")}`,
    );
  });
}

/** Shows a hidden item again. Its reports stay as they were closed. */
export async function restoreContent(actor: Actor, input: unknown): Promise<ActionResult> {
  const parsed = parseTarget(input);
  if (!parsed.ok) return parsed.result;
  const { target } = parsed;
  const name = TARGET_NAMES[target.targetType];

  return db.$transaction(async (tx) => {
    const item = await itemToModerate(tx, actor, target.targetType, target.targetId);
    if (!(await switchHiddenAt(tx, target.targetType, item.id, null))) {
      return success(`This ${name} is not hidden.`);
    }
    await refreshParentCounters(tx, target.targetType, item);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "content.restore",
      entityType: AUDIT_ENTITY_TYPES[target.targetType],
      entityId: item.id,
      before: { hiddenAt: item.hiddenAt },
      after: { hiddenAt: null, reason: target.reason },
    });
    return success(`This ${name} is visible again.`);
  });
}

/**
 * Marks the item's open reports DISMISSED (nothing wrong); the content stays. Works for an
 * item that no longer exists, so its reports can leave the queue.
 */
export async function dismissReports(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, PERMISSION);
  const parsed = parseTarget(input);
  if (!parsed.ok) return parsed.result;
  const { target } = parsed;
  const name = TARGET_NAMES[target.targetType];

  return db.$transaction(async (tx) => {
    const dismissed = await closeOpenReports(tx, actor, target, "DISMISSED");
    if (dismissed === 0) {
      const item = await existingItem(tx, target.targetType, target.targetId);
      return success(`This ${name} has no open reports${item.hiddenAt ? "; it is hidden" : ""}.`);
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "reports.dismiss",
      entityType: AUDIT_ENTITY_TYPES[target.targetType],
      entityId: target.targetId,
      after: { reportsDismissed: dismissed, reason: target.reason },
    });
    return success(
      `${dismissed === 1 ? "Report" : "Reports"} dismissed; the ${name} stays as it is.`,
    );
  });
}

const SERVICES: Record<ModerationIntent, (actor: Actor, input: unknown) => Promise<ActionResult>> =
  { hide: hideContent, restore: restoreContent, dismiss: dismissReports };

/** One entry point for forms whose buttons say what to do (`intent`: hide/restore/dismiss). */
export async function moderateContent(actor: Actor, input: unknown): Promise<ActionResult> {
  const parsed = moderationIntentSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return SERVICES[parsed.data.intent](actor, input);
}
