// A member's mentoring preferences: open to mentoring (and how many mentees at most), wanting a
// mentor, and their goals. Saved under a lock of the member's MentorshipProfile row, the same
// lock createPairing takes on a mentor's row, so a lowered limit and a new pairing can't cross.
import { authorize, PermissionDenied, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { DomainError } from "@/lib/core/forms/errors";
import { mentorshipProfileSchema } from "./schemas";

/** Pairings that hold one of a mentor's places. */
export const OPEN_PAIRING_STATUSES = ["ACTIVE", "PAUSED"] as const;

const DEFAULT_PROFILE = { openToMentor: false, maxMentees: 1, wantsMentor: false, goals: "" };

export interface MentorshipPreferences {
  openToMentor: boolean;
  maxMentees: number;
  wantsMentor: boolean;
  goals: string;
  /** Active and paused pairings in which the member is the mentor. */
  activeMentees: number;
}

/** The pairings in which the member is a mentor holding one of their places. */
export const openPairingsOf = (mentorId: string) => ({
  mentorId,
  status: { in: [...OPEN_PAIRING_STATUSES] },
});

/** How many active or paused pairings the member mentors. */
export function countActiveMentees(tx: TransactionClient, mentorId: string): Promise<number> {
  return tx.mentorPairing.count({ where: openPairingsOf(mentorId) });
}

/** The member's preferences, with the defaults when they have never saved any. */
export async function getMentorshipProfile(userId: string): Promise<MentorshipPreferences> {
  const [row, activeMentees] = await Promise.all([
    db.mentorshipProfile.findUnique({
      where: { userId },
      select: { openToMentor: true, maxMentees: true, wantsMentor: true, goals: true },
    }),
    db.mentorPairing.count({ where: openPairingsOf(userId) }),
  ]);
  return { ...(row ?? DEFAULT_PROFILE), activeMentees };
}

/**
 * The member's MentorshipProfile row, created with the defaults if missing, locked until the
 * transaction ends. Two concurrent first saves both end up with the one row
 * (ON CONFLICT DO NOTHING waits for the other insert), then take turns on the lock.
 */
export async function lockedOwnProfile(tx: TransactionClient, userId: string) {
  await tx.mentorshipProfile.createMany({ data: [{ userId }], skipDuplicates: true });
  await tx.$queryRaw`SELECT "userId" FROM "MentorshipProfile" WHERE "userId" = ${userId} FOR UPDATE`;
  return tx.mentorshipProfile.findUniqueOrThrow({ where: { userId } });
}

const mentees = (n: number) => (n === 1 ? "1 person" : `${n} people`);

function requestedMemberId(input: unknown): unknown {
  return typeof input === "object" && input !== null
    ? (input as Record<string, unknown>).memberId
    : undefined;
}

/** Refuses a form that names another member: each member saves only their own preferences. */
export function assertOwnMemberId(
  actor: Actor,
  input: unknown,
  permission: "update:mentorship-profile:own" | "create:mentor-request:own",
) {
  const memberId = requestedMemberId(input);
  if (memberId !== undefined && memberId !== actor.id) throw new PermissionDenied(permission);
}

/**
 * Saves the actor's own preferences. A limit below the mentees they have now is refused;
 * saying they are no longer open to mentoring keeps their current pairings going.
 */
export async function updateMentorshipProfile(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:mentorship-profile:own");
  assertOwnMemberId(actor, input, "update:mentorship-profile:own");
  const parsed = mentorshipProfileSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { maxMentees, ...fields } = parsed.data;

  await db.$transaction(async (tx) => {
    await lockedOwnProfile(tx, actor.id);
    if (maxMentees !== undefined) {
      const current = await countActiveMentees(tx, actor.id);
      if (maxMentees < current) {
        const message = `You mentor ${mentees(current)} now, so allow at least ${current}.`;
        throw new DomainError(message, { maxMentees: [message] });
      }
    }
    await tx.mentorshipProfile.update({
      where: { userId: actor.id },
      data: { ...fields, ...(maxMentees === undefined ? {} : { maxMentees }) },
    });
  });
  return success("Mentoring preferences saved.");
}
