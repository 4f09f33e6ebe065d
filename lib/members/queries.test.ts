import { describe, expect, it } from "vitest";
import { createAdmin, createLeader, createMember, unique } from "@/test/factories";
import { createMemberWithProfile, createTeam } from "@/test/factories-members";
import { getEditableProfile, getMemberProfile } from "./queries";

describe("getMemberProfile", () => {
  it("shows an active member's profile to any member", async () => {
    const tag = unique();
    const team = await createTeam(`${tag} Team`);
    const member = await createMemberWithProfile({
      name: `${tag} Shown`,
      title: "Analyst",
      team,
      offers: [`${tag} SQL`],
      wants: [`${tag} Go`],
    });
    const viewer = await createMember();
    const profile = await getMemberProfile(viewer, member.id);
    expect(profile).toMatchObject({
      id: member.id,
      name: `${tag} Shown`,
      title: "Analyst",
      timeZone: "UTC",
      deactivated: false,
      team: { name: team.name },
      offered: [{ name: `${tag} SQL` }],
      wanted: [{ name: `${tag} Go` }],
    });
  });

  it("returns nothing for malformed or unknown ids", async () => {
    const viewer = await createMember();
    for (const id of [
      "",
      "not a cuid",
      "../etc",
      "'; select 1",
      "c".repeat(500),
      "cunknownid0000000000000000",
    ]) {
      expect(await getMemberProfile(viewer, id)).toBeNull();
    }
  });

  it("shows a deactivated member to admins only, marked as deactivated", async () => {
    const gone = await createMember({ status: "DEACTIVATED" });
    expect(await getMemberProfile(await createMember(), gone.id)).toBeNull();
    expect(await getMemberProfile(await createLeader(), gone.id)).toBeNull();
    expect(await getMemberProfile(await createAdmin(), gone.id)).toMatchObject({
      id: gone.id,
      deactivated: true,
    });
  });
});

describe("getEditableProfile", () => {
  it("gives the form's starting values", async () => {
    const tag = unique();
    const team = await createTeam(`${tag} Team`);
    const member = await createMemberWithProfile({ team, offers: [`${tag} B`, `${tag} A`] });
    expect(await getEditableProfile(member.id)).toEqual({
      name: member.name,
      avatarId: null,
      title: "",
      team: team.name,
      timeZone: "UTC",
      bio: "",
      offered: [`${tag} A`, `${tag} B`],
      wanted: [],
    });
  });
});
