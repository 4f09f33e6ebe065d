// Discussions, replies and reactions straight into the database, for tests.
import type { Prisma } from "@/lib/generated/prisma/client";
import { testDb } from "./db";
import { unique } from "./factories";

export { createTag, followTag } from "./factories-tags";

export async function createDiscussion(
  authorId: string,
  overrides: Partial<Prisma.DiscussionUncheckedCreateInput> & { tagIds?: string[] } = {},
) {
  const { tagIds = [], ...data } = overrides;
  return testDb.discussion.create({
    data: {
      title: `Discussion ${unique()}`,
      body: "What do you think?",
      authorId,
      ...data,
      tags: { create: tagIds.map((tagId) => ({ tagId })) },
    },
  });
}

export const createQuestion = (
  authorId: string,
  overrides: Parameters<typeof createDiscussion>[1] = {},
) => createDiscussion(authorId, { kind: "QUESTION", ...overrides });

export async function createReply(
  discussionId: string,
  authorId: string,
  overrides: Partial<Prisma.ReplyUncheckedCreateInput> = {},
) {
  const reply = await testDb.reply.create({
    data: { discussionId, authorId, body: `Reply ${unique()}`, ...overrides },
  });
  if (!reply.deletedAt && !reply.hiddenAt) {
    await testDb.discussion.update({
      where: { id: discussionId },
      data: { replyCount: { increment: 1 }, lastActivityAt: reply.createdAt },
    });
  }
  return reply;
}

/** A FormData-like plain object, as services receive from submitToService. */
export function discussionInput(overrides: Record<string, string | string[]> = {}) {
  return {
    kind: "DISCUSSION",
    title: `How do we ${unique()} well?`,
    body: "Some **thoughts** to start.",
    tags: "",
    ...overrides,
  };
}

export function mention(member: { id: string; name: string }) {
  return `[@${member.name}](/members/${member.id})`;
}
