// Which members an admin may change. An admin never changes their own role or status:
// another admin has to, so nobody locks themselves out by mistake. A pure rule that the
// member services refuse by and the members page asks before it shows the forms.
import type { Actor } from "@/lib/core/auth/authorize";

/** Whether the actor may change this member's role or status: anyone but themselves. */
export function mayChangeRoleOrStatusOf(actor: Pick<Actor, "id">, member: { id: string }): boolean {
  return member.id !== actor.id;
}
