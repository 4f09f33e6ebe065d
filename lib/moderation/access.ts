// Who sees moderated (hidden) content: admins only, who see it marked "Hidden". Pure, so
// queries, pages and client components can all use it.
import { hasPermission } from "@/lib/core/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

type Viewer = { role: Role } | null | undefined;

/** Whether the viewer sees hidden content (and may hide or restore it). */
export function seesHiddenContent(viewer: Viewer): boolean {
  return viewer ? hasPermission(viewer.role, "update:content-visibility:any") : false;
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
