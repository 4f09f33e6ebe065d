import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/authorize";
import { hasPermission } from "@/lib/auth/permissions";
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
