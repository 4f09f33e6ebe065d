// A member's own sessions, from the account page: end one, every other one, or all of them.
// Only ever the acting member's sessions: every delete is scoped by their id.
import { z } from "zod";
import { formId } from "@/lib/core/forms/text";
import type { Database } from "@/lib/core/db/create-client";
import { failure, invalid, type ActionResult } from "@/lib/core/forms/action-result";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { endMemberSessions } from "@/lib/core/auth/auth-sessions";

// A session's id is 32 random bytes in base64url (43 characters), longer than a record id: the
// same rule (lib/core/forms/text formId: present, no control character) with room for it.
const revokeSchema = z.object({ sessionId: formId({}, 64) });

export type RevokeOutcome = { endedCurrent: boolean };

export async function revokeSession(
  db: Database,
  actor: Actor,
  currentSessionId: string | null,
  input: unknown,
): Promise<ActionResult<RevokeOutcome>> {
  authorize(actor, "update:auth-session:own");
  const parsed = revokeSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { sessionId } = parsed.data;
  const { count } = await db.authSession.deleteMany({ where: { id: sessionId, userId: actor.id } });
  if (count === 0) return failure("That session has already ended.");
  return {
    ok: true,
    message: "That session has ended.",
    data: { endedCurrent: sessionId === currentSessionId },
  };
}

export async function signOutOtherSessions(
  db: Database,
  actor: Actor,
  currentSessionId: string | null,
): Promise<ActionResult> {
  authorize(actor, "update:auth-session:own");
  if (!currentSessionId) return failure("This session has ended. Sign in again.");
  const count = await endMemberSessions(db, actor.id, currentSessionId);
  const ended = count === 1 ? "1 other session" : `${count} other sessions`;
  return { ok: true, message: count ? `Signed out of ${ended}.` : "No other sessions to end." };
}

/** Ends all of the member's sessions; the caller then clears this browser's cookie. */
export async function signOutEverywhere(db: Database, actor: Actor): Promise<void> {
  authorize(actor, "update:auth-session:own");
  await endMemberSessions(db, actor.id);
}
