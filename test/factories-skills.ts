// Skills-gap test data (lib/insights/skills-gap): a skill with its tag (same slug), declared
// skills, sessions tagged through their notes post, and knowledge requests.
import type { KnowledgeRequestStatus, SkillKind } from "@/lib/generated/prisma/enums";
import { skillSlug } from "@/lib/core/vocabulary";
import { testDb } from "./db";
import { unique } from "./factories";
import { createPost } from "./factories-content";
import { createPastSession } from "./factories-sessions";

/** A skill and the tag with the same slug (how lib/asks and the skills gap match them). */
export async function createSkillWithTag(name = `Skill ${unique()}`) {
  const slug = skillSlug(name);
  const skill = await testDb.skill.create({ data: { name, slug } });
  const tag = await testDb.tag.create({ data: { name, slug } });
  return { skill, tag };
}

export function declareSkill(userId: string, skillId: string, kind: SkillKind) {
  return testDb.memberSkill.create({ data: { userId, skillId, kind } });
}

/** A session that took place, hosted by `hostId`, whose (draft) notes post carries `tag`. */
export async function createTaggedSession(
  hostId: string,
  tag: { id: string },
  options: { communityId?: string; title?: string } = {},
) {
  const notes = await createPost({ authorId: hostId, tags: [tag], status: "DRAFT" });
  const session = await createPastSession([hostId], options.title ? { title: options.title } : {});
  return testDb.learningSession.update({
    where: { id: session.id },
    data: { notesPostId: notes.id, communityId: options.communityId ?? null },
  });
}

export function createKnowledgeRequest(
  requesterId: string,
  tag: { id: string },
  status: KnowledgeRequestStatus = "OPEN",
) {
  return testDb.knowledgeRequest.create({
    data: {
      title: `Request ${unique()}`,
      details: "We need a post on this.",
      requesterId,
      status,
      tags: { create: [{ tagId: tag.id }] },
    },
  });
}
