"use server";
// "Mark all read": moves the member's watermark (User.discussionsReadAt) to now, so every
// discussion and reply up to now counts as read (the unread rule of issue 19 takes the later
// of the watermark and the per-discussion DiscussionRead mark). The per-discussion marks it
// makes redundant are deleted in the same transaction. Only the action is exported: a "use
// server" module's exports are public endpoints, so the member always comes from the session.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import { invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { submitToService } from "@/lib/core/forms/submit";

/** The form sends nothing of its own; anything else it carries is ignored. */
const markAllReadSchema = z.object({});

async function markAllDiscussionsRead(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "read:content:any");
  const parsed = markAllReadSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  // A JavaScript date, like the app's other stored instants (timestamp(3) in UTC).
  const now = new Date();
  await db.$transaction([
    db.user.update({ where: { id: actor.id }, data: { discussionsReadAt: now } }),
    db.discussionRead.deleteMany({ where: { userId: actor.id, lastReadAt: { lte: now } } }),
  ]);
  return success("All discussions are marked as read.");
}

export async function markAllReadAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return submitToService(formData, markAllDiscussionsRead, {
    onSuccess: () => revalidatePath("/discussions"),
  });
}
