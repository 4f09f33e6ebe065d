import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import { failure, invalid, type ActionResult } from "@/lib/core/forms/action-result";
import { mentionProblem, notifyMentions } from "@/lib/mentions/mentions";
import { notifyTagFollowers, resolveTags } from "@/lib/tags/resolve";
import { discussionPath } from "./access";
import { createDiscussionSchema } from "./schemas";
import { bindAttachments } from "@/lib/attachments/bind";
import { mayPostInCommunity } from "@/lib/communities/visibility";
import { NOT_A_POSTING_COMMUNITY } from "@/lib/communities/posting-choice";

/**
 * Starts a discussion or a question. Mentioned members and the followers of its tags are
 * notified in the same transaction (each person once: a mention wins over a tag). In a
 * community only when the author is an active member of it (else a field error, nothing
 * written).
 */
export async function createDiscussion(
  actor: Actor,
  input: unknown,
): Promise<ActionResult<{ id: string }>> {
  authorize(actor, "create:discussion:any");
  const parsed = createDiscussionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { kind, title, body, tags, communityId } = parsed.data;

  return db.$transaction(async (tx) => {
    if (communityId && !(await mayPostInCommunity(tx, actor.id, communityId)))
      return failure(NOT_A_POSTING_COMMUNITY, { communityId: [NOT_A_POSTING_COMMUNITY] });
    const problem = await mentionProblem(tx, body);
    if (problem) return failure(problem, { body: [problem] });
    const tagRows = await resolveTags(tx, tags);
    const discussion = await tx.discussion.create({
      data: {
        kind,
        title,
        body,
        authorId: actor.id,
        communityId: communityId ?? null,
        tags: { create: tagRows.map((tag) => ({ tagId: tag.id })) },
      },
      select: { id: true },
    });
    await bindAttachments(tx, {
      ownerId: actor.id,
      markdown: body,
      target: { type: "DISCUSSION", id: discussion.id },
    });
    const path = discussionPath(discussion.id);
    const mentioned = await notifyMentions(tx, { actorId: actor.id, markdown: body, title, path });
    await notifyTagFollowers(tx, {
      actorId: actor.id,
      tagIds: tagRows.map((tag) => tag.id),
      title,
      path,
      skip: mentioned,
    });
    const what = kind === "QUESTION" ? "Question" : "Discussion";
    return { ok: true as const, message: `${what} posted.`, data: { id: discussion.id } };
  });
}
