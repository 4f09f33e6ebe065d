// Leaders and admins pin discussions to the top of the list and lock them against new
// replies, and so do the leads of a discussion's community. Each change is in the audit log.
import type { Actor } from "@/lib/core/auth/authorize";
import type { Permission } from "@/lib/core/auth/permissions";
import { authorizeContentModeration } from "@/lib/communities/access";
import { recordAudit } from "@/lib/core/audit/record";
import { db } from "@/lib/core/db/client";
import { rows, sqlb } from "@/lib/core/db/typed-sql";
import type { AuditAction } from "@/lib/core/audit/actions";
import { invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { NotFound } from "@/lib/core/forms/errors";

import { lockSchema, pinSchema } from "./schemas";
import { seesHiddenContent } from "@/lib/core/auth/content-visibility";

type Flag = "pinnedAt" | "lockedAt";

async function setFlag(
  actor: Actor,
  id: string,
  flag: Flag,
  on: boolean,
  action: AuditAction,
  permission: Permission,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const [row] = await rows(
      tx,
      sqlb
        .selectFrom("Discussion")
        .select(["pinnedAt", "lockedAt", "hiddenAt", "deletedAt", "communityId"])
        .where("id", "=", id)
        .forNoKeyUpdate(),
    );
    await authorizeContentModeration(tx, actor, permission, row?.communityId ?? null);
    if (!row || row.deletedAt || (row.hiddenAt && !seesHiddenContent(actor)))
      throw new NotFound("That discussion");
    const previous = row[flag];
    if (Boolean(previous) === on) return;
    const value = on ? new Date() : null;
    await tx.discussion.update({ where: { id }, data: { [flag]: value }, select: { id: true } });
    await recordAudit(tx, {
      actorId: actor.id,
      action,
      entityType: "Discussion",
      entityId: id,
      before: { [flag]: previous },
      after: { [flag]: value },
    });
  });
}

export async function setPinned(actor: Actor, input: unknown): Promise<ActionResult> {
  const parsed = pinSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, pinned } = parsed.data;
  await setFlag(
    actor,
    id,
    "pinnedAt",
    pinned,
    pinned ? "discussion.pin" : "discussion.unpin",
    "update:discussion-pin:any",
  );
  return success(pinned ? "Discussion pinned." : "Discussion unpinned.");
}

export async function setLocked(actor: Actor, input: unknown): Promise<ActionResult> {
  const parsed = lockSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, locked } = parsed.data;
  await setFlag(
    actor,
    id,
    "lockedAt",
    locked,
    locked ? "discussion.lock" : "discussion.unlock",
    "update:discussion-lock:any",
  );
  return success(locked ? "Discussion locked: no new replies." : "Discussion unlocked.");
}
