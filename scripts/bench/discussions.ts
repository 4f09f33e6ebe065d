// Generated discussions and questions with their replies, reactions, tags and accepted answers.
// Counters (replyCount, reactionCount, lastActivityAt) are computed from the rows written.
import { BENCH_THREAD_TITLE } from "./constants";
import {
  DAY,
  distinctMembers,
  HOUR,
  later,
  latest,
  MINUTE,
  moderation,
  momentsBetween,
  pastMoment,
  pickMember,
  pickTags,
  reactionKind,
  type SeedContext,
} from "./context";
import type { Random } from "./random";
import type { Writers } from "./tables";
import { discussionBody, discussionTitle, questionTitle, replyBody } from "./text";
import { timestamp } from "./writer";

export interface DiscussionPlan {
  replies: number;
  /** The benchmark's thread: fixed title, never moderated, every reply visible. */
  isBenchThread?: boolean;
  pinned?: boolean;
}

interface WrittenReply {
  id: string;
  authorId: string;
  visible: boolean;
}

/** Queues one discussion and everything under it; returns [discussionId, acceptedReplyId?]. */
export function addDiscussion(
  writers: Writers,
  ctx: SeedContext,
  random: Random,
  plan: DiscussionPlan,
): { id: string; acceptedReplyId: string | null } {
  const id = ctx.newId();
  const special = plan.isBenchThread === true;
  const kind = !special && random.chance(0.3) ? "QUESTION" : "DISCUSSION";
  const createdAt = special ? ctx.now - 10 * DAY : pastMoment(ctx, random);
  const authorId = pickMember(ctx, random);
  const moderated = special || plan.pinned ? null : moderation(random, 0.005);

  const replies = addReplies(writers, ctx, random, { discussionId: id, createdAt, ...plan });
  const visibleTimes = replies.filter((r) => r.visible).map((r) => r.createdAt);
  const lastActivityAt = latest(createdAt, ...visibleTimes);
  const reactionCount = addDiscussionReactions(writers, ctx, random, id, createdAt);
  for (const tagId of pickTags(ctx, random, special ? 2 : random.pick([0, 1, 1, 2, 2, 2, 3]))) {
    writers.discussionTag.add({ discussionId: id, tagId });
  }

  const editedAt = random.chance(0.05) ? later(ctx, createdAt, random.int(1, 48) * HOUR) : null;
  const hiddenAt = moderated === "hidden" ? later(ctx, createdAt, 3 * HOUR) : null;
  const deletedAt = moderated === "deleted" ? later(ctx, createdAt, 5 * HOUR) : null;
  const pinnedAt = plan.pinned ? later(ctx, createdAt, DAY) : null;
  const lockedAt = !special && random.chance(0.005) ? later(ctx, lastActivityAt, HOUR) : null;
  writers.discussion.add({
    id,
    kind,
    title: special
      ? BENCH_THREAD_TITLE
      : kind === "QUESTION"
        ? questionTitle(random)
        : discussionTitle(random),
    body: discussionBody(random),
    authorId,
    createdAt: timestamp(createdAt),
    updatedAt: timestamp(
      latest(createdAt, editedAt, hiddenAt, deletedAt, pinnedAt, lockedAt, lastActivityAt),
    ),
    editedAt: timestamp(editedAt),
    deletedAt: timestamp(deletedAt),
    hiddenAt: timestamp(hiddenAt),
    pinnedAt: timestamp(pinnedAt),
    lockedAt: timestamp(lockedAt),
    lastActivityAt: timestamp(lastActivityAt),
    replyCount: visibleTimes.length,
    reactionCount,
  });
  const acceptedReplyId = kind === "QUESTION" ? chooseAnswer(random, authorId, replies) : null;
  return { id, acceptedReplyId };
}

/** About half of the answered questions have an accepted answer, rarely the asker's own. */
function chooseAnswer(random: Random, askerId: string, replies: WrittenReply[]): string | null {
  const candidates = replies.filter((r) => r.visible && r.authorId !== askerId);
  if (!candidates.length || !random.chance(0.55)) return null;
  return random.pick(candidates).id;
}

