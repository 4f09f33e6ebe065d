// Knowledge requests ("we need a post on X"): create, vote or unvote, and fulfil with a
// published post by its author, which closes the request and tells the requester and voters.
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import { failure, invalid, type ActionResult } from "@/lib/core/forms/action-result";
import { NotFound } from "@/lib/core/forms/errors";
import { notifyMany } from "@/lib/notifications/notify";
import { resolveTags } from "@/lib/tags/resolve";
import { createRequestSchema, fulfilRequestSchema, voteRequestSchema } from "./schemas";

export interface RequestRef {
  id: string;
}

export async function createRequest(
  actor: Actor,
  input: unknown,
): Promise<ActionResult<RequestRef>> {
  authorize(actor, "create:discussion:any");
  const parsed = createRequestSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { title, details, tags } = parsed.data;
  return db.$transaction(async (tx) => {
    const tagRows = await resolveTags(tx, tags);
    const request = await tx.knowledgeRequest.create({
      data: {
        title,
        details,
        requesterId: actor.id,
        tags: { create: tagRows.map((tag) => ({ tagId: tag.id })) },
      },
      select: { id: true },
    });
    return { ok: true as const, message: "Your request is posted.", data: request };
  });
}

/** Votes for an open request (once per member), or takes the vote back. */
export async function voteOnRequest(
  actor: Actor,
  input: unknown,
): Promise<ActionResult<RequestRef>> {
  authorize(actor, "create:helpful-vote:any");
  const parsed = voteRequestSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { requestId, vote } = parsed.data;
  return db.$transaction(async (tx) => {
    // Locks the request: votes and the count change together.
    const [request] = await tx.$queryRawUnsafe<{ status: string }[]>(
      `SELECT status FROM "KnowledgeRequest" WHERE id = $1 FOR UPDATE`,
      requestId,
    );
    if (!request) throw new NotFound("That request");
    if (request.status !== "OPEN") return failure("This request is closed.");
    const key = { requestId_userId: { requestId, userId: actor.id } };
    const existing = await tx.knowledgeRequestVote.findUnique({ where: key });
    if (vote === "on" && !existing) {
      await tx.knowledgeRequestVote.create({ data: { requestId, userId: actor.id } });
      await tx.knowledgeRequest.update({
        where: { id: requestId },
        data: { voteCount: { increment: 1 } },
      });
    } else if (vote === "off" && existing) {
      await tx.knowledgeRequestVote.delete({ where: key });
      await tx.knowledgeRequest.update({
        where: { id: requestId },
        data: { voteCount: { decrement: 1 } },
      });
    }
    return {
      ok: true as const,
      message: vote === "on" ? "You voted for this request." : "Your vote is taken back.",
      data: { id: requestId },
    };
  });
}

/**
 * Fulfils an open request with a published post of the actor's own: the request is closed
 * (FULFILLED, linked to the post), the actor's ask about it (if any) is answered, and the
 * requester and voters are told.
 */
export async function fulfilRequest(
  actor: Actor,
  input: unknown,
): Promise<ActionResult<RequestRef>> {
  authorize(actor, "create:post:any");
  const parsed = fulfilRequestSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { requestId, postId } = parsed.data;
  return db.$transaction(async (tx) => {
    const post = await tx.knowledgePost.findFirst({
      where: {
        id: postId,
        authorId: actor.id,
        status: "PUBLISHED",
        deletedAt: null,
        hiddenAt: null,
      },
      select: { id: true, title: true },
    });
    if (!post)
      return failure("Choose one of your published posts.", {
        postId: ["Choose one of your published posts."],
      });
    const now = new Date();
    const [request] = await tx.knowledgeRequest.updateManyAndReturn({
      where: { id: requestId, status: "OPEN" },
      data: { status: "FULFILLED", fulfilledByPostId: post.id, fulfilledAt: now },
      select: { id: true, title: true, requesterId: true },
    });
    if (!request) {
      const exists = await tx.knowledgeRequest.findUnique({
        where: { id: requestId },
        select: { id: true },
      });
      if (!exists) throw new NotFound("That request");
      return failure("This request is already closed.");
    }
    await tx.ask.updateMany({
      where: { requestId, askedMemberId: actor.id, status: { not: "ANSWERED" } },
      data: { status: "ANSWERED", respondedAt: now },
    });
    const voters = await tx.knowledgeRequestVote.findMany({
      where: { requestId },
      select: { userId: true },
    });
    await notifyMany(tx, {
      kind: "request.fulfilled",
      actorId: actor.id,
      recipientIds: [request.requesterId, ...voters.map((v) => v.userId)],
      data: { requestId, postId: post.id, title: post.title },
    });
    return {
      ok: true as const,
      message: `“${request.title}” is fulfilled. Thank you.`,
      data: { id: requestId },
    };
  });
}
