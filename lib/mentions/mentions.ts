// @mentions are markdown links to a member's profile, inserted by the editor's autocomplete:
// `[@Mia Member](/members/<id>)`. They render as ordinary links through the sanitiser; the
// server checks that every one names an active member and notifies the newly mentioned.
import type { TransactionClient } from "@/lib/core/db/create-client";
import { notifyMany, retract } from "@/lib/notifications/notify";

export const MENTION_LIMIT = 20;

const MENTION_LINK = /\[@([^\]\n]{1,100})\]\(\/members\/([A-Za-z0-9_-]{1,40})\)/g;

/** Mentioned member ids, each once, in order of first mention. */
export function extractMentionIds(markdown: string): string[] {
  return [...new Set([...markdown.matchAll(MENTION_LINK)].map((match) => match[2]!))];
}

/**
 * Why the mentions in this text cannot be saved, or undefined when they can: too many, or
 * one that does not name an active member.
 */
export async function mentionProblem(
  tx: TransactionClient,
  markdown: string,
): Promise<string | undefined> {
  const ids = extractMentionIds(markdown);
  if (ids.length > MENTION_LIMIT) return `Mention at most ${MENTION_LIMIT} members.`;
  if (!ids.length) return undefined;
  const found = await tx.user.findMany({
    where: { id: { in: ids }, status: "ACTIVE" },
    select: { id: true },
  });
  if (found.length === ids.length) return undefined;
  const known = new Set(found.map((member) => member.id));
  const unknown = [...markdown.matchAll(MENTION_LINK)].find((match) => !known.has(match[2]!));
  return `“@${unknown?.[1] ?? "?"}” is not an active member. Pick mentions from the suggestions.`;
}

/**
 * Notifies the members mentioned in `markdown` but not in `previousMarkdown` (so an edit
 * does not notify twice), and withdraws the notification of those an edit no longer mentions
 * (the same `path`). Returns who was notified. Call mentionProblem() first.
 */
export async function notifyMentions(
  tx: TransactionClient,
  input: {
    actorId: string;
    markdown: string;
    previousMarkdown?: string;
    title: string;
    path: string;
  },
): Promise<string[]> {
  const before = new Set(extractMentionIds(input.previousMarkdown ?? ""));
  const now = extractMentionIds(input.markdown);
  const recipientIds = now.filter((id) => !before.has(id));
  const unmentioned = [...before].filter((id) => !now.includes(id));
  if (unmentioned.length > 0) {
    await retract(tx, {
      kind: "content.mentioned",
      recipientIds: unmentioned,
      data: { path: input.path },
    });
  }
  await notifyMany(tx, {
    recipientIds,
    actorId: input.actorId,
    kind: "content.mentioned",
    data: { title: input.title, path: input.path },
  });
  return recipientIds.filter((id) => id !== input.actorId);
}
