// Teams, skills and profile data for member tests, straight into the database.
import { skillSlug } from "@/lib/core/vocabulary";
import { testDb } from "./db";
import { createMember, unique } from "./factories";

export async function createTeam(name = `Team ${unique()}`) {
  return testDb.team.create({ data: { name, slug: skillSlug(name) } });
}

export async function createSkill(name = `Skill ${unique()}`) {
  return testDb.skill.upsert({
    where: { slug: skillSlug(name) },
    update: {},
    create: { name, slug: skillSlug(name) },
  });
}

/** A member with a team and skills; skills are created (by name) when missing. */
export async function createMemberWithProfile(
  profile: {
    name?: string;
    title?: string;
    team?: { id: string };
    offers?: string[];
    wants?: string[];
    status?: "ACTIVE" | "DEACTIVATED";
    role?: "MEMBER" | "LEADER" | "ADMIN";
  } = {},
) {
  const { team, offers = [], wants = [], ...rest } = profile;
  const member = await createMember({ ...rest, teamId: team?.id });
  const rows: { skillId: string; kind: "OFFERED" | "WANTED" }[] = [];
  for (const name of offers) rows.push({ skillId: (await createSkill(name)).id, kind: "OFFERED" });
  for (const name of wants) rows.push({ skillId: (await createSkill(name)).id, kind: "WANTED" });
  if (rows.length)
    await testDb.memberSkill.createMany({
      data: rows.map((row) => ({ ...row, userId: member.id })),
    });
  return member;
}

export async function skillsOf(memberId: string) {
  const rows = await testDb.memberSkill.findMany({
    where: { userId: memberId },
    select: { kind: true, skill: { select: { name: true, slug: true } } },
    orderBy: { skill: { name: "asc" } },
  });
  return {
    offered: rows.filter((r) => r.kind === "OFFERED").map((r) => r.skill.name),
    wanted: rows.filter((r) => r.kind === "WANTED").map((r) => r.skill.name),
  };
}
