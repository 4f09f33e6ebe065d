// Who may send private feedback to whom: any member with the permission, to another member
// who is still active. A pure rule that the service refuses by and the profile page asks
// before it offers "Send private feedback".
import type { Actor } from "@/lib/core/auth/authorize";
import { hasPermission } from "@/lib/core/auth/permissions";

export interface FeedbackRecipient {
  id: string;
  active: boolean;
}

/** Whether the actor may send private feedback to this member: never to themselves. */
export function maySendPrivateFeedback(actor: Actor, recipient: FeedbackRecipient): boolean {
  return (
    hasPermission(actor.role, "create:private-feedback:any") &&
    recipient.id !== actor.id &&
    recipient.active
  );
}
