// The writes every community service shares: the community row locked for the change, the
// actor's standing, the member count recounted, and the in-app notice of a membership event.
import type { TransactionClient } from "@/lib/core/db/create-client";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Standing } from "./access";

export const THE_COMMUNITY = "That community";

export interface LockedCommunity {
  id: string;
  slug: string;
  name: string;
  access: "OPEN" | "BY_REQUEST" | "PRIVATE";
  archivedAt: Date | null;
}

/**
 * The community, its row locked until the transaction ends, so membership changes made at the
 * same moment serialise (and the member count each one writes is right).
 */
export async function lockCommunity(
  tx: TransactionClient,
  communityId: string,
  options: { allowArchived?: boolean } = {},
): Promise<LockedCommunity> {
  const rows = await tx.$queryRaw<LockedCommunity[]>`
    SELECT id, slug, name, access::text AS access, "archivedAt" FROM "Community"
     WHERE id = ${communityId} FOR NO KEY UPDATE`;
  const community = rows[0];
  if (!community) throw new NotFound(THE_COMMUNITY);
  if (community.archivedAt && !options.allowArchived) {
    throw new DomainError("This community is archived: nothing in it can change.");
  }
  return community;
}

export async function standingOf(
  tx: TransactionClient,
  communityId: string,
  memberId: string,
): Promise<Standing | null> {
  return tx.communityMembership.findUnique({
    where: { communityId_memberId: { communityId, memberId } },
    select: { role: true, status: true },
  });
}

/** Community.memberCount is the number of ACTIVE memberships, written under the row lock. */
export async function recountMembers(tx: TransactionClient, communityId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Community" c SET "memberCount" = (
      SELECT count(*)::int FROM "CommunityMembership" m
       WHERE m."communityId" = c.id AND m.status = 'ACTIVE')
     WHERE c.id = ${communityId}`;
}

export async function activeLeadIds(tx: TransactionClient, communityId: string) {
  const leads = await tx.communityMembership.findMany({
    where: { communityId, role: "LEAD", status: "ACTIVE" },
    select: { memberId: true },
  });
  return leads.map((lead) => lead.memberId);
}

export type MembershipEvent = "requested" | "approved" | "declined" | "invited";

/**
 * The in-app notice of a membership event (kind "community.membership", registered in
 * lib/notifications/kinds.ts). Written here rather than through lib/notifications' notify(),
 * which reads communities to filter what it sends: importing it back would make the two
 * domains depend on each other. The digest mails it (the kind's default is daily).
 */
export async function noticeMembership(
  tx: TransactionClient,
  input: {
    actorId: string;
    recipientIds: readonly string[];
    community: Pick<LockedCommunity, "slug" | "name">;
    event: MembershipEvent;
  },
): Promise<void> {
  const recipients = [...new Set(input.recipientIds)].filter((id) => id !== input.actorId);
  if (recipients.length === 0) return;
  const data: Prisma.InputJsonValue = {
    slug: input.community.slug,
    name: input.community.name,
    event: input.event,
  };
  await tx.notification.createMany({
    data: recipients.map((recipientId) => ({
      recipientId,
      actorId: input.actorId,
      kind: "community.membership",
      data,
    })),
  });
}
