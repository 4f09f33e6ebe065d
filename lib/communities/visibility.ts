// The one rule for who may read what a community holds, wherever content is listed, searched,
// notified, mailed or exported: content outside any community and content of open or
// by-request communities is for everyone; a private community's content is for its active
// members and for admins. Every loader of discussions, posts and sessions applies it, in
// Prisma (`readableContentWhere`) or in SQL (`readableContentSql`), before any LIMIT.
import type { Expression, SqlBool } from "kysely";
import type { Actor } from "@/lib/core/auth/authorize";
import { hasPermission } from "@/lib/core/auth/permissions";
import { sql } from "@/lib/core/db/typed-sql";
import type { CommunityAccess, CommunityMembershipStatus } from "@/lib/generated/prisma/enums";

export type Viewer = Pick<Actor, "id" | "role">;

/** Admins read every community's content. */
export const readsEveryCommunity = (viewer: Viewer) =>
  hasPermission(viewer.role, "read:private-community:any");

/**
 * A Prisma `where` for Discussion, KnowledgePost or LearningSession rows the viewer may
 * read as far as communities go (combine it with the rows' own rules in an `AND`).
 */
export function readableContentWhere(viewer: Viewer) {
  if (readsEveryCommunity(viewer)) return {};
  return {
    OR: [
      { communityId: null },
      { community: { access: { not: "PRIVATE" as const } } },
      {
        community: {
          memberships: { some: { memberId: viewer.id, status: "ACTIVE" as const } },
        },
      },
    ],
  };
}

/**
 * The same rule in SQL, for the raw loaders: `alias` is the content row's alias in the
 * caller's query (it needs a "communityId" column).
 */
export function readableContentSql(alias: string, viewer: Viewer): Expression<SqlBool> {
  if (readsEveryCommunity(viewer)) return sql<SqlBool>`TRUE`;
  const communityId = sql.ref(`${alias}.communityId`);
  return sql<SqlBool>`(${communityId} IS NULL OR EXISTS (
    SELECT 1 FROM "Community" vc WHERE vc.id = ${communityId} AND (vc.access <> 'PRIVATE'
      OR EXISTS (SELECT 1 FROM "CommunityMembership" vm WHERE vm."communityId" = vc.id
        AND vm."memberId" = ${viewer.id} AND vm.status = 'ACTIVE'))))`;
}

export interface CommunityAccessFacts {
  access: CommunityAccess;
  /** The viewer's membership status in this community, if any. */
  viewerStatus: CommunityMembershipStatus | null;
}

/** Whether the viewer may read the community's page and content (pure; for one community). */
export function mayReadCommunity(viewer: Viewer, community: CommunityAccessFacts): boolean {
  return (
    community.access !== "PRIVATE" ||
    community.viewerStatus === "ACTIVE" ||
    readsEveryCommunity(viewer)
  );
}
