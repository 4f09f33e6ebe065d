// Who sees what: hidden content is for admins only, deleted text for nobody.
import type { Actor } from "@/lib/core/auth/authorize";
import { hasPermission } from "@/lib/core/auth/permissions";

/** Admins (moderators) see hidden discussions and replies, marked "Hidden". */
export function seesHidden(actor: Pick<Actor, "role">): boolean {
  return hasPermission(actor.role, "update:content-visibility:any");
}

export const discussionPath = (id: string) => `/discussions/${id}`;
export const replyPath = (discussionId: string, replyId: string) =>
  `/discussions/${discussionId}/replies/${replyId}`;
