// Generated knowledge posts of all four types: drafts, review-by dates (some past), tags,
// comments, helpful votes and bookmarks. Counters are computed from the rows written.
import {
  DAY,
  distinctMembers,
  HOUR,
  later,
  latest,
  moderation,
  momentsBetween,
  pastMoment,
  pickMember,
  pickTags,
  type SeedContext,
} from "./context";
import type { Random } from "./random";
import type { Writers } from "./tables";
import { commentBody, postBody, postSummary, postTitle, type PostType } from "./text";
import { date, timestamp } from "./writer";

const POST_TYPES: PostType[] = ["HOW_TO", "LESSON_LEARNED", "CASE_STUDY", "RESOURCE_NOTES"];

export function addPost(
  writers: Writers,
  ctx: SeedContext,
  random: Random,
  plan: { pinned?: boolean },
): string {
  const id = ctx.newId();
  const type = random.pick(POST_TYPES);
  const draft = !plan.pinned && random.chance(0.1);
  const createdAt = pastMoment(ctx, random);
  const publishedAt = draft ? null : later(ctx, createdAt, random.int(0, 72) * HOUR);
  const moderated = draft || plan.pinned ? null : moderation(random, 0.005);
  const written = publishedAt ?? createdAt;
  const review = reviewDates(ctx, random, written, draft);
  const editedAt = random.chance(0.1) ? later(ctx, written, random.int(1, 30) * DAY) : null;
  const hiddenAt = moderated === "hidden" ? later(ctx, written, 6 * HOUR) : null;
  const deletedAt = moderated === "deleted" ? later(ctx, written, 9 * HOUR) : null;
  const pinnedAt = plan.pinned ? later(ctx, written, DAY) : null;
  const counts =
    publishedAt === null
      ? { comments: 0, helpful: 0 }
      : addResponses(writers, ctx, random, id, publishedAt);
  for (const tagId of pickTags(ctx, random, random.int(1, 4))) {
    writers.postTag.add({ postId: id, tagId });
  }
  writers.post.add({
    id,
    type,
    status: draft ? "DRAFT" : "PUBLISHED",
    title: postTitle(type, random),
    summary: postSummary(random),
    body: postBody(type, random),
    authorId: pickMember(ctx, random),
    createdAt: timestamp(createdAt),
    updatedAt: timestamp(
      latest(createdAt, publishedAt, editedAt, review.reviewedAt, hiddenAt, deletedAt, pinnedAt),
    ),
    editedAt: timestamp(editedAt),
    publishedAt: timestamp(publishedAt),
    reviewBy: date(review.reviewBy),
    reviewedAt: timestamp(review.reviewedAt),
    deletedAt: timestamp(deletedAt),
    hiddenAt: timestamp(hiddenAt),
    pinnedAt: timestamp(pinnedAt),
    helpfulCount: counts.helpful,
    commentCount: counts.comments,
  });
  return id;
}

/** Review 4–13 months after writing; a quarter of the overdue ones were reviewed since. */
function reviewDates(ctx: SeedContext, random: Random, written: number, draft: boolean) {
  const reviewBy = written + random.int(120, 400) * DAY;
  if (draft || reviewBy > ctx.now || !random.chance(0.25)) return { reviewBy, reviewedAt: null };
  const reviewedAt = later(ctx, reviewBy, random.int(0, 30) * DAY);
  return { reviewBy: reviewedAt + 365 * DAY, reviewedAt };
}

function addResponses(
  writers: Writers,
  ctx: SeedContext,
  random: Random,
  postId: string,
  publishedAt: number,
) {
  let visibleComments = 0;
  const commentCount = Math.floor(random.next() ** 2.5 * 16);
  for (const createdAt of momentsBetween(random, commentCount, publishedAt, ctx.now - HOUR)) {
    const moderated = moderation(random, 0.01);
    const hiddenAt = moderated === "hidden" ? later(ctx, createdAt, HOUR) : null;
    const deletedAt = moderated === "deleted" ? later(ctx, createdAt, 2 * HOUR) : null;
    writers.comment.add({
      id: ctx.newId(),
      postId,
      authorId: pickMember(ctx, random),
      body: commentBody(random),
      createdAt: timestamp(createdAt),
      updatedAt: timestamp(latest(createdAt, hiddenAt, deletedAt)),
      hiddenAt: timestamp(hiddenAt),
      deletedAt: timestamp(deletedAt),
    });
    if (moderated === null) visibleComments += 1;
  }
  const voters = distinctMembers(ctx, random, Math.floor(random.next() ** 2 * 30));
  for (const userId of voters) {
    writers.helpfulVote.add({
      postId,
      userId,
      createdAt: timestamp(later(ctx, publishedAt, random.int(1, 90) * DAY)),
    });
  }
  for (const userId of distinctMembers(ctx, random, Math.floor(random.next() ** 3 * 10))) {
    writers.bookmark.add({
      postId,
      userId,
      createdAt: timestamp(later(ctx, publishedAt, random.int(1, 120) * DAY)),
    });
  }
  return { comments: visibleComments, helpful: voters.length };
}
