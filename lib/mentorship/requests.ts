// A member asks for a mentor: the request joins the admins' queue until an admin pairs them
// (MATCHED) or the member withdraws it. A member has at most one waiting request; concurrent
// asks take turns on a lock of the member's MentorshipProfile row, so only one gets through.
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import { failure, invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { DomainError, NotFound } from "@/lib/core/forms/errors";
import { formatDay } from "@/lib/core/dates";
import { assertOwnMemberId, lockedOwnProfile } from "./preferences";
import { mentorRequestSchema, withdrawRequestSchema } from "./schemas";

/** The actor's time zone when the actor is the signed-in member (server actions), else UTC. */
export function actorTimeZone(actor: Actor): string {
  return "timeZone" in actor && typeof actor.timeZone === "string" ? actor.timeZone : "UTC";
}

/** What a member who already has a mentor is asked to add, beside the note field. */
export const SECOND_MENTOR_NOTE =
  "You have a mentor already: say what you would like from a second one, so the admins can decide.";

/** Names of the member's mentors in pairings that are running (active or paused). */
export async function currentMentorNames(
  tx: Pick<typeof db, "mentorPairing">,
  menteeId: string,
): Promise<string[]> {
  const pairings = await tx.mentorPairing.findMany({
    where: { menteeId, status: { in: ["ACTIVE", "PAUSED"] } },
    select: { mentor: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return pairings.map((pairing) => pairing.mentor.name);
}

/**
 * Asks for a mentor, and marks the member as wanting one. A member who has a mentor may ask
 * for another, with a note saying why; the admins see the current mentorship beside it.
 */
export async function requestMentor(
  actor: Actor,
  input: unknown,
): Promise<ActionResult<{ id: string }>> {
  authorize(actor, "create:mentor-request:own");
  assertOwnMemberId(actor, input, "create:mentor-request:own");
  const parsed = mentorRequestSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);

  const id = await db.$transaction(async (tx) => {
    await lockedOwnProfile(tx, actor.id);
    const waiting = await tx.mentorRequest.findFirst({
      where: { menteeId: actor.id, status: "WAITING" },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    });
    if (waiting) {
      throw new DomainError(
        `You already asked for a mentor on ${formatDay(waiting.createdAt, actorTimeZone(actor))}; an admin will pair you soon.`,
      );
    }
    if (!parsed.data.note && (await currentMentorNames(tx, actor.id)).length) {
      return null;
    }
    const request = await tx.mentorRequest.create({
      data: { menteeId: actor.id, note: parsed.data.note },
      select: { id: true },
    });
    await tx.mentorshipProfile.update({
      where: { userId: actor.id },
      data: { wantsMentor: true },
    });
    return request.id;
  });
  if (!id) return failure("Please correct the highlighted fields.", { note: [SECOND_MENTOR_NOTE] });
  return {
    ok: true,
    message: "Thanks for asking. An admin will pair you with a mentor soon.",
    data: { id },
  };
}

/** Withdraws the member's own waiting request; anything else reads as not found. */
export async function withdrawMentorRequest(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "create:mentor-request:own");
  const parsed = withdrawRequestSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  // One conditional update: a request being matched at the same moment is either matched
  // first (and then not withdrawn) or withdrawn first (and then not matched).
  const { count } = await db.mentorRequest.updateMany({
    where: { id: parsed.data.id, menteeId: actor.id, status: "WAITING" },
    data: { status: "WITHDRAWN", resolvedAt: new Date() },
  });
  if (count === 0) throw new NotFound("That request");
  return success("Your request for a mentor was withdrawn.");
}
