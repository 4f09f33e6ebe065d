// Who sees which post. A draft is its author's alone; a deleted post is gone for everyone;
// a post hidden by moderation is seen by admins only (marked "Hidden").
import { PermissionDenied, type Actor } from "@/lib/core/auth/authorize";
import { hasPermission, type Permission } from "@/lib/core/auth/permissions";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { NotFound } from "@/lib/core/forms/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PostStatus } from "@/lib/generated/prisma/enums";

export const THE_POST = "That post";
export const THE_COMMENT = "That comment";

/** Posts in lists, search, related posts, and open to votes, bookmarks and comments. */
export const LISTED_POST = {
  status: "PUBLISHED",
  deletedAt: null,
  hiddenAt: null,
} as const satisfies Prisma.KnowledgePostWhereInput;

export function seesHiddenContent(viewer: Pick<Actor, "role">): boolean {
  return hasPermission(viewer.role, "update:content-visibility:any");
}

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
    where: { id },
    select: {
      id: true,
      authorId: true,
      status: true,
      title: true,
      body: true,
      hiddenAt: true,
      deletedAt: true,
    },
  });
  if (!post || !postVisibleTo(post, actor)) throw new NotFound(THE_POST);
  if (post.authorId !== actor.id || post.hiddenAt) throw new PermissionDenied(permission);
  return post;
}

/** A published, visible post that members can vote on, save and comment on. */
export async function listedPost(tx: TransactionClient, id: string) {
  const post = await tx.knowledgePost.findFirst({
    where: { id, ...LISTED_POST },
    select: { id: true, authorId: true, title: true },
  });
  if (!post) throw new NotFound(THE_POST);
  return post;
}
