// Admin services for members: role changes and deactivation. Both lock the active admins'
// rows first, so that two concurrent changes can never leave the organisation without one.
import { z } from "zod";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { rows, sql, sqlb } from "@/lib/core/db/typed-sql";
import type { MemberStatus, Role } from "@/lib/generated/prisma/enums";
import { authorize, PermissionDenied, type Actor } from "@/lib/core/auth/authorize";
import { ROLE_LABELS, type Permission } from "@/lib/core/auth/permissions";
import { failure, invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { NotFound } from "@/lib/core/forms/errors";
import { recordAudit } from "@/lib/core/audit/record";
import { notify, retract } from "@/lib/notifications/notify";
import { enqueue } from "@/lib/core/jobs/enqueue";
import { plainIdSchema } from "@/lib/core/ids";
import { passwordResetQueue } from "@/lib/account/jobs";
import { mayChangeRoleOrStatusOf } from "./access";
import { changeMemberRoleSchema, setMemberStatusSchema } from "./schemas";

interface LockedMember {
  id: string;
  name: string;
  role: Role;
  status: MemberStatus;
}

interface Locked {
  member: LockedMember;
  activeAdminIds: ReadonlySet<string>;
}

/**
 * Locks every active admin (in id order, so concurrent callers queue rather than deadlock),
 * then the member being changed. Re-checks that the actor is still an active admin: their
 * rights may have been removed since their request began.
 */
async function lockForAdminChange(
  tx: TransactionClient,
  actor: Actor,
  permission: Permission,
  memberId: string,
): Promise<Locked> {
  const admins = await rows(
    tx,
    sqlb
      .selectFrom("User")
      .select("id")
      .where((eb) =>
        eb.and([
          eb("role", "=", sql<"ADMIN">`'ADMIN'`),
          eb("status", "=", sql<"ACTIVE">`'ACTIVE'`),
        ]),
      )
      .orderBy("id")
      .forUpdate(),
  );
  const activeAdminIds = new Set(admins.map((a) => a.id));
  if (!activeAdminIds.has(actor.id)) throw new PermissionDenied(permission);
  const [member]: LockedMember[] = await rows(
    tx,
    sqlb
      .selectFrom("User")
      .select((eb) => [
        "id",
        "name",
        sql<Role>`${eb.ref("role")}::text`.as("role"),
        sql<MemberStatus>`${eb.ref("status")}::text`.as("status"),
      ])
      .where("id", "=", memberId)
      .forUpdate(),
  );
  if (!member) throw new NotFound("That member");
  return { member, activeAdminIds };
}

/**
 * Why taking `member` out of the active admins (by demotion or deactivation) must be
 * refused, or null when it may go ahead.
 */
export function adminRemovalProblem(
  actorId: string,
  member: Pick<LockedMember, "id" | "name" | "role" | "status">,
  activeAdminIds: ReadonlySet<string>,
  change: "demote" | "deactivate",
): string | null {
  const isActiveAdmin = member.role === "ADMIN" && member.status === "ACTIVE";
  if (isActiveAdmin && activeAdminIds.size <= 1) {
    return `${member.name} is the only active admin. Make someone else an admin first.`;
  }
  if (!mayChangeRoleOrStatusOf({ id: actorId }, member)) {
    return change === "demote"
      ? "You can't change your own role. Ask another admin to do it."
      : "You can't deactivate your own account. Ask another admin to do it.";
  }
  return null;
}

function withArticle(role: Role): string {
  const label = ROLE_LABELS[role];
  return `${/^[AEIOU]/.test(label) ? "an" : "a"} ${label}`;
}

export async function changeMemberRole(actor: Actor, input: unknown): Promise<ActionResult> {
  const permission = "update:member-role:any";
  authorize(actor, permission);
  const parsed = changeMemberRoleSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { memberId, role } = parsed.data;

  return db.$transaction(async (tx) => {
    const { member, activeAdminIds } = await lockForAdminChange(tx, actor, permission, memberId);
    if (member.role === role) return success(`${member.name} is already ${withArticle(role)}.`);
    const problem =
      member.role === "ADMIN"
        ? adminRemovalProblem(actor.id, member, activeAdminIds, "demote")
        : null;
    if (problem) return failure(problem);

    await tx.user.update({ where: { id: member.id }, data: { role } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "member.role.change",
      entityType: "User",
      entityId: member.id,
      before: { role: member.role },
      after: { role },
    });
    // A newer role replaces an earlier role change the member has not seen yet: one unread
    // notification, stating the role they have now. Read ones stay as what they were told.
    await retract(tx, {
      kind: "member.role_changed",
      recipientIds: [member.id],
      data: {},
      unreadOnly: true,
    });
    await notify(tx, {
      recipientId: member.id,
      actorId: actor.id,
      kind: "member.role_changed",
      data: { role },
    });
    return success(`${member.name} is now ${withArticle(role)}.`);
  });
}

export async function setMemberStatus(actor: Actor, input: unknown): Promise<ActionResult> {
  const permission = "update:member-status:any";
  authorize(actor, permission);
  const parsed = setMemberStatusSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { memberId, status } = parsed.data;

  return db.$transaction(async (tx) => {
    const { member, activeAdminIds } = await lockForAdminChange(tx, actor, permission, memberId);
    if (member.status === status) {
      return success(
        `${member.name} is already ${status === "ACTIVE" ? "active" : "deactivated"}.`,
      );
    }
    if (status === "DEACTIVATED") {
      const problem = adminRemovalProblem(actor.id, member, activeAdminIds, "deactivate");
      if (problem) return failure(problem);
      return deactivate(tx, actor, member);
    }
    return reactivate(tx, actor, member);
  });
}

async function deactivate(
  tx: TransactionClient,
  actor: Actor,
  member: LockedMember,
): Promise<ActionResult> {
  const deactivatedAt = new Date();
  // A new session version ends every session the member has, on its next request.
  await tx.user.update({
    where: { id: member.id },
    data: { status: "DEACTIVATED", deactivatedAt, sessionVersion: { increment: 1 } },
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "member.deactivate",
    entityType: "User",
    entityId: member.id,
    before: { status: member.status },
    after: { status: "DEACTIVATED", deactivatedAt },
  });
  return success(`${member.name} is deactivated and has been signed out.`);
}

async function reactivate(
  tx: TransactionClient,
  actor: Actor,
  member: LockedMember,
): Promise<ActionResult> {
  await tx.user.update({
    where: { id: member.id },
    data: { status: "ACTIVE", deactivatedAt: null },
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "member.reactivate",
    entityType: "User",
    entityId: member.id,
    before: { status: member.status },
    after: { status: "ACTIVE" },
  });
  return success(`${member.name} is active again and can sign in.`);
}

const resetLinkSchema = z.object({ memberId: plainIdSchema });

/**
 * Admin → Members: "Send password reset link". The member gets the same one-hour link as
 * from "Forgot password" (made by the mail job, so no admin ever sees it). Audited.
 */
export async function sendPasswordResetLink(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:member-status:any");
  const parsed = resetLinkSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return db.$transaction(async (tx) => {
    const member = await tx.user.findUnique({
      where: { id: parsed.data.memberId },
      select: { id: true, name: true, email: true, status: true },
    });
    if (!member) throw new NotFound("That member");
    if (member.status !== "ACTIVE") {
      return failure(`${member.name} is deactivated: reactivate them first.`);
    }
    await enqueue(tx, passwordResetQueue, { userId: member.id, byAdmin: true });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "member.password.reset-link",
      entityType: "User",
      entityId: member.id,
      after: { email: member.email },
    });
    return success(`A password reset link is on its way to ${member.name}. It works for 1 hour.`);
  });
}
