// Which invitations an admin may still change. A pure rule, free of server imports: the
// invitation services refuse by it and the (client) invitation actions ask it before they
// offer "Copy link again" and "Revoke".
import type { InvitationStatus } from "./tokens";

/**
 * Whether the invitation may get a new link or be revoked: while it is pending or expired.
 * An accepted one is a member now (deactivate them instead); a revoked one is over.
 */
export function mayReissueOrRevoke(invitation: { status: InvitationStatus }): boolean {
  return invitation.status === "pending" || invitation.status === "expired";
}
