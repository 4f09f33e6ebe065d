// Who may do what in a community, as pure rules (pages, forms and services ask the same
// question), and the one check the moderation services make for content in a community.
import { authorize, PermissionDenied, type Actor } from "@/lib/core/auth/authorize";
import { hasPermission, type Permission } from "@/lib/core/auth/permissions";
import type { TransactionClient } from "@/lib/core/db/create-client";
import type {
  CommunityAccess,
  CommunityMembershipStatus,
  CommunityRole,
} from "@/lib/generated/prisma/enums";

/** The actor's place in one community, if any. */
export interface Standing {
  role: CommunityRole;
  status: CommunityMembershipStatus;
}

export const isActiveMember = (standing: Standing | null) => standing?.status === "ACTIVE";

export const isLead = (standing: Standing | null) =>
  standing?.status === "ACTIVE" && standing.role === "LEAD";

/** Leaders and admins start communities. */
export const mayCreateCommunity = (actor: Pick<Actor, "role">) =>
  hasPermission(actor.role, "create:community:any");

/** Its leads, and admins everywhere, change a community's settings, members and roles. */
export const mayManageCommunity = (actor: Pick<Actor, "role">, standing: Standing | null) =>
  isLead(standing) || hasPermission(actor.role, "update:community:any");

/** Throws PermissionDenied unless the actor may manage the community. */
export function authorizeManage(actor: Actor, standing: Standing | null): void {
  if (!mayManageCommunity(actor, standing)) throw new PermissionDenied("update:community:any");
}

/** What a member may do themselves with a community they see, by its access and their place. */
export function selfServiceFor(access: CommunityAccess, standing: Standing | null) {
  const status = standing?.status ?? null;
  return {
    join: status === null && access === "OPEN",
    request: status === null && access === "BY_REQUEST",
    withdrawRequest: status === "REQUESTED",
    answerInvitation: status === "INVITED",
    leave: status === "ACTIVE",
    follow: status === "ACTIVE",
  };
}

/**
 * Moderating content (hide, restore, pin, lock) is for whoever holds `permission` anywhere
 * (admins; leaders for pins and locks), or for a lead of the content's own community.
 */
export function mayModerateCommunityContent(
  actor: Pick<Actor, "role">,
  permission: Permission,
  leadsContentsCommunity: boolean,
): boolean {
  return hasPermission(actor.role, permission) || leadsContentsCommunity;
}

/**
 * The moderation services' check, inside their transaction: `communityId` is the community of
 * the content being moderated (null outside communities, where only the permission counts).
 */
export async function authorizeContentModeration(
  tx: TransactionClient,
  actor: Actor,
  permission: Permission,
  communityId: string | null,
): Promise<void> {
  if (hasPermission(actor.role, permission)) return;
  const standing = communityId
    ? await tx.communityMembership.findUnique({
        where: { communityId_memberId: { communityId, memberId: actor.id } },
        select: { role: true, status: true },
      })
    : null;
  if (!mayModerateCommunityContent(actor, permission, isLead(standing))) {
    authorize(actor, permission);
  }
}
