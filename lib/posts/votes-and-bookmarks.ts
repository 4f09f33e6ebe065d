// "Helpful" votes and the reading list. Both take the state the member wants (on or off),
// so a repeated click changes nothing; KnowledgePost.helpfulCount moves only when a vote row
// was really inserted or deleted, which keeps it right under concurrent clicks.
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import { invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { DomainError } from "@/lib/core/forms/errors";
import { listedPost, mayVoteHelpful } from "./access";
import { bookmarkSchema, helpfulSchema } from "./schemas";

export async function setHelpful(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "create:helpful-vote:any");
  const parsed = helpfulSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, helpful } = parsed.data;
  await db.$transaction(async (tx) => {
    const post = await listedPost(tx, actor, id);
    if (!mayVoteHelpful(actor, post)) throw new DomainError("You can't vote for your own post.");
    const vote = { postId: id, userId: actor.id };
    const { count } = helpful
      ? await tx.helpfulVote.createMany({ data: [vote], skipDuplicates: true })
      : await tx.helpfulVote.deleteMany({ where: vote });
    if (count === 0) return;
    await tx.knowledgePost.update({
      where: { id },
      data: { helpfulCount: helpful ? { increment: 1 } : { decrement: 1 } },
    });
  });
  return success(helpful ? "Marked as helpful." : "Helpful vote removed.");
}

export async function setBookmark(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:bookmark:own");
  const parsed = bookmarkSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, saved } = parsed.data;
  await db.$transaction(async (tx) => {
    await listedPost(tx, actor, id);
    const bookmark = { postId: id, userId: actor.id };
    if (saved) await tx.bookmark.createMany({ data: [bookmark], skipDuplicates: true });
    else await tx.bookmark.deleteMany({ where: bookmark });
  });
  return success(saved ? "Saved to your reading list." : "Removed from your reading list.");
}
