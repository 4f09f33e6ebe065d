// What members do with asks: "Find someone who can answer" on a question, and, as the asked
// member, "Not me" (a private pass) or "Suggest someone else". Each parses its input, checks
// who may do it, and changes nothing when refused.
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { sql, sqlb, rows } from "@/lib/core/db/typed-sql";
import { failure, invalid, type ActionResult } from "@/lib/core/forms/action-result";
import { NotFound } from "@/lib/core/forms/errors";
import { getSetting } from "@/lib/core/settings/queries";
import { hasPermission } from "@/lib/core/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AskReason } from "./ranking";
import { ASKS_PER_ROUND } from "./ranking";
import { routeTopic } from "./route";
import {
  findHelpersSchema,
  passAskSchema,
  routeRequestSchema,
  suggestOtherSchema,
} from "./schemas";
import { tellAsked } from "./tell";

/** On demand, a question is routed at most this many rounds (so at most 9 people asked). */
export const MAX_ROUNDS = 3;

export interface AskedNames {
  discussionId: string;
  names: string[];
}

function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * lib/communities/visibility.ts's rule (readableContentSql) for the question row "d". The
 * import rule does not (yet) offer that module to other domains, so it is restated here; when
 * "visibility" becomes an entry point, call readableContentSql("d", actor) instead.
 */
function readableByActor(actor: Actor) {
  if (hasPermission(actor.role, "read:private-community:any")) return sql<boolean>`TRUE`;
  return sql<boolean>`(d."communityId" IS NULL OR EXISTS (
    SELECT 1 FROM "Community" vc WHERE vc.id = d."communityId" AND (vc.access <> 'PRIVATE'
      OR EXISTS (SELECT 1 FROM "CommunityMembership" vm WHERE vm."communityId" = vc.id
        AND vm."memberId" = ${actor.id} AND vm.status = 'ACTIVE'))))`;
}

/** The question, if the actor may read it and it can still be routed; else why not. */
async function routableQuestion(actor: Actor, discussionId: string) {
  const [row] = await rows(
    db,
    sqlb
      .selectFrom("Discussion as d")
      .select((eb) => [
        "d.id",
        "d.kind",
        "d.acceptedReplyId",
        "d.lockedAt",
        sql<number>`(SELECT count(*)::int FROM "Ask" a WHERE a."discussionId" = ${eb.ref("d.id")})`.as(
          "asks",
        ),
      ])
      .where("d.id", "=", discussionId)
      .where("d.deletedAt", "is", null)
      .where("d.hiddenAt", "is", null)
      .where(readableByActor(actor)),
  );
  if (!row) throw new NotFound("That question");
  if (row.kind !== "QUESTION") return { problem: "Only questions are routed to colleagues." };
  if (row.acceptedReplyId) return { problem: "This question already has an accepted answer." };
  if (row.lockedAt) return { problem: "This question is locked." };
  if (row.asks >= MAX_ROUNDS * ASKS_PER_ROUND)
    return { problem: "Enough colleagues were asked about this question already." };
  return { problem: null };
}

/**
 * "Find someone who can answer": any member who can read the question may ask for it to be
 * routed (the asker most often; a community lead, a colleague who cannot answer but wants it
 * answered), within MAX_ROUNDS rounds per question and everyone's weekly cap.
 */
export async function findHelpers(actor: Actor, input: unknown): Promise<ActionResult<AskedNames>> {
  authorize(actor, "read:content:any");
  const parsed = findHelpersSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { discussionId } = parsed.data;
  const { problem } = await routableQuestion(actor, discussionId);
  if (problem) return failure(problem);
  const outcome = await routeTopic({ kind: "question", id: discussionId }, { askedById: actor.id });
  const names = outcome.asked.map((member) => member.name);
  if (names.length === 0)
    return failure(
      "Nobody else who knows this topic can be asked right now (everyone likely was asked enough this week).",
    );
  return { ok: true, message: `Asked ${listText(names)} to help.`, data: { discussionId, names } };
}

export interface AskedForRequest {
  requestId: string;
  names: string[];
}

/**
 * "Ask colleagues to write it": routes an open knowledge request by its tags (or its title's
 * words) the same way as a question, within MAX_ROUNDS rounds and everyone's weekly cap.
 */
export async function routeRequest(
  actor: Actor,
  input: unknown,
): Promise<ActionResult<AskedForRequest>> {
  authorize(actor, "read:content:any");
  const parsed = routeRequestSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { requestId } = parsed.data;
  const request = await db.knowledgeRequest.findUnique({
    where: { id: requestId },
    select: { status: true, _count: { select: { asks: true } } },
  });
  if (!request) throw new NotFound("That request");
  if (request.status !== "OPEN") return failure("This request is closed.");
  if (request._count.asks >= MAX_ROUNDS * ASKS_PER_ROUND)
    return failure("Enough colleagues were asked about this request already.");
  const outcome = await routeTopic({ kind: "request", id: requestId }, { askedById: actor.id });
  const names = outcome.asked.map((member) => member.name);
  if (names.length === 0)
    return failure("Nobody else who knows this topic can be asked right now.");
  return { ok: true, message: `Asked ${listText(names)} to write it.`, data: { requestId, names } };
}

async function ownOpenAsk(tx: TransactionClient, actor: Actor, askId: string) {
  const ask = await tx.ask.findFirst({
    where: { id: askId, askedMemberId: actor.id },
    select: { id: true, status: true, discussionId: true, requestId: true },
  });
  if (!ask) throw new NotFound("That ask");
  return ask;
}

