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
  avatarId: string | null;
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
    avatarId: row.avatarId,
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

type CardSkill = { kind: "OFFERED" | "WANTED"; skill: { name: string; slug: string } };

/**
 * Active colleagues who can teach what `memberId` wants to learn, most matching skills
 * first (ties by name), ranked in SQL; each with the directory card's team and skills, in the
 * same statement.
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
      .leftJoin("Team as team", "team.id", "teacher.teamId")
      .select((eb) => [
        "teacher.id",
        "teacher.name",
        "teacher.title",
        "teacher.avatarId",
        sql<"ACTIVE" | "DEACTIVATED">`${eb.ref("teacher.status")}::text`.as("status"),
        sql<{ name: string; slug: string } | null>`CASE WHEN ${eb.ref("team.id")} IS NULL
          THEN NULL ELSE json_build_object('name', ${eb.ref("team.name")}, 'slug', ${eb.ref("team.slug")}) END`.as(
          "team",
        ),
        sql<CardSkill[]>`(SELECT coalesce(json_agg(json_build_object('kind', ms."kind"::text,
          'skill', json_build_object('name', sk."name", 'slug', sk."slug"))
          ORDER BY sk."name", sk."slug"), '[]'::json)
          FROM "MemberSkill" ms JOIN "Skill" sk ON sk."id" = ms."skillId"
          WHERE ms."userId" = ${eb.ref("teacher.id")})`.as("skills"),
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
      .groupBy(["teacher.id", "teacher.name", "team.id"])
      .orderBy(sql`count(*)`, "desc")
      .orderBy("teacher.name")
      .orderBy("teacher.id")
      .limit(take),
  );
  return ranked.map(({ matching, ...row }) => ({ ...toMemberCard(row), matching }));
}
