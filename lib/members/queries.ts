import "server-only";
import { db } from "@/lib/core/db/client";
import type { Actor } from "@/lib/core/auth/authorize";
import { hasPermission } from "@/lib/core/auth/permissions";
import { memberCardSelect, toMemberCard, type MemberCard } from "./member-card";
import { memberIdSchema } from "./schemas";

export interface MemberProfile extends MemberCard {
  bio: string | null;
  timeZone: string;
}

/**
 * A member's public profile, or null when the id is malformed, unknown, or the member is
 * deactivated and the viewer is not an admin.
 */
export async function getMemberProfile(
  viewer: Actor,
  rawId: string,
): Promise<MemberProfile | null> {
  const id = memberIdSchema.safeParse(rawId);
  if (!id.success) return null;
  const row = await db.user.findUnique({
    where: { id: id.data },
    select: { ...memberCardSelect, bio: true, timeZone: true },
  });
  if (!row) return null;
  if (row.status !== "ACTIVE" && !hasPermission(viewer.role, "update:member-status:any"))
    return null;
  return { ...toMemberCard(row), bio: row.bio, timeZone: row.timeZone };
}

export interface EditableProfile {
  name: string;
  title: string;
  team: string;
  timeZone: string;
  bio: string;
  offered: string[];
  wanted: string[];
}

/** The signed-in member's own profile as the edit form's starting values. */
export async function getEditableProfile(memberId: string): Promise<EditableProfile | null> {
  const row = await db.user.findUnique({
    where: { id: memberId },
    select: { ...memberCardSelect, bio: true, timeZone: true },
  });
  if (!row) return null;
  const card = toMemberCard(row);
  return {
    name: row.name,
    title: row.title ?? "",
    team: row.team?.name ?? "",
    timeZone: row.timeZone,
    bio: row.bio ?? "",
    offered: card.offered.map((s) => s.name),
    wanted: card.wanted.map((s) => s.name),
  };
}

export interface TeamOption {
  name: string;
  slug: string;
}

export async function listTeams(): Promise<TeamOption[]> {
  return db.team.findMany({
    select: { name: true, slug: true },
    orderBy: [{ name: "asc" }, { slug: "asc" }],
  });
}

export interface SuggestedTeacher extends MemberCard {
  /** Skills the viewer wants to learn that this member can teach. */
  matching: string[];
}

/**
 * Active colleagues who can teach what `memberId` wants to learn, most matching skills
 * first (ties by name), ranked in SQL.
 */
export async function findTeachersFor(memberId: string, take = 6): Promise<SuggestedTeacher[]> {
  const ranked = await db.$queryRaw<{ id: string; matching: string[] }[]>`
    SELECT teacher."id", array_agg(s."name" ORDER BY s."name") AS "matching"
    FROM "MemberSkill" wanted
    JOIN "MemberSkill" offered ON offered."skillId" = wanted."skillId" AND offered."kind" = 'OFFERED'
    JOIN "User" teacher ON teacher."id" = offered."userId"
    JOIN "Skill" s ON s."id" = wanted."skillId"
    WHERE wanted."userId" = ${memberId} AND wanted."kind" = 'WANTED'
      AND teacher."id" <> ${memberId} AND teacher."status" = 'ACTIVE'
    GROUP BY teacher."id", teacher."name"
    ORDER BY count(*) DESC, teacher."name", teacher."id"
    LIMIT ${take}`;
  const rows = await db.user.findMany({
    where: { id: { in: ranked.map((r) => r.id) } },
    select: memberCardSelect,
  });
  const cardById = new Map(rows.map((row) => [row.id, toMemberCard(row)]));
  return ranked.flatMap((r) => {
    const card = cardById.get(r.id);
    return card ? [{ ...card, matching: r.matching }] : [];
  });
}
