// Following a tag: its new discussions and posts notify the follower, and its unanswered
// questions show on their home page. A member only ever changes their own follows: every
// write is for `actor.id`, and the form cannot name anyone else.
import { db } from "@/lib/core/db/client";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { NotFound } from "@/lib/core/forms/errors";
import { tagFollowSchema } from "./schemas";

export async function updateTagFollow(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:tag-follow:own");
  const parsed = tagFollowSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { tagId, follow } = parsed.data;

  const tag = await db.tag.findUnique({ where: { id: tagId }, select: { name: true } });
  if (!tag) throw new NotFound("That tag");
  if (follow === "true") {
    // ON CONFLICT DO NOTHING: following twice (two tabs, a double click) is harmless.
    // Following a muted tag unmutes it (./mute: one or the other).
    await db.$transaction([
      db.tagMute.deleteMany({ where: { userId: actor.id, tagId } }),
      db.tagFollow.createMany({ data: [{ userId: actor.id, tagId }], skipDuplicates: true }),
    ]);
    return success(`You follow ${tag.name}.`);
  }
  await db.tagFollow.deleteMany({ where: { userId: actor.id, tagId } });
  return success(`You no longer follow ${tag.name}.`);
}
