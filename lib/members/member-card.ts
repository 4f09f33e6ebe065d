// What the directory shows per member, loaded with one Prisma select.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SkillOption } from "@/lib/skills/queries";

export const memberCardSelect = {
  id: true,
  name: true,
  title: true,
  status: true,
  avatarId: true,
  team: { select: { name: true, slug: true } },
  skills: {
    select: { kind: true, skill: { select: { name: true, slug: true } } },
    orderBy: { skill: { name: "asc" } },
  },
} satisfies Prisma.UserSelect;

type CardRow = Prisma.UserGetPayload<{ select: typeof memberCardSelect }>;

export interface MemberCard {
  id: string;
  name: string;
  title: string | null;
  /** The profile photo (an Upload of kind AVATAR), or null for initials. */
  avatarId: string | null;
  team: { name: string; slug: string } | null;
  deactivated: boolean;
  offered: SkillOption[];
  wanted: SkillOption[];
}

export function toMemberCard(row: CardRow): MemberCard {
  const ofKind = (kind: "OFFERED" | "WANTED") =>
    row.skills.filter((s) => s.kind === kind).map((s) => s.skill);
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    avatarId: row.avatarId,
    team: row.team,
    deactivated: row.status === "DEACTIVATED",
    offered: ofKind("OFFERED"),
    wanted: ofKind("WANTED"),
  };
}
