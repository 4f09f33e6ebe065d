// Action items from a session: what, who owns it, by when, and whether it is done. Hosts and
// leaders/admins add, edit and delete them; the owner (or a manager) ticks them off. A new
// owner is notified in the same transaction as the change; a former owner's notification is
// withdrawn when the item is reassigned or deleted.
import { readableContentWhere } from "@/lib/communities/visibility";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import { notify, retract } from "@/lib/notifications/notify";
import { ownsActionItem, sessionForManager } from "@/lib/sessions/access";
import {
  actionItemIdSchema,
  addActionItemSchema,
  editActionItemSchema,
  setActionItemDoneSchema,
} from "./schemas";
import { NOTES_LIMITS } from "@/lib/sessions/limits";
import { assertNotesOpen } from "./notes";

const THE_ACTION_ITEM = "That action item";

/** The owner-to-be: an active member, or a message beside the owner field. */
async function activeOwner(tx: TransactionClient, ownerId: string) {
  const owner = await tx.user.findUnique({
    where: { id: ownerId },
    select: { id: true, name: true, status: true },
  });
  if (!owner) {
    const message = "Choose the owner from the suggested members.";
    throw new DomainError(message, { ownerId: [message] });
  }
  if (owner.status !== "ACTIVE") {
    const message = `${owner.name} has been deactivated and can't own an action item. Choose an active member.`;
    throw new DomainError(message, { ownerId: [message] });
  }
  return owner;
}

async function notifyOwner(
  tx: TransactionClient,
  actor: Actor,
  session: { id: string; title: string },
  item: { id: string; ownerId: string; title: string },
): Promise<void> {
  await notify(tx, {
    recipientId: item.ownerId,
    actorId: actor.id,
    kind: "session.action_item_assigned",
    data: { sessionId: session.id, title: session.title, item: item.title, itemId: item.id },
  });
}

/** The owner's "gave you an action item" goes when the item is theirs no more. */
async function retractOwnerNotice(
  tx: TransactionClient,
  item: { id: string; ownerId: string },
): Promise<void> {
  await retract(tx, {
    kind: "session.action_item_assigned",
    recipientIds: [item.ownerId],
    data: { itemId: item.id },
  });
}

/** The item and its session (locked), for a change only the session's managers may make. */
async function itemForManager(tx: TransactionClient, actor: Actor, id: string) {
  const found = await tx.sessionActionItem.findUnique({
    where: { id },
    select: { sessionId: true },
  });
  if (!found) throw new NotFound(THE_ACTION_ITEM);
  const session = await sessionForManager(tx, actor, found.sessionId);
  // Read again under the session's lock: a concurrent delete may have removed it.
  const item = await tx.sessionActionItem.findUnique({ where: { id } });
  if (!item) throw new NotFound(THE_ACTION_ITEM);
  return { session, item };
}

/** Adds an action item to a session that has started, and tells its owner. */
export async function addActionItem(
  actor: Actor,
  input: unknown,
): Promise<ActionResult<{ id: string }>> {
  authorize(actor, "update:session:own");
  const parsed = addActionItemSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { sessionId, ...fields } = parsed.data;
  return db.$transaction(async (tx) => {
    const session = await sessionForManager(tx, actor, sessionId);
    assertNotesOpen(session, "action items");
    const count = await tx.sessionActionItem.count({ where: { sessionId } });
    if (count >= NOTES_LIMITS.maxActionItems) {
      throw new DomainError(
        `A session can have at most ${NOTES_LIMITS.maxActionItems} action items. Delete one first.`,
      );
    }
    await activeOwner(tx, fields.ownerId);
    const item = await tx.sessionActionItem.create({
      data: { sessionId, ...fields },
      select: { id: true },
    });
    await notifyOwner(tx, actor, session, { ...fields, id: item.id });
    return { ok: true, message: "Action item added.", data: item };
  });
}

/** Changes an item's text, owner or due date; a new owner is told. */
export async function editActionItem(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:session:own");
  const parsed = editActionItemSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, ...fields } = parsed.data;
  await db.$transaction(async (tx) => {
    const { session, item } = await itemForManager(tx, actor, id);
    assertNotesOpen(session, "action items");
    const newOwner = fields.ownerId !== item.ownerId;
    if (newOwner) await activeOwner(tx, fields.ownerId);
    await tx.sessionActionItem.update({ where: { id }, data: fields });
    if (newOwner) {
      await retractOwnerNotice(tx, item);
      await notifyOwner(tx, actor, session, { ...fields, id });
    }
  });
  return success("Action item saved.");
}

export async function deleteActionItem(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:session:own");
  const parsed = actionItemIdSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  await db.$transaction(async (tx) => {
    const { item } = await itemForManager(tx, actor, parsed.data.id);
    await tx.sessionActionItem.delete({ where: { id: item.id } });
    await retractOwnerNotice(tx, item);
  });
  return success("Action item deleted.");
}

/** Marks an item done or not done: by its owner, or by one of the session's managers. */
export async function setActionItemDone(actor: Actor, input: unknown): Promise<ActionResult> {
  const parsed = setActionItemDoneSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, done } = parsed.data;
  await db.$transaction(async (tx) => {
    const item = await tx.sessionActionItem.findFirst({
      where: { id, session: { AND: [readableContentWhere(actor)] } },
      select: { ownerId: true, sessionId: true },
    });
    if (!item) throw new NotFound(THE_ACTION_ITEM);
    // Its owner, or else one of the session's managers (mayTickActionItem), whose session
    // row is locked for the change.
    if (ownsActionItem(actor, item)) authorize(actor, "update:action-item:own");
    else await sessionForManager(tx, actor, item.sessionId);
    // Keeps the first "done" time when it is ticked twice.
    await tx.sessionActionItem.updateMany({
      where: { id, doneAt: done ? null : { not: null } },
      data: { doneAt: done ? new Date() : null },
    });
  });
  return success(done ? "Marked as done." : "Marked as not done.");
}
