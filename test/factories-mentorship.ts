// Mentoring profiles, requests and pairings straight into the database, unique per call.
import type { MentorRequestStatus, PairingStatus } from "@/lib/generated/prisma/enums";
import { testDb } from "./db";
import { unique } from "./factories";
import { createMemberWithProfile } from "./factories-members";

const DAY = 86_400_000;

/** Today's UTC date, `offsetDays` away, as a @db.Date value. */
export function utcDate(offsetDays = 0): Date {
  const now = new Date();
  return new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + offsetDays * DAY,
  );
}

export async function setMentorshipProfile(
  userId: string,
  profile: { openToMentor?: boolean; maxMentees?: number; wantsMentor?: boolean; goals?: string },
) {
  return testDb.mentorshipProfile.upsert({
    where: { userId },
    update: profile,
    create: { userId, ...profile },
  });
}

type MemberProfile = Parameters<typeof createMemberWithProfile>[0];

/** A member open to mentoring up to `maxMentees` (1 unless told), with the given profile. */
export async function createMentor(profile: MemberProfile & { maxMentees?: number } = {}) {
  const { maxMentees = 1, ...rest } = profile;
  const mentor = await createMemberWithProfile(rest);
  await setMentorshipProfile(mentor.id, { openToMentor: true, maxMentees });
  return mentor;
}

/** A member who wants a mentor, with the given profile. */
export async function createMentee(profile: MemberProfile & { goals?: string } = {}) {
  const { goals = "", ...rest } = profile;
  const mentee = await createMemberWithProfile(rest);
  await setMentorshipProfile(mentee.id, { wantsMentor: true, goals });
  return mentee;
}

export interface PairingOverrides {
  status?: PairingStatus;
  goals?: string;
  startsOn?: Date;
  expectedEndOn?: Date | null;
  cadenceDays?: number;
  lastCheckInOn?: Date | null;
  createdById?: string | null;
  endRequestedAt?: Date | null;
  endRequestedById?: string | null;
}

/** A pairing (active, started today, every two weeks unless told otherwise). */
export async function createPairing(
  mentorId: string,
  menteeId: string,
  overrides: PairingOverrides = {},
) {
  return testDb.mentorPairing.create({
    data: {
      mentorId,
      menteeId,
      goals: `Goals ${unique()}`,
      startsOn: utcDate(),
      cadenceDays: 14,
      ...overrides,
    },
  });
}

export async function createMentorRequest(
  menteeId: string,
  overrides: { status?: MentorRequestStatus; note?: string; createdAt?: Date } = {},
) {
  return testDb.mentorRequest.create({ data: { menteeId, note: "", ...overrides } });
}
