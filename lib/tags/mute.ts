// Muting a tag: its new discussions and posts never notify the member (nor reach their
// digest). Like a tag's level in Discourse, following and muting exclude each other: muting
// unfollows, and following (./follow) unmutes. A member only ever changes their own.
import { db } from "@/lib/core/db/client";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { NotFound } from "@/lib/core/forms/errors";
import { tagMuteSchema } from "./schemas";

export async function updateTagMute(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:tag-follow:own");
  const parsed = tagMuteSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { tagId, mute } = parsed.data;

  const tag = await db.tag.findUnique({ where: { id: tagId }, select: { name: true } });
  if (!tag) throw new NotFound("That tag");
  if (mute === "true") {
    await db.$transaction([
      db.tagFollow.deleteMany({ where: { userId: actor.id, tagId } }),
      db.tagMute.createMany({ data: [{ userId: actor.id, tagId }], skipDuplicates: true }),
    ]);
    return success(`You muted ${tag.name}: its new content will not notify you.`);
  }
  await db.tagMute.deleteMany({ where: { userId: actor.id, tagId } });
  return success(`You unmuted ${tag.name}.`);
}

export async function isTagMuted(memberId: string, tagId: string): Promise<boolean> {
  const row = await db.tagMute.findUnique({
    where: { userId_tagId: { userId: memberId, tagId } },
    select: { tagId: true },
  });
  return row !== null;
}
