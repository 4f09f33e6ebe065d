// Accepting an invitation: the invitee chooses a name and password and becomes a member
// with the invited role. Single use, even when two acceptances race.
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { rows, sqlb } from "@/lib/core/db/typed-sql";
import { Prisma, type Invitation } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/core/auth/password";
import { failure, invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { recordAudit } from "@/lib/core/audit/record";
import { acceptInvitationSchema, invitationTokenSchema } from "./schemas";
import { hashInvitationToken, invitationStatus } from "./tokens";

export type InvitationLookup =
  | { state: "valid"; id: string; email: string; role: Role; expiresAt: Date }
  | { state: "unknown" | "expired" | "revoked" | "accepted" };

export const UNUSABLE_MESSAGES: Record<Exclude<InvitationLookup["state"], "valid">, string> = {
  unknown:
    "This invitation link is not valid. Check that you copied all of it, or ask an admin for a new one.",
  expired: "This invitation has expired. Ask an admin to send you a new link.",
  revoked: "This invitation was withdrawn. Ask an admin if you think that's a mistake.",
  accepted: "This invitation has already been used. If it was you, sign in.",
};

function lookupOf(invitation: Invitation | null): InvitationLookup {
  if (!invitation) return { state: "unknown" };
  const status = invitationStatus(invitation);
  if (status !== "pending") return { state: status };
  return {
    state: "valid",
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
  };
}

/** What the invitation page shows for a token from its URL; never throws on a bad token. */
export async function findInvitationByToken(token: string): Promise<InvitationLookup> {
  if (!invitationTokenSchema.safeParse(token).success) return { state: "unknown" };
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
  });
  return lookupOf(invitation);
}

/** Locks the invitation's row, then reads it: whoever waited sees the winner's changes. */
async function lockInvitationByToken(
  tx: TransactionClient,
  token: string,
): Promise<Invitation | null> {
  const tokenHash = hashInvitationToken(token);
  const locked = await rows(
    tx,
    sqlb.selectFrom("Invitation").select("id").where("tokenHash", "=", tokenHash).forUpdate(),
  );
  return locked.length ? tx.invitation.findUnique({ where: { tokenHash } }) : null;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export async function acceptInvitation(input: unknown): Promise<ActionResult> {
  const parsed = acceptInvitationSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { token, name, password, timeZone } = parsed.data;
  // A cheap look first, so a bad link never costs a (deliberately slow) password hash.
  const preview = await findInvitationByToken(token);
  if (preview.state !== "valid") return failure(UNUSABLE_MESSAGES[preview.state]);
  // Hash before taking the lock, to hold it briefly; the locked re-check below decides.
  const passwordHash = await hashPassword(password);

  try {
    return await db.$transaction(async (tx) => {
      const invitation = lookupOf(await lockInvitationByToken(tx, token));
      if (invitation.state !== "valid") return failure(UNUSABLE_MESSAGES[invitation.state]);
      const existing = await tx.user.findUnique({
        where: { email: invitation.email },
        select: { id: true },
      });
      if (existing) return failure("An account with this email already exists. Sign in instead.");

      const member = await tx.user.create({
        data: {
          email: invitation.email.toLowerCase(),
          name,
          role: invitation.role,
          passwordHash,
          timeZone,
          emailVerified: new Date(),
        },
        select: { id: true },
      });
      const acceptedAt = new Date();
      await tx.invitation.update({
        where: { id: invitation.id },
        data: { acceptedAt, acceptedById: member.id },
      });
      await recordAudit(tx, {
        actorId: member.id,
        action: "invitation.accept",
        entityType: "Invitation",
        entityId: invitation.id,
        before: { email: invitation.email, status: "pending" },
        after: { email: invitation.email, status: "accepted", acceptedAt, memberId: member.id },
      });
      return success("Your account is ready. Sign in to continue.");
    });
  } catch (error) {
    // The same email registered at the same moment by another route (e.g. open sign-up).
    if (!isUniqueViolation(error)) throw error;
    return failure("An account with this email already exists. Sign in instead.");
  }
}
