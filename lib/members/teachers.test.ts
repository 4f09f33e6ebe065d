import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { createMember, unique } from "@/test/factories";
import { findTeachersFor } from "./queries";

async function skill(name: string) {
  return testDb.skill.create({ data: { name, slug: unique("skill-") } });
}

async function give(userId: string, skillId: string, kind: "OFFERED" | "WANTED") {
  await testDb.memberSkill.create({ data: { userId, skillId, kind } });
}

describe("findTeachersFor", () => {
  it("ranks active colleagues by how many wanted skills they teach, then by name", async () => {
    const [a, b, c] = [
      await skill(unique("A")),
      await skill(unique("B")),
      await skill(unique("C")),
    ];
    const learner = await createMember({ name: "Learner" });
    for (const s of [a, b]) await give(learner.id, s.id, "WANTED");
    await give(learner.id, c.id, "OFFERED");

    const both = await createMember({ name: "Zed Both" });
    await give(both.id, a.id, "OFFERED");
    await give(both.id, b.id, "OFFERED");
    const oneB = await createMember({ name: "Bea One" });
    await give(oneB.id, b.id, "OFFERED");
    const oneA = await createMember({ name: "Abe One" });
    await give(oneA.id, a.id, "OFFERED");
    const wantsToo = await createMember({ name: "Also Wants" });
    await give(wantsToo.id, a.id, "WANTED");
    const gone = await createMember({ name: "Aaron Gone", status: "DEACTIVATED" });
    await give(gone.id, a.id, "OFFERED");

    const teachers = await findTeachersFor(learner.id);
    expect(teachers.map((t) => t.name)).toEqual(["Zed Both", "Abe One", "Bea One"]);
    expect(teachers[0]!.matching).toEqual([a.name, b.name].sort());
  });

  it("is empty for a member who wants to learn nothing", async () => {
    const member = await createMember();
    expect(await findTeachersFor(member.id)).toEqual([]);
  });
});
