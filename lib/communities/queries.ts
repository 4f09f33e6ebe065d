// What the communities' pages read: the directory (full-text search, cursor pages, the
// viewer's own first), one community with the viewer's standing, its stream, sessions, open
// questions and members, the leads' queues, and a member's communities for their profile.
import { z } from "zod";
import type { Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import { rows, sql, sqlb } from "@/lib/core/db/typed-sql";
import { DEFAULT_PAGE_SIZE, decodeCursor, toPage, type Page } from "@/lib/core/pagination/cursor";
import { prefixTsQuery } from "@/lib/core/search-query";
import { cuidId } from "@/lib/core/ids";
import type { CommunityAccess, CommunityRole } from "@/lib/generated/prisma/enums";
import { type Standing } from "./access";
import { mayReadCommunity, readsEveryCommunity } from "./visibility";

type Viewer = Pick<Actor, "id" | "role">;

export interface DirectoryEntry {
  id: string;
  slug: string;
  name: string;
  purpose: string;
  access: CommunityAccess;
  memberCount: number;
  /** 0 when the viewer is an active member (their communities come first), else 1. */
  mine: number;
}

const directoryCursor = z.tuple([z.number().int().min(0).max(1), z.string(), z.string()]);

/** The rows the viewer may see listed: not archived; private ones only to members and admins. */
function listedFor(viewer: Viewer) {
  if (readsEveryCommunity(viewer)) return sql<boolean>`c."archivedAt" IS NULL`;
  return sql<boolean>`c."archivedAt" IS NULL AND (c.access <> 'PRIVATE' OR m.status = 'ACTIVE')`;
}

export async function communityDirectory(
  viewer: Viewer,
  options: { search?: string; cursor?: string | null; take?: number } = {},
): Promise<Page<DirectoryEntry>> {
  const take = options.take ?? DEFAULT_PAGE_SIZE;
  const after = decodeCursor(options.cursor, directoryCursor);
  const tsquery = options.search ? prefixTsQuery(options.search) : null;
  const mine = sql<number>`(CASE WHEN m.status = 'ACTIVE' THEN 0 ELSE 1 END)`;
  let query = sqlb
    .selectFrom("Community as c")
    .leftJoin("CommunityMembership as m", (join) =>
      join.onRef("m.communityId", "=", "c.id").on("m.memberId", "=", viewer.id),
    )
    .select(["c.id", "c.slug", "c.name", "c.purpose", "c.memberCount"])
    .select(sql<CommunityAccess>`c.access::text`.as("access"))
    .select(mine.as("mine"))
    .where(listedFor(viewer))
    .orderBy(mine)
    .orderBy("c.name")
    .orderBy("c.id")
    .limit(take + 1);
  if (tsquery)
    query = query.where(sql<boolean>`c."searchVector" @@ to_tsquery('english', ${tsquery})`);
  if (after) {
    query = query.where(
      sql<boolean>`(${mine}, c.name, c.id) > (${after[0]}, ${after[1]}, ${after[2]})`,
    );
  }
  const found = (await rows(db, query)) as DirectoryEntry[];
  return toPage(found, take, (row) => [row.mine, row.name, row.id]);
}

export interface CommunityView {
  id: string;
  slug: string;
  name: string;
  purpose: string;
  access: CommunityAccess;
  allowsAnonymousQuestions: boolean;
  memberCount: number;
  archivedAt: Date | null;
  standing: (Standing & { following: boolean }) | null;
}

const slugSchema = z
  .string()
  .max(80)
  .regex(/^[a-z0-9-]+$/);

/** The community at `slug` as the viewer may see it, or null (unknown, or private to them). */
export async function communityForViewer(
  viewer: Viewer,
  slug: string,
): Promise<CommunityView | null> {
  if (!slugSchema.safeParse(slug).success) return null;
  const community = await db.community.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      purpose: true,
      access: true,
      allowsAnonymousQuestions: true,
      memberCount: true,
      archivedAt: true,
      memberships: {
        where: { memberId: viewer.id },
        select: { role: true, status: true, following: true },
      },
    },
  });
  if (!community) return null;
  const { memberships, ...rest } = community;
  const standing = memberships[0] ?? null;
  if (!mayReadCommunity(viewer, { access: rest.access, viewerStatus: standing?.status ?? null })) {
    return null;
  }
  return { ...rest, standing };
}

/** The slug of a community by id, for links from the audit log. */
export async function communitySlug(id: string): Promise<string | null> {
  if (!cuidId("x").safeParse(id).success) return null;
  const row = await db.community.findUnique({ where: { id }, select: { slug: true } });
  return row?.slug ?? null;
}

export interface StreamItem {
  kind: "discussion" | "post";
  id: string;
  title: string;
  activityAt: Date;
  authorName: string;
}

const streamCursor = z.tuple([z.iso.datetime(), z.string()]);

/**
 * The community's discussions and published posts, newest activity first, a page at a time.
 * Each half reads its own (communityId, activity, id) index before the merge.
 */
