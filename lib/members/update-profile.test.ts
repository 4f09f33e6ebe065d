import { describe, expect, it } from "vitest";
import { PermissionDenied } from "@/lib/core/auth/authorize";
import { NotFound } from "@/lib/core/forms/errors";
import { skillSlug } from "@/lib/core/vocabulary";
import { testDb } from "@/test/db";
import { createAdmin, createMember, unique } from "@/test/factories";
import {
  createMemberWithProfile,
  createSkill,
  createTeam,
  skillsOf,
} from "@/test/factories-members";
import { updateProfile } from "./update-profile";

function validInput(overrides: Record<string, unknown> = {}) {
  return { name: "Rowan Example", title: "", team: "", timeZone: "UTC", bio: "", ...overrides };
}

function fieldErrorsOf(result: Awaited<ReturnType<typeof updateProfile>>) {
  expect(result.ok).toBe(false);
  return result.ok ? {} : (result.fieldErrors ?? {});
}

describe("updateProfile", () => {
  it("saves name, title, team, time zone, bio and both skill lists", async () => {
    const member = await createMember();
    const [teach, learn, extra] = [`Teach${unique()}`, `Learn${unique()}`, `Extra${unique()}`];
    const teamName = `Platform ${unique()}`;
    const result = await updateProfile(member, {
      name: "  Rowan   Example ",
      title: "Staff Engineer",
      team: `  ${teamName} `,
      timeZone: "Europe/Berlin",
      bio: "I like **databases**.\r\nAnd tea.",
      offered: teach,
      offeredAdd: `${extra}, `,
      wanted: "",
      wantedAdd: learn,
    });
    expect(result).toEqual({ ok: true, message: "Profile saved." });

    const saved = await testDb.user.findUniqueOrThrow({
      where: { id: member.id },
      include: { team: true },
    });
    expect(saved).toMatchObject({
      name: "Rowan   Example",
      title: "Staff Engineer",
      timeZone: "Europe/Berlin",
      bio: "I like **databases**.\nAnd tea.",
      team: { name: teamName, slug: skillSlug(teamName) },
    });
    expect(await skillsOf(member.id)).toEqual({ offered: [extra, teach].sort(), wanted: [learn] });
  });

  it('treats " react " and "React" as one skill, reusing the vocabulary\'s first spelling', async () => {
    const word = `Reakt${unique()}`;
    const first = await createMember();
    await updateProfile(
      first,
      validInput({
        offered: [` ${word.toLowerCase()} `],
        offeredAdd: `${word},  ${word.toUpperCase()}`,
      }),
    );
    expect(await skillsOf(first.id)).toEqual({ offered: [word.toLowerCase()], wanted: [] });

    const second = await createMember();
    await updateProfile(second, validInput({ wantedAdd: ` ${word}  ` }));
    expect(await skillsOf(second.id)).toEqual({ offered: [], wanted: [word.toLowerCase()] });
    expect(await testDb.skill.count({ where: { slug: skillSlug(word) } })).toBe(1);
  });

  it("normalises a typed team name onto the existing team", async () => {
    const team = await createTeam(`Data Platform ${unique()}`);
    const member = await createMember();
    await updateProfile(
      member,
      validInput({ team: `  ${team.name.toLowerCase().replace(" ", "   ")} ` }),
    );
    const saved = await testDb.user.findUniqueOrThrow({ where: { id: member.id } });
    expect(saved.teamId).toBe(team.id);
    expect(await testDb.team.count({ where: { slug: team.slug } })).toBe(1);
  });

  it("clears the team and removes skills that are no longer listed", async () => {
    const [keep, drop] = [`Keep${unique()}`, `Drop${unique()}`];
    const member = await createMemberWithProfile({
      team: await createTeam(),
      offers: [keep, drop],
      wants: [drop],
    });
    const result = await updateProfile(member, validInput({ offered: [keep] }));
    expect(result.ok).toBe(true);
    const saved = await testDb.user.findUniqueOrThrow({ where: { id: member.id } });
    expect(saved.teamId).toBeNull();
    expect(await skillsOf(member.id)).toEqual({ offered: [keep], wanted: [] });
  });

  it("accepts IANA aliases such as Asia/Kolkata", async () => {
    const member = await createMember();
    expect((await updateProfile(member, validInput({ timeZone: "Asia/Kolkata" }))).ok).toBe(true);
  });

  it("lets a member edit only their own profile", async () => {
    const actor = await createMember();
    const other = await createMember({ name: "Untouched Person" });
    await expect(
      updateProfile(actor, validInput({ memberId: other.id, name: "Hijacked" })),
    ).rejects.toThrow(PermissionDenied);
    const admin = await createAdmin();
    await expect(
      updateProfile(admin, validInput({ memberId: other.id, name: "Hijacked" })),
    ).rejects.toThrow(PermissionDenied);
    expect((await testDb.user.findUniqueOrThrow({ where: { id: other.id } })).name).toBe(
      "Untouched Person",
    );

    expect(
      (await updateProfile(actor, validInput({ memberId: actor.id, name: "Me Myself" }))).ok,
    ).toBe(true);
  });

  it("refuses a deactivated member", async () => {
    const member = await createMember({ status: "DEACTIVATED", name: "Gone Person" });
    await expect(updateProfile(member, validInput())).rejects.toThrow(NotFound);
    expect((await testDb.user.findUniqueOrThrow({ where: { id: member.id } })).name).toBe(
      "Gone Person",
    );
  });

  it.each([
    ["name", { name: "   " }, "Enter your name."],
    ["name", { name: "x".repeat(81) }, "Your name can be at most 80 characters."],
    ["timeZone", { timeZone: "Mars/Olympus" }, "Choose a time zone from the list."],
    ["timeZone", { timeZone: "europe/berlin" }, "Choose a time zone from the list."],
    ["bio", { bio: "b".repeat(2001) }, "Your bio can be at most 2,000 characters."],
    ["title", { title: "t".repeat(101) }, "Your title can be at most 100 characters."],
    ["team", { team: "t".repeat(61) }, "A team name can be at most 60 characters."],
    [
      "offered",
      { offeredAdd: "s".repeat(41) },
      `“${"s".repeat(40)}…” is too long: a skill can be at most 40 characters.`,
    ],
    ["wanted", { wanted: ["!!!"] }, "“!!!” needs at least one letter or number."],
  ])("reports an invalid %s beside that field", async (field, overrides, message) => {
    const member = await createMember();
    const errors = fieldErrorsOf(await updateProfile(member, validInput(overrides)));
    expect(errors[field]).toEqual([message]);
    expect(Object.keys(errors)).toEqual([field]);
  });

  it("limits each skill list to 20 distinct skills", async () => {
    const member = await createMember();
    const tag = unique();
    const skills = Array.from({ length: 21 }, (_, i) => `S${i}${tag}`);
    const errors = fieldErrorsOf(
      await updateProfile(member, validInput({ wantedAdd: skills.join(", ") })),
    );
    expect(errors.wanted).toEqual(["List at most 20 skills you want to learn (you have 21)."]);

    // Duplicates by slug count once.
    const result = await updateProfile(
      member,
      validInput({ wanted: skills.slice(0, 20), wantedAdd: skills[0]!.toLowerCase() }),
    );
    expect(result.ok).toBe(true);
  });

  it("counts a bio's line breaks as one character each", async () => {
    const member = await createMember();
    const bio = "a\r\n".repeat(666) + "ab"; // 2,000 characters once \r\n is \n
    expect((await updateProfile(member, validInput({ bio }))).ok).toBe(true);
  });

  it("writes nothing when one field is invalid", async () => {
    const skill = await createSkill(`Existing${unique()}`);
    const team = await createTeam();
    const member = await createMemberWithProfile({
      name: "Before Change",
      team,
      offers: [skill.name],
    });
    const newSkill = `Brand${unique()}`;
    const newTeam = `Fresh team ${unique()}`;
    const result = await updateProfile(
      member,
      validInput({
        name: "After Change",
        team: newTeam,
        offered: [],
        offeredAdd: `${newSkill}, ${"y".repeat(41)}`,
      }),
    );
    expect(result.ok).toBe(false);

    const saved = await testDb.user.findUniqueOrThrow({ where: { id: member.id } });
    expect(saved).toMatchObject({ name: "Before Change", teamId: team.id });
    expect(await skillsOf(member.id)).toEqual({ offered: [skill.name], wanted: [] });
    expect(await testDb.skill.count({ where: { slug: skillSlug(newSkill) } })).toBe(0);
    expect(await testDb.team.count({ where: { slug: skillSlug(newTeam) } })).toBe(0);
  });
});
