// Whose profile a member may edit: their own only, not even an admin edits someone else's.
// A pure rule that the profile service refuses by and the member page asks before it
// offers "Edit profile".
import type { Actor } from "@/lib/core/auth/authorize";

/** Whether the actor may edit this member's profile: only when it is their own. */
export function mayEditProfile(actor: Pick<Actor, "id">, member: { id: string }): boolean {
  return member.id === actor.id;
}
