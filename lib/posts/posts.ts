// Writing knowledge posts: drafts, publishing, edits, soft deletion, reviews and pins. Only a
// post's author changes it; leaders pin. Each service authorises, validates, then writes in
// one transaction together with the notifications and audit entries the change causes.
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { recordAudit } from "@/lib/core/audit/record";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import { mentionProblem, notifyMentions } from "@/lib/mentions/mentions";
import { notifyTagFollowers, resolveTags } from "@/lib/tags/resolve";
import { LISTED_POST, ownPost, THE_POST } from "./access";
import { authorizeContentModeration } from "@/lib/communities/access";
import { mayPostInCommunity } from "@/lib/communities/visibility";
import { NOT_A_POSTING_COMMUNITY } from "@/lib/communities/posting-choice";
import { nextReviewDate } from "./review-dates";
import {
  createPostSchema,
  markReviewedSchema,
  pinSchema,
  postIdSchema,
  publishPostSchema,
  updatePostSchema,
} from "./schemas";
import { bindAttachments, syncAttachments } from "@/lib/attachments/bind";

export const postPath = (id: string) => `/posts/${id}`;

/** A community the author may publish in (an active member of it), or a field error. */
async function checkCommunity(tx: TransactionClient, actor: Actor, communityId: string | null) {
  if (communityId && !(await mayPostInCommunity(tx, actor.id, communityId)))
    throw new DomainError(NOT_A_POSTING_COMMUNITY, { communityId: [NOT_A_POSTING_COMMUNITY] });
}

async function checkMentions(tx: TransactionClient, body: string): Promise<void> {
  const problem = await mentionProblem(tx, body);
  if (problem) throw new DomainError(problem, { body: [problem] });
}

/** Saves a new post as a draft, seen by its author only until they publish it. */
export async function createPost(
  actor: Actor,
  input: unknown,
): Promise<ActionResult<{ id: string }>> {
  authorize(actor, "create:post:any");
  const parsed = createPostSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { tags, communityId, ...fields } = parsed.data;
  const post = await db.$transaction(async (tx) => {
    await checkCommunity(tx, actor, communityId ?? null);
    await checkMentions(tx, fields.body);
    const tagRows = await resolveTags(tx, tags);
    const created = await tx.knowledgePost.create({
      data: {
        ...fields,
        authorId: actor.id,
        communityId: communityId ?? null,
        // Publishing sets the real review date; a draft needs one for the column only.
        reviewBy: nextReviewDate(),
        tags: { create: tagRows.map((tag) => ({ tagId: tag.id })) },
      },
      select: { id: true },
    });
    await bindAttachments(tx, {
      ownerId: actor.id,
      markdown: fields.body,
      target: { type: "POST", id: created.id },
    });
    return created;
  });
  return {
    ok: true,
    message: "Draft saved. Only you can see it until you publish it.",
    data: post,
  };
}

/**
 * Saves the author's changes. Editing a published post marks it edited and sets its next
 * review: the date the author chose, or six months from today.
 */
export async function updatePost(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:post:own");
  const parsed = updatePostSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, tags, reviewBy, communityId, ...fields } = parsed.data;
  await db.$transaction(async (tx) => {
    const post = await ownPost(tx, actor, id, "update:post:own");
    // Left out of the form, the community stays; a blank choice moves the post to everyone.
    const moved = communityId !== undefined && communityId !== post.communityId;
    if (moved) await checkCommunity(tx, actor, communityId);
    await checkMentions(tx, fields.body);
    const tagRows = await resolveTags(tx, tags);
    const published = post.status === "PUBLISHED";
    await tx.knowledgePost.update({
      where: { id },
      data: {
        ...fields,
        ...(moved ? { communityId } : {}),
        ...(published ? { editedAt: new Date(), reviewBy: reviewBy ?? nextReviewDate() } : {}),
        tags: { deleteMany: {}, create: tagRows.map((tag) => ({ tagId: tag.id })) },
      },
    });
    await syncAttachments(tx, {
      ownerId: actor.id,
      markdown: fields.body,
      target: { type: "POST", id },
    });
    if (published) {
      await notifyMentions(tx, {
        actorId: actor.id,
        markdown: fields.body,
        previousMarkdown: post.body,
        title: fields.title,
        path: postPath(id),
      });
    }
  });
  return success("Post saved.");
}

