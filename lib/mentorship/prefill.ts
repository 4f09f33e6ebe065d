// What the "New pairing" form starts with when it is opened from a suggestion or a list:
// the two members' names, the mentee's goals, and their waiting request (shown beside the
// form, so that its note is read rather than turned into a goal).
import "server-only";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { db } from "@/lib/core/db/client";
import { idSchema } from "@/lib/core/ids";
import { MENTORSHIP_LIMITS } from "./limits";

const usableId = (id: string | undefined): id is string => idSchema.safeParse(id).success;

export interface PairingPrefill {
  mentor: { id: string; name: string } | null;
  mentee: { id: string; name: string } | null;
  goals: string;
  request: { id: string; note: string; createdAt: Date } | null;
}

function activeMember(id: string) {
  return db.user.findFirst({ where: { id, status: "ACTIVE" }, select: { id: true, name: true } });
}

/**
 * The members named in the URL (active ones only; anything else is left for the admin to
 * choose), the mentee's goals, and their request: the one named in the URL if it is theirs
 * and still waiting, else their oldest waiting one.
 */
export async function pairingPrefill(
  actor: Actor,
  query: { mentor?: string; mentee?: string; request?: string },
): Promise<PairingPrefill> {
  authorize(actor, "create:pairing:any");
  const [mentor, mentee] = await Promise.all([
    usableId(query.mentor) ? activeMember(query.mentor) : null,
    usableId(query.mentee) ? activeMember(query.mentee) : null,
  ]);
  if (!mentee) return { mentor, mentee: null, goals: "", request: null };

  const [profile, requests] = await Promise.all([
    db.mentorshipProfile.findUnique({ where: { userId: mentee.id }, select: { goals: true } }),
    db.mentorRequest.findMany({
      where: { menteeId: mentee.id, status: "WAITING" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, note: true, createdAt: true },
    }),
  ]);
  const request = requests.find((r) => r.id === query.request) ?? requests[0] ?? null;
  const goals = (profile?.goals.trim() ?? "").slice(0, MENTORSHIP_LIMITS.goalsMax);
  return { mentor, mentee, goals, request };
}
