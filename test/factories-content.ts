// Tags, discussions, replies and knowledge posts straight into the database, for the tag,
// search and feed tests. Everything unnamed gets a unique title so that tests can find
// their own rows in a shared database.
import type { DiscussionKind, KnowledgePostType, PostStatus } from "@/lib/generated/prisma/enums";
import { testDb } from "./db";
import { createMember, unique } from "./factories";

export { createTag, followTag } from "./factories-tags";

type TagRef = { id: string };

interface DiscussionOverrides {
  authorId: string;
  kind: DiscussionKind;
  title: string;
  body: string;
  tags: TagRef[];
  createdAt: Date;
  lastActivityAt: Date;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  pinnedAt: Date | null;
  lockedAt: Date | null;
  replyCount: number;
  reactionCount: number;
}

export async function createDiscussion(overrides: Partial<DiscussionOverrides> = {}) {
  const { tags = [], authorId, ...data } = overrides;
  return testDb.discussion.create({
    data: {
      title: `Discussion ${unique()}`,
      body: "Some thoughts to discuss.",
      authorId: authorId ?? (await createMember()).id,
      ...data,
      tags: { create: tags.map((tag) => ({ tagId: tag.id })) },
    },
  });
}

interface ReplyOverrides {
  authorId: string;
  body: string;
  createdAt: Date;
  deletedAt: Date | null;
  hiddenAt: Date | null;
}

export async function createReply(discussionId: string, overrides: Partial<ReplyOverrides> = {}) {
  const { authorId, ...data } = overrides;
  return testDb.reply.create({
    data: {
      discussionId,
      body: `A reply ${unique()}`,
      authorId: authorId ?? (await createMember()).id,
      ...data,
    },
  });
}

/** Marks a reply as the discussion's accepted answer. */
export function acceptReply(discussionId: string, replyId: string) {
  return testDb.discussion.update({
    where: { id: discussionId },
    data: { acceptedReplyId: replyId },
  });
}

interface PostOverrides {
  authorId: string;
  type: KnowledgePostType;
  status: PostStatus;
  title: string;
  summary: string;
  body: string;
  tags: TagRef[];
  publishedAt: Date | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  pinnedAt: Date | null;
  helpfulCount: number;
  commentCount: number;
}

/** A published how-to unless told otherwise; a draft has no publishedAt. */
export async function createPost(overrides: Partial<PostOverrides> = {}) {
  const { tags = [], authorId, ...data } = overrides;
  const status = data.status ?? "PUBLISHED";
  return testDb.knowledgePost.create({
    data: {
      type: "HOW_TO",
      title: `Post ${unique()}`,
      summary: "What this post covers.",
      body: "The steps, one by one.",
      reviewBy: new Date(Date.now() + 180 * 24 * 3600 * 1000),
      authorId: authorId ?? (await createMember()).id,
      publishedAt: status === "PUBLISHED" ? new Date() : null,
      ...data,
      status,
      tags: { create: tags.map((tag) => ({ tagId: tag.id })) },
    },
  });
}

/** A time `minutes` from now (negative: in the past), for ordering tests. */
export function minutesFromNow(minutes: number): Date {
  return new Date(Date.now() + minutes * 60_000);
}
