// Knowledge posts, comments and tags straight into the database, unique per call.
import type { KnowledgePostType, PostStatus } from "@/lib/generated/prisma/enums";
import { addMonths, utcToday } from "@/lib/core/dates";
import { testDb } from "./db";
import { unique } from "./factories";

export { createTag, followTag } from "./factories-tags";

export interface PostOverrides {
  type?: KnowledgePostType;
  status?: PostStatus;
  title?: string;
  summary?: string;
  body?: string;
  tagIds?: string[];
  publishedAt?: Date | null;
  reviewBy?: Date;
  hiddenAt?: Date | null;
  deletedAt?: Date | null;
  pinnedAt?: Date | null;
  helpfulCount?: number;
  commentCount?: number;
}

/** A post by `authorId`: published (an hour ago) unless `status: "DRAFT"` is given. */
export async function createPost(authorId: string, overrides: PostOverrides = {}) {
  const { tagIds = [], ...data } = overrides;
  const status = data.status ?? "PUBLISHED";
  const tag = unique("p");
  return testDb.knowledgePost.create({
    data: {
      type: "HOW_TO",
      title: `Post ${tag}`,
      summary: `Summary of post ${tag}`,
      body: `Body of post ${tag}`,
      authorId,
      reviewBy: addMonths(utcToday(), 6),
      publishedAt: status === "PUBLISHED" ? new Date(Date.now() - 3_600_000) : null,
      ...data,
      status,
      tags: { create: tagIds.map((tagId) => ({ tagId })) },
    },
  });
}

export function createComment(
  postId: string,
  authorId: string,
  overrides: Partial<{ body: string; createdAt: Date; deletedAt: Date; hiddenAt: Date }> = {},
) {
  return testDb.postComment.create({
    data: { postId, authorId, body: `Comment ${unique()}`, ...overrides },
  });
}

export function postRow(id: string) {
  return testDb.knowledgePost.findUniqueOrThrow({
    where: { id },
    include: { tags: { include: { tag: true } } },
  });
}

/** Valid form input for a new post; override any field. */
export function postInput(overrides: Record<string, string> = {}) {
  const tag = unique("in");
  return {
    type: "HOW_TO",
    title: `How to ${tag}`,
    summary: `A short summary for ${tag}`,
    body: `## Steps\n\nDo the thing ${tag}.`,
    tags: "",
    ...overrides,
  };
}
