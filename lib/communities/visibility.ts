// The one rule for who may read what a community holds, wherever content is listed, searched,
// notified, mailed or exported: content outside any community and content of open or
// by-request communities is for everyone; a private community's content is for its active
// members and for admins. Every loader of discussions, posts and sessions applies it, in
// Prisma (`readableContentWhere`) or in SQL (`readableContentSql`), before any LIMIT; lists
// about many members at once (notifications, the digest) use `readableContentForMemberSql`,
// lists shared by everyone `everyoneReadsSql`, and counts `inClosedCommunitySql`. A former
// member (no longer ACTIVE) reads no more, from their next request on. Writes to content
// one may not read are refused as "not found". Below: who may post into a community.
import type { Expression, SqlBool } from "kysely";
import type { Database, TransactionClient } from "@/lib/core/db/create-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/core/auth/authorize";
import { hasPermission } from "@/lib/core/auth/permissions";
import { sql } from "@/lib/core/db/typed-sql";
import {
  Role,
  type CommunityAccess,
  type CommunityMembershipStatus,
} from "@/lib/generated/prisma/enums";

export type Viewer = Pick<Actor, "id" | "role">;

/** How many communities the forms' select lists at most. */
const POSTING_COMMUNITIES_LISTED = 200;

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

/** The roles that read every community's content, for the rule in SQL about a member column. */
const ROLES_READING_EVERY_COMMUNITY = Object.values(Role).filter((role) =>
  readsEveryCommunity({ id: "", role }),
);

/**
 * The same rule for a member known only in SQL (`memberId`: an expression, say a
 * notification's recipient or a digest's member): their role and membership are read in the
 * query, so a list about many members stays one statement.
 */
export function readableContentForMemberSql(
  alias: string,
  memberId: Expression<unknown>,
): Expression<SqlBool> {
  const communityId = sql.ref(`${alias}.communityId`);
  const roles =
    ROLES_READING_EVERY_COMMUNITY.length > 0
      ? sql`OR EXISTS (SELECT 1 FROM "User" vu WHERE vu.id = ${memberId}
          AND vu.role::text IN (${sql.join(ROLES_READING_EVERY_COMMUNITY.map((role) => sql.lit(role)))}))`
      : sql``;
  return sql<SqlBool>`(${communityId} IS NULL OR EXISTS (
    SELECT 1 FROM "Community" vc WHERE vc.id = ${communityId} AND (vc.access <> 'PRIVATE'
      OR EXISTS (SELECT 1 FROM "CommunityMembership" vm WHERE vm."communityId" = vc.id
        AND vm."memberId" = ${memberId} AND vm.status = 'ACTIVE') ${roles})))`;
}

/**
 * `column IN (the private communities the viewer may not read)`, for counting what to leave
 * out by the communities' own index (FALSE for admins).
 */
export function inClosedCommunitySql(column: string, viewer: Viewer): Expression<SqlBool> {
  if (readsEveryCommunity(viewer)) return sql<SqlBool>`FALSE`;
  return sql<SqlBool>`${sql.ref(column)} IN (SELECT vc.id FROM "Community" vc
    WHERE vc.access = 'PRIVATE' AND NOT EXISTS (SELECT 1 FROM "CommunityMembership" vm
      WHERE vm."communityId" = vc.id AND vm."memberId" = ${viewer.id} AND vm.status = 'ACTIVE'))`;
}

/** Content everyone may read (no private community's), for lists shared by many members. */
export const everyoneReadsSql = (alias: string): Expression<SqlBool> =>
  sql<SqlBool>`(${sql.ref(`${alias}.communityId`)} IS NULL OR NOT EXISTS (
    SELECT 1 FROM "Community" vc WHERE vc.id = ${sql.ref(`${alias}.communityId`)}
      AND vc.access = 'PRIVATE'))`;

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

// Posting into a community: the author picks one of the communities they are an active
// member of (not archived), or none (the company-wide stream). The forms list exactly those
// (the field: ./posting-choice); the services check the choice again, in the write's
// transaction.

export interface PostingCommunity {
  id: string;
  name: string;
  slug: string;
}

type MembershipReader = Database | TransactionClient;

const postingMembership = (memberId: string) =>
  ({
    memberId,
    status: "ACTIVE",
    community: { archivedAt: null },
  }) satisfies Prisma.CommunityMembershipWhereInput;

/**
 * The forms' community choices for the member, and the one to start on: `slug` (the
 * `?community=` of a "Start a discussion here" link) when it is one of them.
 */
export async function communityChoicesFor(
  client: MembershipReader,
  memberId: string,
  slug?: string,
): Promise<{ communities: PostingCommunity[]; chosen: string | null }> {
  const communities = await postingCommunities(client, memberId);
  const chosen = slug
    ? (communities.find((community) => community.slug === slug)?.id ?? null)
    : null;
  return { communities, chosen };
}

/** The communities the member may post into, by name: the options of the forms' select. */
export async function postingCommunities(
  client: MembershipReader,
  memberId: string,
): Promise<PostingCommunity[]> {
  const rows = await client.communityMembership.findMany({
    where: postingMembership(memberId),
    select: { community: { select: { id: true, name: true, slug: true } } },
    orderBy: [{ community: { name: "asc" } }, { communityId: "asc" }],
    take: POSTING_COMMUNITIES_LISTED,
  });
  return rows.map((row) => row.community);
}

/**
 * Whether the member may put content into the community: an active member of it, and it is
 * not archived. Read inside the write's transaction.
 */
export async function mayPostInCommunity(
  client: MembershipReader,
  memberId: string,
  communityId: string,
): Promise<boolean> {
  const found = await client.communityMembership.findFirst({
    where: { ...postingMembership(memberId), communityId },
    select: { memberId: true },
  });
  return found !== null;
}
