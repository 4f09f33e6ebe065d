// Content and reports straight into the database, for moderation tests. Unique per call.
import type { ReportStatus, ReportTarget } from "@/lib/generated/prisma/enums";
import { testDb } from "./db";
import { unique } from "./factories";

export function createDiscussion(
  authorId: string,
  overrides: Partial<{ title: string; body: string; hiddenAt: Date; replyCount: number }> = {},
) {
  const tag = unique("d");
  return testDb.discussion.create({
    data: { authorId, title: `Discussion ${tag}`, body: `Body of ${tag}`, ...overrides },
  });
}

/** A reply, counted in its discussion's replyCount as the discussions service would. */
export async function createReply(
  discussionId: string,
  authorId: string,
  overrides: Partial<{ body: string; hiddenAt: Date; deletedAt: Date }> = {},
) {
  const reply = await testDb.reply.create({
    data: { discussionId, authorId, body: `Reply ${unique("r")}`, ...overrides },
  });
  if (!overrides.hiddenAt && !overrides.deletedAt) {
    await testDb.discussion.update({
      where: { id: discussionId },
      data: { replyCount: { increment: 1 } },
    });
  }
  return reply;
}

export function createPost(
  authorId: string,
  overrides: Partial<{
    title: string;
    body: string;
    status: "DRAFT" | "PUBLISHED";
    hiddenAt: Date;
  }> = {},
) {
  const tag = unique("p");
  return testDb.knowledgePost.create({
    data: {
      authorId,
      type: "HOW_TO",
      status: "PUBLISHED",
      publishedAt: new Date(),
      title: `Post ${tag}`,
      summary: `Summary of ${tag}`,
      body: `Body of ${tag}`,
      reviewBy: new Date(Date.now() + 180 * 24 * 3600 * 1000),
      ...overrides,
    },
  });
}

/** A comment, counted in its post's commentCount as the posts service would. */
export async function createComment(
  postId: string,
  authorId: string,
  overrides: Partial<{ body: string; hiddenAt: Date }> = {},
) {
  const comment = await testDb.postComment.create({
    data: { postId, authorId, body: `Comment ${unique("c")}`, ...overrides },
  });
  if (!overrides.hiddenAt) {
    await testDb.knowledgePost.update({
      where: { id: postId },
      data: { commentCount: { increment: 1 } },
    });
  }
  return comment;
}

export function createReport(
  reporterId: string,
  targetType: ReportTarget,
  targetId: string,
  overrides: Partial<{ reason: string; status: ReportStatus; createdAt: Date }> = {},
) {
  return testDb.report.create({
    data: { reporterId, targetType, targetId, reason: `Reason ${unique("why")}`, ...overrides },
  });
}

export function reportsOn(targetType: ReportTarget, targetId: string) {
  return testDb.report.findMany({
    where: { targetType, targetId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

export function auditEntriesFor(entityId: string) {
  return testDb.auditLog.findMany({
    where: { entityId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}
