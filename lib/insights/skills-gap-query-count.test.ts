// The skills gap page's figures come in three statements (teams, figures, quarters), however
// many skills, members, questions, posts and sessions there are.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/db/client";
import { statementCounter } from "@/test/count-statements";
import { createAdmin, createMember } from "@/test/factories";
import { createDiscussion, createPost } from "@/test/factories-content";
import {
  createKnowledgeRequest,
  createSkillWithTag,
  createTaggedSession,
  declareSkill,
} from "@/test/factories-skills";
import { loadSkillsGap } from "./skills-gap";

const countStatements = statementCounter();

async function seedSkill() {
  const { skill, tag } = await createSkillWithTag();
  const member = await createMember();
  await declareSkill(member.id, skill.id, "WANTED");
  await declareSkill((await createMember()).id, skill.id, "OFFERED");
  await createDiscussion({ authorId: member.id, kind: "QUESTION", tags: [tag] });
  await createPost({ tags: [tag] });
  await createTaggedSession((await createMember()).id, tag);
  await createKnowledgeRequest(member.id, tag);
}

async function counted() {
  const admin = await createAdmin();
  return countStatements(() => loadSkillsGap(db, admin, { sort: "gap" }));
}

describe("skills gap statement count", () => {
  it("loads in 3 statements with one skill and with five", async () => {
    await seedSkill();
    expect(await counted()).toBe(3);
    for (let i = 0; i < 4; i += 1) await seedSkill();
    expect(await counted()).toBe(3);
  });
});
