import "server-only";
import { db } from "@/lib/core/db/client";
import { rows as run, sql, sqlb } from "@/lib/core/db/typed-sql";
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
  const ranked = await run(
    db,
    sqlb
      .selectFrom("MemberSkill as wanted")
      .innerJoin("MemberSkill as offered", (join) =>
        join
          .onRef("offered.skillId", "=", "wanted.skillId")
          .on("offered.kind", "=", sql<"OFFERED">`'OFFERED'`),
      )
      .innerJoin("User as teacher", "teacher.id", "offered.userId")
      .innerJoin("Skill as s", "s.id", "wanted.skillId")
      .select((eb) => [
        "teacher.id",
        sql<string[]>`array_agg(${eb.ref("s.name")} ORDER BY ${eb.ref("s.name")})`.as("matching"),
      ])
      .where((eb) =>
        eb.and([
          eb("wanted.userId", "=", memberId),
          eb("wanted.kind", "=", sql<"WANTED">`'WANTED'`),
          eb("teacher.id", "<>", memberId),
          eb("teacher.status", "=", sql<"ACTIVE">`'ACTIVE'`),
        ]),
      )
      .groupBy(["teacher.id", "teacher.name"])
      .orderBy(sql`count(*)`, "desc")
      .orderBy("teacher.name")
      .orderBy("teacher.id")
      .limit(take),
  );
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