/** "Not me": the asked member passes. Private: nobody else's loader reads a pass. */
export async function passAsk(actor: Actor, input: unknown): Promise<ActionResult<AskedNames>> {
  authorize(actor, "read:content:any");
  const parsed = passAskSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return db.$transaction(async (tx) => {
    const ask = await ownOpenAsk(tx, actor, parsed.data.askId);
    if (ask.status !== "ASKED") return failure("You already answered this ask.");
    await tx.ask.update({
      where: { id: ask.id },
      data: { status: "PASSED", respondedAt: new Date() },
    });
    return {
      ok: true as const,
      message: "Thanks: you won't be asked about this again.",
      data: { discussionId: ask.discussionId ?? "", names: [] },
    };
  });
}

/** Whether the member may be asked about the topic: active, not asked yet, under the cap, reads it. */
async function askableMember(
  tx: TransactionClient,
  input: { memberId: string; discussionId: string | null; requestId: string | null; cap: number },
) {
  const weekAgo = new Date(Date.now() - 7 * 24 * 60 * 60 * 1000);
  const [row] = await tx.$queryRawUnsafe<{ ok: boolean; name: string; reason: string | null }[]>(
    `SELECT u.name, CASE
        WHEN u.status <> 'ACTIVE' THEN 'inactive'
        WHEN EXISTS (SELECT 1 FROM "Ask" a WHERE a."askedMemberId" = u.id
               AND (a."discussionId" = $2 OR a."requestId" = $3)) THEN 'asked'
        WHEN (SELECT count(*) FROM "Ask" a WHERE a."askedMemberId" = u.id
               AND a."createdAt" > $4) >= $5 THEN 'cap'
        WHEN EXISTS (SELECT 1 FROM "Discussion" d WHERE d.id = $2 AND d."authorId" = u.id) THEN 'author'
        WHEN EXISTS (SELECT 1 FROM "KnowledgeRequest" r WHERE r.id = $3 AND r."requesterId" = u.id) THEN 'author'
        WHEN EXISTS (SELECT 1 FROM "Discussion" d JOIN "Community" c ON c.id = d."communityId"
               WHERE d.id = $2 AND c.access = 'PRIVATE' AND NOT EXISTS (
                 SELECT 1 FROM "CommunityMembership" m WHERE m."communityId" = c.id
                    AND m."memberId" = u.id AND m.status = 'ACTIVE')) THEN 'outsider'
        ELSE NULL END AS reason
       FROM "User" u WHERE u.id = $1`,
    input.memberId,
    input.discussionId,
    input.requestId,
    weekAgo,
    input.cap,
  );
  return row ?? null;
}

const NOT_ASKABLE: Record<string, string> = {
  inactive: "That member can't be asked.",
  asked: "That member was already asked about this.",
  cap: "That member was asked enough this week: suggest someone else.",
  author: "That member asked it: suggest someone else.",
  outsider: "That member can't read this question.",
};

/**
 * "Suggest someone else": the asked member names a colleague, who is asked in turn (within the
 * same caps and reading rules); the first ask becomes REDIRECTED.
 */
export async function suggestOther(
  actor: Actor,
  input: unknown,
): Promise<ActionResult<AskedNames>> {
  authorize(actor, "read:content:any");
  const parsed = suggestOtherSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { askId, memberId } = parsed.data;
  const cap = await getSetting("asks.weeklyCapPerMember");
  return db.$transaction(async (tx) => {
    const ask = await ownOpenAsk(tx, actor, askId);
    if (ask.status !== "ASKED") return failure("You already answered this ask.");
    if (memberId === actor.id)
      return failure("Suggest someone other than yourself.", {
        memberId: ["Suggest someone other than yourself."],
      });
    const member = await askableMember(tx, {
      memberId,
      discussionId: ask.discussionId,
      requestId: ask.requestId,
      cap,
    });
    if (!member)
      return failure("Choose a member from the list.", {
        memberId: ["Choose a member from the list."],
      });
    if (member.reason) {
      const message = NOT_ASKABLE[member.reason]!;
      return failure(message, { memberId: [message] });
    }
    const now = new Date();
    const suggester = await tx.user.findUnique({ where: { id: actor.id }, select: { name: true } });
    const reasons: AskReason[] = [
      {
        kind: "suggested",
        points: 0,
        text: `Suggested by ${suggester?.name ?? "a colleague"}, who was asked first`,
      },
    ];
    await tx.ask.create({
      data: {
        discussionId: ask.discussionId,
        requestId: ask.requestId,
        askedMemberId: memberId,
        askedById: actor.id,
        reasons: reasons as unknown as Prisma.InputJsonValue,
        score: 0,
        createdAt: now,
      },
    });
    await tx.ask.update({
      where: { id: ask.id },
      data: { status: "REDIRECTED", suggestedMemberId: memberId, respondedAt: now },
    });
    const topic = ask.discussionId
      ? await tx.discussion.findUnique({ where: { id: ask.discussionId }, select: { title: true } })
      : await tx.knowledgeRequest.findUnique({
          where: { id: ask.requestId! },
          select: { title: true },
        });
    await tellAsked(tx, {
      actorId: actor.id,
      memberIds: [memberId],
      data: {
        ...(ask.discussionId ? { discussionId: ask.discussionId } : { requestId: ask.requestId! }),
        title: topic?.title ?? "",
      },
    });
    return {
      ok: true as const,
      message: `Asked ${member.name} instead. Thank you.`,
      data: { discussionId: ask.discussionId ?? "", names: [member.name] },
    };
  });
}