function addReplies(
  writers: Writers,
  ctx: SeedContext,
  random: Random,
  input: { discussionId: string; createdAt: number; replies: number; isBenchThread?: boolean },
) {
  const span = (input.replies > 40 ? random.int(7, 60) : random.int(1, 14)) * DAY;
  const start = later(ctx, input.createdAt, 5 * MINUTE);
  const moments = momentsBetween(random, input.replies, start, later(ctx, input.createdAt, span));
  const written: (WrittenReply & { createdAt: number })[] = [];
  for (const createdAt of moments) {
    const id = ctx.newId();
    const authorId = pickMember(ctx, random);
    const moderated = input.isBenchThread ? null : moderation(random, 0.01);
    const reactionCount = addReplyReactions(writers, ctx, random, id, createdAt);
    const editedAt = random.chance(0.03)
      ? later(ctx, createdAt, random.int(5, 600) * MINUTE)
      : null;
    const hiddenAt = moderated === "hidden" ? later(ctx, createdAt, 2 * HOUR) : null;
    const deletedAt = moderated === "deleted" ? later(ctx, createdAt, 4 * HOUR) : null;
    writers.reply.add({
      id,
      discussionId: input.discussionId,
      authorId,
      parentId: written.length && random.chance(0.15) ? random.pick(written).id : null,
      body: replyBody(random),
      createdAt: timestamp(createdAt),
      updatedAt: timestamp(latest(createdAt, editedAt, hiddenAt, deletedAt)),
      editedAt: timestamp(editedAt),
      deletedAt: timestamp(deletedAt),
      hiddenAt: timestamp(hiddenAt),
      reactionCount,
    });
    written.push({ id, authorId, createdAt, visible: moderated === null });
  }
  return written;
}

function addDiscussionReactions(
  writers: Writers,
  ctx: SeedContext,
  random: Random,
  discussionId: string,
  createdAt: number,
): number {
  const users = distinctMembers(ctx, random, Math.floor(random.next() ** 3 * 14));
  for (const userId of users) {
    writers.discussionReaction.add({
      discussionId,
      userId,
      kind: reactionKind(random),
      createdAt: timestamp(later(ctx, createdAt, random.int(1, 72 * 60) * MINUTE)),
    });
  }
  return users.length;
}

function addReplyReactions(
  writers: Writers,
  ctx: SeedContext,
  random: Random,
  replyId: string,
  createdAt: number,
): number {
  if (!random.chance(0.3)) return 0;
  const count = random.int(1, 3) + (random.chance(0.1) ? random.int(1, 6) : 0);
  const users = distinctMembers(ctx, random, count);
  for (const userId of users) {
    writers.replyReaction.add({
      replyId,
      userId,
      kind: reactionKind(random),
      createdAt: timestamp(later(ctx, createdAt, random.int(1, 48 * 60) * MINUTE)),
    });
  }
  return users.length;
}

/**
 * How many replies each discussion gets: most 0–20, a few long threads, the first one
 * exactly `benchThreadReplies`, all adding up to exactly `total`.
 */
export function planReplyCounts(
  random: Random,
  discussions: number,
  total: number,
  benchThreadReplies: number,
): number[] {
  const counts = [benchThreadReplies];
  for (let i = 1; i < discussions; i++) {
    const roll = random.next();
    if (roll < 0.2) counts.push(0);
    else if (roll < 0.9) counts.push(random.int(1, 20));
    else if (roll < 0.985) counts.push(random.int(21, 60));
    else counts.push(random.int(61, 400));
  }
  const rest = total - benchThreadReplies;
  const drawn = counts.slice(1).reduce((sum, n) => sum + n, 0);
  if (drawn > 0) {
    for (let i = 1; i < discussions; i++) counts[i] = Math.round((counts[i]! * rest) / drawn);
  }
  let difference = total - counts.reduce((sum, n) => sum + n, 0);
  while (difference !== 0 && discussions > 1) {
    const i = random.int(1, discussions - 1);
    if (difference > 0) {
      counts[i]! += 1;
      difference -= 1;
    } else if (counts[i]! > 0) {
      counts[i]! -= 1;
      difference += 1;
    }
  }
  return counts;
}
