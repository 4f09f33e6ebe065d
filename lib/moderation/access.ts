// Who may report an item to the moderators. Pure, so services, pages and client components
// can all use it. Who sees hidden content is lib/core/auth/content-visibility.ts.
import type { Actor } from "@/lib/core/auth/authorize";

/** Whether the actor may report the item to the moderators: anyone but its author. */
export function mayReport(actor: Pick<Actor, "id">, item: { authorId: string }): boolean {
  return item.authorId !== actor.id;
}
