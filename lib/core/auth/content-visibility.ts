// Who sees moderated (hidden) content: admins only, who see it marked "Hidden" and may hide
// or restore it. One rule for every kind of content (discussions, replies, posts, comments,
// recognition), pure, so services, queries, pages and client components can all ask it.
import type { Role } from "@/lib/generated/prisma/enums";
import { hasPermission } from "./permissions";

export function seesHiddenContent(viewer: { role: Role } | null | undefined): boolean {
  return viewer ? hasPermission(viewer.role, "update:content-visibility:any") : false;
}
