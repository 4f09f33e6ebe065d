// Giving a recognition: a thank-you to members or a whole team, for one company value,
// optionally linked to what it thanks. The recognition, its recipients, their notifications
// and its chat-webhook delivery (with its job) are saved in one transaction; the worker posts it.
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { invalid, type ActionResult } from "@/lib/core/forms/action-result";
import { DomainError } from "@/lib/core/forms/errors";
import { LISTED_POST } from "@/lib/posts/access";
import { notifyMany } from "@/lib/notifications/notify";
import { getSetting } from "@/lib/core/settings/queries";
import { enqueueRecognitionDelivery } from "@/lib/recognition/webhook";
import { activeValue } from "./access";
import { linkColumns, type RecognitionLink } from "./links";
import { resolveRecipients } from "./recipients";
import { giveRecognitionSchema, type GiveRecognitionInput } from "./schemas";

export { deleteRecognition, editRecognition, setFeatured } from "./manage";
export { toggleApplause } from "./applause";

/** Discussions and replies everyone sees: neither deleted nor hidden. */
const SHOWN = { deletedAt: null, hiddenAt: null } as const;

const MISSING_LINK = "That page was not found, or it isn't visible to everyone.";

const NOT_YOUR_MENTORSHIP = "You can only link to a mentorship you are part of.";

/**
 * Whether the linked item exists and everyone may see it (a mentorship: that the giver is its
 * mentor or mentee); the link's columns if so.
 */
async function linkedItem(tx: TransactionClient, actor: Actor, link: RecognitionLink) {
  switch (link.type) {
    case "discussion":
      return tx.discussion
        .findFirst({ where: { id: link.discussionId, ...SHOWN } })
        .then((found) => found && linkColumns(link));
    case "reply": {
      const reply = await tx.reply.findFirst({
        where: { id: link.replyId, discussionId: link.discussionId, ...SHOWN, discussion: SHOWN },
        select: { discussionId: true },
      });
      return reply && linkColumns({ ...link, discussionId: reply.discussionId });
    }
    case "post":
      return tx.knowledgePost
        .findFirst({ where: { id: link.postId, ...LISTED_POST } })
        .then((found) => found && linkColumns(link));
    case "session":
      return tx.learningSession
        .findUnique({ where: { id: link.sessionId } })
        .then((found) => found && linkColumns(link));
    case "mentorship": {
      const pairing = await tx.mentorPairing.findFirst({
        where: { id: link.pairingId, OR: [{ mentorId: actor.id }, { menteeId: actor.id }] },
        select: { id: true },
      });
      if (!pairing) throw new DomainError(NOT_YOUR_MENTORSHIP, { link: [NOT_YOUR_MENTORSHIP] });
      return linkColumns(link);
    }
  }
}

async function linkFields(tx: TransactionClient, actor: Actor, link: RecognitionLink | null) {
  if (!link) return linkColumns(null);
  const columns = await linkedItem(tx, actor, link);
  if (!columns) throw new DomainError(MISSING_LINK, { link: [MISSING_LINK] });
  return columns;
}

/** Start of today in UTC: the daily limit counts from here. */
function utcMidnight(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * Refuses the giver's recognition past the daily limit. Locks the giver's row first, so that
 * their concurrent gives are counted one after another and can't together exceed it.
 */
async function assertUnderDailyLimit(tx: TransactionClient, giverId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "User" WHERE "id" = ${giverId} FOR NO KEY UPDATE`;
  const limit = await getSetting("recognition.dailyLimit", tx);
  const given = await tx.recognition.count({
    where: { giverId, deletedAt: null, createdAt: { gte: utcMidnight() } },
  });
  if (given >= limit) {
    throw new DomainError(
      `You've reached today's limit of ${limit} recognitions. Thank you for being generous — try again tomorrow.`,
    );
  }
}

async function createRecognition(
  tx: TransactionClient,
  actor: Actor,
  input: GiveRecognitionInput,
): Promise<string> {
  const value = await activeValue(tx, input.valueId);
  const recipientIds = await resolveRecipients(tx, actor, input);
  const links = await linkFields(tx, actor, input.link);
  await assertUnderDailyLimit(tx, actor.id);
  const leader = input.kind === "LEADER";
  const { id } = await tx.recognition.create({
    data: {
      kind: input.kind,
      giverId: actor.id,
      message: input.message,
      valueId: value.id,
      teamId: input.teamId ?? null,
      ...links,
      ...(leader ? { featuredAt: new Date(), featuredById: actor.id } : {}),
      recipients: { create: recipientIds.map((userId) => ({ userId })) },
    },
    select: { id: true },
  });
  await notifyMany(tx, {
    actorId: actor.id,
    kind: "recognition.received",
    recipientIds,
    data: { recognitionId: id, valueName: value.name },
  });
  // Every recognition is public (private feedback is another table), so each goes to chat.
  await enqueueRecognitionDelivery(tx, id);
  return id;
}

/** A member thanks members or a team; a leader's recognition is featured at once. */
export async function giveRecognition(
  actor: Actor,
  input: unknown,
): Promise<ActionResult<{ id: string }>> {
  authorize(actor, "create:recognition:any");
  const parsed = giveRecognitionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  if (parsed.data.kind === "LEADER") authorize(actor, "create:leader-recognition:any");
  const id = await db.$transaction((tx) => createRecognition(tx, actor, parsed.data));
  return {
    ok: true,
    message:
      parsed.data.kind === "LEADER"
        ? "Recognition given and featured on the wall."
        : "Thank you for recognising them. They'll be notified.",
    data: { id },
  };
}
