// Who sees which post. A draft is its author's alone; a deleted post is gone for everyone;
// a post hidden by moderation is seen by admins only (marked "Hidden"). Who may do what to a
// post or comment: pure rules that the services refuse by and the post page asks.
import { PermissionDenied, type Actor } from "@/lib/core/auth/authorize";
import type { Permission } from "@/lib/core/auth/permissions";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { NotFound } from "@/lib/core/forms/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PostStatus } from "@/lib/generated/prisma/enums";
import { seesHiddenContent } from "@/lib/core/auth/content-visibility";
import { readableContentWhere, type Viewer } from "@/lib/communities/visibility";

export const THE_POST = "That post";
export const THE_COMMENT = "That comment";

/** Posts in lists, search, related posts, and open to votes, bookmarks and comments. */
export const LISTED_POST = {
  status: "PUBLISHED",
  deletedAt: null,
  hiddenAt: null,
} as const satisfies Prisma.KnowledgePostWhereInput;

/** LISTED_POST, less the posts of private communities the viewer is not an active member of. */
export const listedPostFor = (viewer: Viewer) =>
  ({
    ...LISTED_POST,
    AND: [readableContentWhere(viewer)],
  }) satisfies Prisma.KnowledgePostWhereInput;

interface PostVisibility {
  authorId: string;
  status: PostStatus;
  hiddenAt: Date | null;
  deletedAt: Date | null;
}

export function postVisibleTo(post: PostVisibility, viewer: Actor): boolean {
  if (post.deletedAt) return false;
  if (post.status === "DRAFT" && post.authorId !== viewer.id) return false;
  return !post.hiddenAt || seesHiddenContent(viewer);
}

/**
 * Whether the actor may edit, publish or delete the post: its author, while moderation has
 * not hidden it. Not even an admin changes someone else's post.
 */
export function mayChangePost(
  actor: Pick<Actor, "id">,
  post: { authorId: string; hidden: boolean },
): boolean {
  return post.authorId === actor.id && !post.hidden;
}

/** Whether the actor may vote the post helpful: anyone but its author. */
export function mayVoteHelpful(actor: Pick<Actor, "id">, post: { authorId: string }): boolean {
  return post.authorId !== actor.id;
}

/** Whether the actor may edit or delete the comment: its author only, not even an admin. */
export function mayChangeComment(actor: Pick<Actor, "id">, comment: { authorId: string }): boolean {
  return comment.authorId === actor.id;
}

/**
 * The actor's own post, for a change only its author may make: "not found" when the actor
 * may not even see it, "permission denied" when they see it but it is someone else's.
 */
export async function ownPost(
  tx: TransactionClient,
  actor: Actor,
  id: string,
  permission: Permission,
) {
  const post = await tx.knowledgePost.findFirst({
    where: { id, AND: [readableContentWhere(actor)] },
    select: {
      id: true,
      authorId: true,
      status: true,
      title: true,
      body: true,
      hiddenAt: true,
      deletedAt: true,
      communityId: true,
    },
  });
  if (!post || !postVisibleTo(post, actor)) throw new NotFound(THE_POST);
  if (!mayChangePost(actor, { authorId: post.authorId, hidden: post.hiddenAt !== null }))
    throw new PermissionDenied(permission);
  return post;
}

/** A published post, visible to the actor, that they can vote on, save and comment on. */
export async function listedPost(tx: TransactionClient, actor: Viewer, id: string) {
  const post = await tx.knowledgePost.findFirst({
    where: { id, ...listedPostFor(actor) },
    select: { id: true, authorId: true, title: true },
  });
  if (!post) throw new NotFound(THE_POST);
  return post;
}