export async function communityStream(
  communityId: string,
  cursor: string | null,
  take = DEFAULT_PAGE_SIZE,
): Promise<Page<StreamItem>> {
  const after = decodeCursor(cursor, streamCursor);
  const before = (at: string, id: string) =>
    after
      ? sql<boolean>`(${sql.ref(at)}, ${sql.ref(id)}) < (${new Date(after[0])}, ${after[1]})`
      : sql<boolean>`TRUE`;
  const discussions = sqlb
    .selectFrom("Discussion as d")
    .innerJoin("User as u", "u.id", "d.authorId")
    .select([
      sql<string>`'discussion'`.as("kind"),
      "d.id",
      "d.title",
      "d.lastActivityAt as activityAt",
      "u.name as authorName",
    ])
    .where("d.communityId", "=", communityId)
    .where("d.deletedAt", "is", null)
    .where("d.hiddenAt", "is", null)
    .where(before("d.lastActivityAt", "d.id"))
    .orderBy("d.lastActivityAt", "desc")
    .orderBy("d.id", "desc")
    .limit(take + 1);
  const posts = sqlb
    .selectFrom("KnowledgePost as p")
    .innerJoin("User as u", "u.id", "p.authorId")
    .select([
      sql<string>`'post'`.as("kind"),
      "p.id",
      "p.title",
      sql<Date>`p."publishedAt"`.as("activityAt"),
      "u.name as authorName",
    ])
    .where("p.communityId", "=", communityId)
    .where("p.status", "=", "PUBLISHED")
    .where("p.deletedAt", "is", null)
    .where("p.hiddenAt", "is", null)
    .where(before("p.publishedAt", "p.id"))
    .orderBy("p.publishedAt", "desc")
    .orderBy("p.id", "desc")
    .limit(take + 1);
  const [a, b] = await Promise.all([rows(db, discussions), rows(db, posts)]);
  const merged = ([...a, ...b] as StreamItem[]).sort(
    (x, y) => y.activityAt.getTime() - x.activityAt.getTime() || (y.id < x.id ? -1 : 1),
  );
  return toPage(merged, take, (row) => [row.activityAt.toISOString(), row.id]);
}

export async function upcomingSessions(communityId: string, take = 5) {
  return db.learningSession.findMany({
    where: { communityId, status: "SCHEDULED", startsAt: { gte: new Date() } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take,
    select: { id: true, title: true, startsAt: true, goingCount: true },
  });
}

/** Questions without an accepted answer, the unanswered ones (no reply) first. */
export async function openQuestions(communityId: string, take = 5) {
  return db.discussion.findMany({
    where: {
      communityId,
      kind: "QUESTION",
      acceptedReplyId: null,
      deletedAt: null,
      hiddenAt: null,
    },
    orderBy: [{ replyCount: "asc" }, { lastActivityAt: "desc" }],
    take,
    select: { id: true, title: true, replyCount: true, lastActivityAt: true },
  });
}

export interface MemberRow {
  memberId: string;
  name: string;
  role: CommunityRole;
  since: Date;
}

/** Active members, leads first, then by name (`take` of them). */
export async function communityMembers(communityId: string, take = 24): Promise<MemberRow[]> {
  const found = await db.communityMembership.findMany({
    where: { communityId, status: "ACTIVE" },
    orderBy: [{ role: "asc" }, { member: { name: "asc" } }],
    take,
    select: { memberId: true, role: true, createdAt: true, member: { select: { name: true } } },
  });
  return found.map((row) => ({
    memberId: row.memberId,
    name: row.member.name,
    role: row.role,
    since: row.createdAt,
  }));
}

/** Requests and invitations waiting, for the leads' page. */
export async function pendingMemberships(communityId: string) {
  const found = await db.communityMembership.findMany({
    where: { communityId, status: { in: ["REQUESTED", "INVITED"] } },
    orderBy: [{ createdAt: "asc" }],
    take: 200,
    select: {
      memberId: true,
      status: true,
      createdAt: true,
      member: { select: { name: true } },
    },
  });
  return {
    requests: found.filter((row) => row.status === "REQUESTED"),
    invitations: found.filter((row) => row.status === "INVITED"),
  };
}

/** Communities that invited the viewer and wait for an answer. */
export async function invitationsFor(viewer: Viewer) {
  return db.communityMembership.findMany({
    where: { memberId: viewer.id, status: "INVITED", community: { archivedAt: null } },
    orderBy: { createdAt: "desc" },
    select: {
      communityId: true,
      community: { select: { name: true, slug: true, purpose: true } },
      decidedBy: { select: { name: true } },
    },
  });
}

/** A member's communities as a viewer may see them (private ones only to fellow members and admins). */
export async function communitiesOfMember(viewer: Viewer, memberId: string) {
  const found = await db.communityMembership.findMany({
    where: {
      memberId,
      status: "ACTIVE",
      community: {
        archivedAt: null,
        ...(readsEveryCommunity(viewer)
          ? {}
          : {
              OR: [
                { access: { not: "PRIVATE" as const } },
                { memberships: { some: { memberId: viewer.id, status: "ACTIVE" as const } } },
              ],
            }),
      },
    },
    orderBy: { community: { name: "asc" } },
    take: 50,
    select: { role: true, community: { select: { name: true, slug: true, access: true } } },
  });
  return found.map((row) => ({ ...row.community, role: row.role }));
}
