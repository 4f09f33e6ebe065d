// A member's reactions on discussions and replies: one of each kind per member, toggled.
// The content's reactionCount moves by exactly the rows inserted or deleted, in the same
// transaction, so concurrent clicks cannot drift it.
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { invalid, type ActionResult } from "@/lib/core/forms/action-result";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import type { ReactionKind } from "@/lib/generated/prisma/enums";

import { reactionLabel } from "./kinds";
import { reactionSchema } from "./schemas";
import { seesHiddenContent } from "@/lib/core/auth/content-visibility";
import { readableContentWhere } from "@/lib/communities/visibility";

export interface ReactionOutcome {
  discussionId: string;
  reacted: boolean;
}

interface Visibility {
  deletedAt: Date | null;
  hiddenAt: Date | null;
}

/** Content can be reacted to while it is shown: not deleted, not hidden. */
function assertReactable(actor: Actor, what: string, ...rows: (Visibility | null)[]): void {
  if (rows.some((row) => !row || (row.hiddenAt && !seesHiddenContent(actor))))
    throw new NotFound(`That ${what}`);
  if (rows.some((row) => row!.deletedAt || row!.hiddenAt))
    throw new DomainError(`This ${what} can't take reactions any more.`);
}

interface Store {
  add: () => Promise<number>;
  remove: () => Promise<number>;
  count: (by: number) => Promise<unknown>;
}

/** Adds or removes the reaction; `on` undefined means "the opposite of now". */
async function toggle(store: Store, on: boolean | undefined): Promise<boolean> {
  if (on !== false) {
    const added = await store.add();
    if (added) {
      await store.count(added);
      return true;
    }
    if (on === true) return true;
  }
  const removed = await store.remove();
  if (removed) await store.count(-removed);
  return false;
}

function outcome(discussionId: string, kind: ReactionKind, reacted: boolean) {
  return {
    ok: true as const,
    message: `${reactionLabel(kind)}: ${reacted ? "you reacted" : "reaction removed"}.`,
    data: { discussionId, reacted },
  };
}

export async function toggleDiscussionReaction(
  actor: Actor,
  input: unknown,
): Promise<ActionResult<ReactionOutcome>> {
  authorize(actor, "create:reaction:any");
  const parsed = reactionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, kind, on } = parsed.data;
  const reacted = await db.$transaction(async (tx) => {
    const discussion = await tx.discussion.findFirst({
      where: { id, AND: [readableContentWhere(actor)] },
      select: { deletedAt: true, hiddenAt: true },
    });
    assertReactable(actor, "discussion", discussion);
    const key = { discussionId: id, userId: actor.id, kind };
    return toggle(discussionStore(tx, key), on);
  });
  return outcome(id, kind, reacted);
}

function discussionStore(
  tx: TransactionClient,
  key: { discussionId: string; userId: string; kind: ReactionKind },
): Store {
  return {
    add: async () =>
      (await tx.discussionReaction.createMany({ data: [key], skipDuplicates: true })).count,
    remove: async () => (await tx.discussionReaction.deleteMany({ where: key })).count,
    count: (by) =>
      tx.discussion.update({
        where: { id: key.discussionId },
        data: { reactionCount: { increment: by } },
        select: { id: true },
      }),
  };
}

export async function toggleReplyReaction(
  actor: Actor,
  input: unknown,
): Promise<ActionResult<ReactionOutcome>> {
  authorize(actor, "create:reaction:any");
  const parsed = reactionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, kind, on } = parsed.data;
  return db.$transaction(async (tx) => {
    const reply = await tx.reply.findFirst({
      where: { id, discussion: { AND: [readableContentWhere(actor)] } },
      select: {
        discussionId: true,
        deletedAt: true,
        hiddenAt: true,
        discussion: { select: { deletedAt: true, hiddenAt: true } },
      },
    });
    assertReactable(actor, "reply", reply, reply?.discussion ?? null);
    const reacted = await toggle(replyStore(tx, { replyId: id, userId: actor.id, kind }), on);
    return outcome(reply!.discussionId, kind, reacted);
  });
}

function replyStore(
  tx: TransactionClient,
  key: { replyId: string; userId: string; kind: ReactionKind },
): Store {
  return {
    add: async () =>
      (await tx.replyReaction.createMany({ data: [key], skipDuplicates: true })).count,
    remove: async () => (await tx.replyReaction.deleteMany({ where: key })).count,
    count: (by) =>
      tx.reply.update({
        where: { id: key.replyId },
        data: { reactionCount: { increment: by } },
        select: { id: true },
      }),
  };
}
