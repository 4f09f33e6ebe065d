// Who sees moderated (hidden) content: admins only, who see it marked "Hidden"; and who may
// report an item. Pure, so services, queries, pages and client components can all use it.
import type { Actor } from "@/lib/core/auth/authorize";
import { hasPermission } from "@/lib/core/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

type Viewer = { role: Role } | null | undefined;

/** Whether the viewer sees hidden content (and may hide or restore it). */
export function seesHiddenContent(viewer: Viewer): boolean {
  return viewer ? hasPermission(viewer.role, "update:content-visibility:any") : false;
}

/** Whether the actor may report the item to the moderators: anyone but its author. */
export function mayReport(actor: Pick<Actor, "id">, item: { authorId: string }): boolean {
  return item.authorId !== actor.id;
}

/**
 * A Prisma `where` fragment for Discussion, Reply, KnowledgePost or PostComment: hidden rows
 * are left out unless the viewer is an admin. Spread it into the query's where.
 */
export function visibleTo(viewer: Viewer): { hiddenAt?: null } {
  return seesHiddenContent(viewer) ? {} : { hiddenAt: null };
}

/** For lists and search, which never show hidden or deleted items, not even to admins. */
export const LISTED = { hiddenAt: null, deletedAt: null } as const;