/**
 * Publishes the author's draft: readers, lists and search see it from now on, and the
 * members it mentions and the followers of its tags are told (each member once).
 */
export async function publishPost(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:post:own");
  const parsed = publishPostSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, reviewBy } = parsed.data;
  await db.$transaction(async (tx) => {
    const post = await ownPost(tx, actor, id, "update:post:own");
    // Conditional on DRAFT, so two clicks cannot publish (and notify) twice.
    const { count } = await tx.knowledgePost.updateMany({
      where: { id, status: "DRAFT", deletedAt: null },
      data: {
        status: "PUBLISHED",
        publishedAt: new Date(),
        reviewBy: reviewBy ?? nextReviewDate(),
      },
    });
    if (count === 0) throw new DomainError("This post is already published.");
    const path = postPath(id);
    const mentioned = await notifyMentions(tx, {
      actorId: actor.id,
      markdown: post.body,
      title: post.title,
      path,
    });
    const tags = await tx.knowledgePostTag.findMany({
      where: { postId: id },
      select: { tagId: true },
    });
    await notifyTagFollowers(tx, {
      actorId: actor.id,
      tagIds: tags.map((tag) => tag.tagId),
      title: post.title,
      path,
      skip: mentioned,
    });
  });
  return success("Published. Everyone can read it now.");
}

/** Soft-deletes the author's post: it disappears for everyone, comments and all. */
export async function deletePost(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "delete:post:own");
  const parsed = postIdSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id } = parsed.data;
  await db.$transaction(async (tx) => {
    await ownPost(tx, actor, id, "delete:post:own");
    await tx.knowledgePost.updateMany({
      where: { id, deletedAt: null },
      data: { deletedAt: new Date() },
    });
  });
  return success("Post deleted.");
}

/** The author confirms the post is still right: the next review is due later. */
export async function markPostReviewed(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:post:own");
  const parsed = markReviewedSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, reviewBy } = parsed.data;
  await db.$transaction(async (tx) => {
    const post = await ownPost(tx, actor, id, "update:post:own");
    if (post.status !== "PUBLISHED") throw new DomainError("Publish the post before reviewing it.");
    await tx.knowledgePost.update({
      where: { id },
      data: { reviewedAt: new Date(), reviewBy: reviewBy ?? nextReviewDate() },
    });
  });
  return success("Marked as reviewed.");
}

/** Leaders (and the post's community's leads) pin a published post to the top of the posts list, or unpin it; audited. */
export async function setPostPinned(actor: Actor, input: unknown): Promise<ActionResult> {
  const parsed = pinSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, pinned } = parsed.data;
  return db.$transaction(async (tx) => {
    const post = await tx.knowledgePost.findFirst({
      where: { id, ...LISTED_POST },
      select: { pinnedAt: true, communityId: true },
    });
    // Leaders pin anywhere; a lead of the post's community pins in it.
    await authorizeContentModeration(tx, actor, "update:post-pin:any", post?.communityId ?? null);
    if (!post) throw new NotFound(THE_POST);
    if (Boolean(post.pinnedAt) === pinned) {
      return success(pinned ? "This post is already pinned." : "This post is not pinned.");
    }
    const pinnedAt = pinned ? new Date() : null;
    await tx.knowledgePost.update({ where: { id }, data: { pinnedAt } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: pinned ? "post.pin" : "post.unpin",
      entityType: "KnowledgePost",
      entityId: id,
      before: { pinnedAt: post.pinnedAt },
      after: { pinnedAt },
    });
    return success(pinned ? "Pinned to the top of the posts list." : "Unpinned.");
  });
}
