import { describe, expect, it } from "vitest";
import { unique } from "@/test/factories";
import { createMemberWithProfile, createSkill } from "@/test/factories-members";
import { normaliseSkillName, skillSlug, splitSkillList, uniqueSkills } from "@/lib/core/vocabulary";
import { skillsInUse, suggestSkills } from "./queries";

describe("skill names", () => {
  it("normalises spacing and Unicode forms but keeps capitalisation", () => {
    expect(normaliseSkillName("  Public \t speaking ")).toBe("Public speaking");
    expect(normaliseSkillName("Ｒｅａｃｔ")).toBe("React");
    expect(skillSlug(" react ")).toBe(skillSlug("React"));
    expect(skillSlug("C++")).not.toBe(skillSlug("C#"));
  });

  it("splits a typed list on commas and new lines", () => {
    expect(splitSkillList("React, , Node.js\nGo ,")).toEqual(["React", "Node.js", "Go"]);
  });

  it("keeps the first spelling of each skill", () => {
    expect(uniqueSkills(["React", "react", " REACT", "Go"])).toEqual(["React", "Go"]);
  });
});

describe("suggestSkills", () => {
  it("suggests skills starting with what was typed, whatever its case or spacing", async () => {
    const tag = unique("k");
    await createSkill(`${tag} Postgres tuning`);
    await createSkill(`${tag} Post-mortems`);
    await createSkill(`${tag} Python`);
    const names = async (typed: string) => (await suggestSkills(typed)).map((s) => s.name);
    expect(await names(`${tag.toUpperCase()}  post`)).toEqual([
      `${tag} Post-mortems`,
      `${tag} Postgres tuning`,
    ]);
    expect(await names(`${tag} py`)).toEqual([`${tag} Python`]);
    expect(await names("   ")).toEqual([]);
    expect(await names("%_")).toEqual([]);
  });
});

describe("skillsInUse", () => {
  it("lists skills that active members have listed, not unused ones or those of deactivated members", async () => {
    const tag = unique("u");
    await createSkill(`${tag} Unused`);
    await createMemberWithProfile({ offers: [`${tag} Offered`] });
    await createMemberWithProfile({ wants: [`${tag} Wanted`] });
    await createMemberWithProfile({ offers: [`${tag} Hidden`], status: "DEACTIVATED" });
    const mine = (await skillsInUse()).filter((s) => s.name.startsWith(tag)).map((s) => s.name);
    expect(mine).toEqual([`${tag} Offered`, `${tag} Wanted`]);
  });
});
