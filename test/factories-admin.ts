// Test data for the admin area: invitations with a known raw token, audit lookups.
import type { Role } from "@/lib/generated/prisma/enums";
import {
  generateInvitationToken,
  hashInvitationToken,
  invitationExpiry,
} from "@/lib/invitations/tokens";
import { testDb } from "./db";
import { unique } from "./factories";

export function uniqueEmail(prefix = "inv"): string {
  return `${unique(prefix)}@test.example`;
}

/** An invitation row plus the raw token that its link would carry. */
export async function createInvitationRecord(
  overrides: Partial<{
    email: string;
    role: Role;
    expiresAt: Date;
    revokedAt: Date;
    acceptedAt: Date;
    invitedById: string;
  }> = {},
) {
  const token = generateInvitationToken();
  const invitation = await testDb.invitation.create({
    data: {
      email: uniqueEmail(),
      role: "MEMBER",
      expiresAt: invitationExpiry(),
      ...overrides,
      tokenHash: hashInvitationToken(token),
    },
  });
  return { invitation, token };
}

export function auditEntriesFor(entityId: string) {
  return testDb.auditLog.findMany({
    where: { entityId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

export const pastDate = (msAgo = 60_000) => new Date(Date.now() - msAgo);
