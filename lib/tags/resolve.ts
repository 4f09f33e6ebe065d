// Turning typed tag names into rows, and telling a tag's followers about new content.
import type { TransactionClient } from "@/lib/core/db/create-client";
import { notifyMany } from "@/lib/notifications/notify";
import { tagSlug } from "./schemas";

export interface TagRow {
  id: string;
  name: string;
  slug: string;
}

/**
 * The tags for these (already normalised) names, in the given order, adding new ones to
 * the shared vocabulary with the spelling they were first written in.
 */
export async function resolveTags(
  tx: TransactionClient,
  names: readonly string[],
): Promise<TagRow[]> {
  if (!names.length) return [];
  const slugs = names.map(tagSlug);
  // ON CONFLICT DO NOTHING: two members naming a new tag at once both end up with one row.
  await tx.tag.createMany({
    data: names.map((name, index) => ({ name, slug: slugs[index]! })),
    skipDuplicates: true,
  });
  const rows = await tx.tag.findMany({
    where: { slug: { in: slugs } },
    select: { id: true, name: true, slug: true },
  });
  const bySlug = new Map(rows.map((row) => [row.slug, row]));
  return slugs.map((slug) => bySlug.get(slug)!);
}

/**
 * Notifies the followers of any of these tags that something new was posted in them: each
 * follower once (named after the first of the tags they follow), never the author, never
 * someone who muted one of the tags.
 */
export async function notifyTagFollowers(
  tx: TransactionClient,
  input: {
    actorId: string;
    tagIds: readonly string[];
    title: string;
    path: string;
    skip?: readonly string[];
  },
): Promise<void> {
  if (!input.tagIds.length) return;
  // A member who muted any of the content's tags is not told (Discourse: a muted tag mutes
  // what carries it), even when they follow another of its tags.
  const follows = await tx.tagFollow.findMany({
    where: {
      tagId: { in: [...input.tagIds] },
      user: { status: "ACTIVE", tagMutes: { none: { tagId: { in: [...input.tagIds] } } } },
    },
    select: { userId: true, tagId: true, tag: { select: { name: true } } },
  });
  const order = new Map(input.tagIds.map((id, index) => [id, index]));
  follows.sort((a, b) => order.get(a.tagId)! - order.get(b.tagId)!);
  const alreadyTold = new Set(input.skip ?? []);
  const recipientsByTag = new Map<string, string[]>();
  for (const follow of follows) {
    if (alreadyTold.has(follow.userId)) continue;
    alreadyTold.add(follow.userId);
    const recipients = recipientsByTag.get(follow.tag.name) ?? [];
    recipients.push(follow.userId);
    recipientsByTag.set(follow.tag.name, recipients);
  }
  for (const [tagName, recipientIds] of recipientsByTag) {
    await notifyMany(tx, {
      recipientIds,
      actorId: input.actorId,
      kind: "tag.new_content",
      data: { tagName, title: input.title, path: input.path },
    });
  }
}
