// Invitation tokens: 32 random bytes, shown once as base64url; only their SHA-256 is stored,
// so a copy of the database does not contain working invitation links.
import { createHash, randomBytes } from "node:crypto";

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** 32 bytes in base64url is always 43 characters from this alphabet. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function generateInvitationToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function invitationExpiry(from = new Date()): Date {
  return new Date(from.getTime() + INVITATION_LIFETIME_MS);
}

export type InvitationStatus = "pending" | "accepted" | "expired" | "revoked";

export function invitationStatus(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now = new Date(),
): InvitationStatus {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt <= now) return "expired";
  return "pending";
}

/** The link an invitee opens: `${origin}/invite/<token>`. */
export function invitationLink(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, "")}/invite/${token}`;
}

/** What the admin sees once after creating an invitation or making a new link. */
export interface ShownInvitationLink {
  email: string;
  link: string;
  expiresAt: string;
}
