import { authorize, PermissionDenied, type Actor } from "@/lib/core/auth/authorize";
import type { Permission } from "@/lib/core/auth/permissions";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { rows, sqlb } from "@/lib/core/db/typed-sql";
import { failure, invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import { mentionProblem, notifyMentions } from "@/lib/mentions/mentions";
import { retract } from "@/lib/notifications/notify";
import { resolveTags } from "@/lib/tags/resolve";
import { discussionPath, mayChangeDiscussion } from "./access";
import { byIdSchema, editDiscussionSchema } from "./schemas";
import { mutedAmong } from "./watch";
import { seesHiddenContent } from "@/lib/core/auth/content-visibility";
import { syncAttachments } from "@/lib/attachments/bind";
import { mayPostInCommunity, readableContentSql } from "@/lib/communities/visibility";
import { NOT_A_POSTING_COMMUNITY } from "@/lib/communities/posting-choice";

/**
 * The actor's own discussion, locked for the change. Only its author may change it, not
 * even an admin; a hidden one is "not found" to everyone but admins.
 */
async function ownDiscussion(
  tx: TransactionClient,
  actor: Actor,
  id: string,
  permission: Permission,
) {
  const [row] = await rows(
    tx,
    sqlb
      .selectFrom("Discussion")
      .select(["authorId", "body", "hiddenAt", "deletedAt", "communityId"])
      .where("id", "=", id)
      .where(readableContentSql("Discussion", actor))
      .forNoKeyUpdate(),
  );
  if (!row || (row.hiddenAt && !seesHiddenContent(actor))) throw new NotFound("That discussion");
  if (!mayChangeDiscussion(actor, row)) throw new PermissionDenied(permission);
  if (row.deletedAt) throw new DomainError("This discussion was deleted, so it can't be changed.");
  return row;
}

/** The author edits the title, body and tags; the discussion shows "edited". */
export async function editDiscussion(
  actor: Actor,
  input: unknown,
): Promise<ActionResult<{ id: string }>> {
  authorize(actor, "update:discussion:own");
  const parsed = editDiscussionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, title, body, tags, communityId } = parsed.data;

  return db.$transaction(async (tx) => {
    const before = await ownDiscussion(tx, actor, id, "update:discussion:own");
    const moved = communityId !== undefined && communityId !== before.communityId;
    if (moved && communityId && !(await mayPostInCommunity(tx, actor.id, communityId)))
      return failure(NOT_A_POSTING_COMMUNITY, { communityId: [NOT_A_POSTING_COMMUNITY] });
    const problem = await mentionProblem(tx, body);
    if (problem) return failure(problem, { body: [problem] });
    const tagRows = await resolveTags(tx, tags);
    await tx.discussion.update({
      where: { id },
      data: { title, body, ...(moved ? { communityId } : {}), editedAt: new Date() },
      select: { id: true },
    });
    await syncAttachments(tx, {
      ownerId: actor.id,
      markdown: body,
      target: { type: "DISCUSSION", id },
    });
    await tx.discussionTag.deleteMany({ where: { discussionId: id } });
    await tx.discussionTag.createMany({
      data: tagRows.map((tag) => ({ discussionId: id, tagId: tag.id })),
    });
    const mentioned = await notifyMentions(tx, {
      actorId: actor.id,
      markdown: body,
      previousMarkdown: before.body,
      title,
      path: discussionPath(id),
    });
    // Muted: not even mentions (see ./watch).
    const muted = await mutedAmong(tx, id, mentioned);
    if (muted.length > 0) {
      await retract(tx, {
        kind: "content.mentioned",
        recipientIds: muted,
        data: { path: discussionPath(id) },
      });
    }
    return { ok: true as const, message: "Changes saved.", data: { id } };
  });
}

/**
 * The author deletes their discussion: its text goes, a placeholder stays and the replies
 * are kept, so the thread still reads. It leaves the lists.
 */
export async function deleteDiscussion(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "delete:discussion:own");
  const parsed = byIdSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id } = parsed.data;
  await db.$transaction(async (tx) => {
    await ownDiscussion(tx, actor, id, "delete:discussion:own");
    await tx.discussion.update({
      where: { id },
      data: { deletedAt: new Date() },
      select: { id: true },
    });
  });
  return success("Discussion deleted.");
}
