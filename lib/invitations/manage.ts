// Admin services for invitations: create (and email), make a new link ("copy link again"),
// email a new link ("resend"), revoke. The raw token is returned once to the caller and
// never stored; the mail job gets it sealed (./seal.ts).
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { rows, sqlb } from "@/lib/core/db/typed-sql";
import type { Invitation } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { ROLE_LABELS } from "@/lib/core/auth/permissions";
import { failure, invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { NotFound } from "@/lib/core/forms/errors";
import { recordAudit } from "@/lib/core/audit/record";
import { enqueue } from "@/lib/core/jobs/enqueue";
import { hitRateLimit } from "@/lib/core/rate-limit";
import { invitationMailQueue } from "./jobs";
import { sealInvitationToken } from "./seal";
import { mayReissueOrRevoke } from "./access";
import { createInvitationSchema, invitationIdSchema } from "./schemas";
import {
  generateInvitationToken,
  hashInvitationToken,
  invitationExpiry,
  invitationStatus,
} from "./tokens";

export interface IssuedInvitation {
  invitationId: string;
  email: string;
  /** The raw token: shown to the admin once, inside the link. */
  token: string;
  expiresAt: Date;
}

/** Serialises invitation writes for one email, so two admins cannot both invite it. */
async function lockEmail(tx: TransactionClient, email: string): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`invitation:${email}`}))::text`;
}

/** Why this email cannot get a new link now, or null. */
async function emailProblem(
  tx: TransactionClient,
  email: string,
  exceptInvitationId?: string,
): Promise<string | null> {
  const member = await tx.user.findUnique({ where: { email }, select: { id: true } });
  if (member) return "That email already belongs to a member.";
  const pending = await tx.invitation.findFirst({
    where: {
      email,
      acceptedAt: null,
      revokedAt: null,
      expiresAt: { gt: new Date() },
      ...(exceptInvitationId ? { id: { not: exceptInvitationId } } : {}),
    },
    select: { id: true },
  });
  if (pending) {
    return "This email already has a pending invitation. Use “Copy link again” next to it in the list to get a fresh link.";
  }
  return null;
}

function auditView(invitation: Pick<Invitation, "email" | "role" | "expiresAt">) {
  return { email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt };
}

export async function createInvitation(
  actor: Actor,
  input: unknown,
): Promise<ActionResult<IssuedInvitation>> {
  authorize(actor, "create:invitation:any");
  const parsed = createInvitationSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { email, role } = parsed.data;
  const token = generateInvitationToken();

  return db.$transaction(async (tx) => {
    await lockEmail(tx, email);
    const problem = await emailProblem(tx, email);
    if (problem) return failure("This email can't be invited.", { email: [problem] });
    const invitation = await tx.invitation.create({
      data: {
        email,
        role,
        tokenHash: hashInvitationToken(token),
        expiresAt: invitationExpiry(),
        invitedById: actor.id,
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "invitation.create",
      entityType: "Invitation",
      entityId: invitation.id,
      after: auditView(invitation),
    });
    await emailLink(tx, invitation.id, token);
    return {
      ok: true,
      message: `Invitation created for ${email} as ${ROLE_LABELS[role]} and emailed to them. You can also copy the link below.`,
      data: { invitationId: invitation.id, email, token, expiresAt: invitation.expiresAt },
    };
  });
}

/** Queues the invitation mail in the caller's transaction (sent only if that commits). */
async function emailLink(tx: TransactionClient, invitationId: string, token: string) {
  await enqueue(tx, invitationMailQueue, {
    invitationId,
    sealedToken: sealInvitationToken(token),
  });
}

/** Resends per invitation: enough for "it went to spam", not a way to flood an inbox. */
export const RESEND_LIMIT = { limit: 3, windowSeconds: 60 * 60 };

async function lockInvitation(tx: TransactionClient, invitationId: string): Promise<Invitation> {
  const locked = await rows(
    tx,
    sqlb.selectFrom("Invitation").select("id").where("id", "=", invitationId).forUpdate(),
  );
  const invitation = locked.length
    ? await tx.invitation.findUnique({ where: { id: invitationId } })
    : null;
  if (!invitation) throw new NotFound("That invitation");
  return invitation;
}

/**
 * "Copy link again": the old link stops working and a new one, valid for another seven
 * days, is returned once. Works for pending and expired invitations.
 */
/** A new token and a fresh seven-day expiry for a pending or expired invitation. */
async function reissue(
  actor: Actor,
  input: unknown,
  how: "rotate" | "resend",
): Promise<ActionResult<IssuedInvitation>> {
  authorize(actor, "create:invitation:any");
  const parsed = invitationIdSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const token = generateInvitationToken();
  if (how === "resend") {
    const rate = await hitRateLimit(db, {
      key: `invitation-resend:${parsed.data.invitationId}`,
      ...RESEND_LIMIT,
    });
    if (rate.count > RESEND_LIMIT.limit) {
      return failure(
        "This invitation was emailed several times in the last hour. Try later, or copy the link.",
      );
    }
  }

  return db.$transaction(async (tx) => {
    const invitation = await lockInvitation(tx, parsed.data.invitationId);
    const status = invitationStatus(invitation);
    if (!mayReissueOrRevoke({ status })) {
      return failure(
        status === "accepted"
          ? "This invitation has already been accepted."
          : "This invitation was revoked. Invite the person again instead.",
      );
    }
    await lockEmail(tx, invitation.email);
    const problem = await emailProblem(tx, invitation.email, invitation.id);
    if (problem) return failure(problem);

    const updated = await tx.invitation.update({
      where: { id: invitation.id },
      data: { tokenHash: hashInvitationToken(token), expiresAt: invitationExpiry() },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: how === "rotate" ? "invitation.rotate" : "invitation.resend",
      entityType: "Invitation",
      entityId: invitation.id,
      before: auditView(invitation),
      after: auditView(updated),
    });
    if (how === "resend") await emailLink(tx, invitation.id, token);
    return {
      ok: true,
      message:
        how === "rotate"
          ? `New link for ${invitation.email}. The previous link no longer works.`
          : `A new link is on its way to ${invitation.email}. Earlier links no longer work.`,
      data: {
        invitationId: invitation.id,
        email: invitation.email,
        token,
        expiresAt: updated.expiresAt,
      },
    };
  });
}

/**
 * "Copy link again": the old link stops working and a new one, valid for another seven
 * days, is returned once. Works for pending and expired invitations.
 */
export function rotateInvitationLink(actor: Actor, input: unknown) {
  return reissue(actor, input, "rotate");
}

/**
 * "Resend": like "Copy link again", but the new link is emailed (the stored hash cannot
 * give back the old token). Counted in Invitation.emailedAt/emailCount once sent.
 */
export async function resendInvitation(actor: Actor, input: unknown): Promise<ActionResult> {
  const result = await reissue(actor, input, "resend");
  return result.ok ? { ok: true, message: result.message } : result;
}

export async function revokeInvitation(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "delete:invitation:any");
  const parsed = invitationIdSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);

  return db.$transaction(async (tx) => {
    const invitation = await lockInvitation(tx, parsed.data.invitationId);
    const status = invitationStatus(invitation);
    if (!mayReissueOrRevoke({ status })) {
      return status === "accepted"
        ? failure("This invitation has already been accepted. Deactivate the member instead.")
        : success(`The invitation for ${invitation.email} was already revoked.`);
    }

    const revokedAt = new Date();
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "invitation.revoke",
      entityType: "Invitation",
      entityId: invitation.id,
      before: { email: invitation.email, status },
      after: { email: invitation.email, status: "revoked", revokedAt },
    });
    return success(`The invitation for ${invitation.email} is revoked; its link no longer works.`);
  });
}
