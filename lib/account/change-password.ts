// Password change: needs the current password, which is throttled per account like sign-in
// (a stolen session must not become a way to guess the password). Ends every session of the
// member, this one included (the caller signs the member in again).
import type { Database } from "@/lib/core/db/create-client";
import { failure, invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import {
  hitRateLimit,
  peekRateLimit,
  resetRateLimit,
  type RateLimitRule,
} from "@/lib/core/rate-limit";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { endMemberSessions } from "@/lib/core/auth/auth-sessions";
import { hashPassword, verifyPassword } from "@/lib/core/auth/password";
import { passwordChangeSchema } from "@/lib/core/auth/schemas";
import { SIGNIN_LIMITS } from "@/lib/core/auth/sign-in";

export const PASSWORD_CHANGE_LIMIT = SIGNIN_LIMITS.perAccount;

export function passwordChangeRule(userId: string): RateLimitRule {
  return { key: `password-change:account:${userId}`, ...PASSWORD_CHANGE_LIMIT };
}

function tooManyAttempts(retryAfterSeconds: number): ActionResult<never> {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return failure(
    `Too many wrong passwords. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again, or ask an admin to clear the lock.`,
  );
}

export async function changePassword(
  db: Database,
  actor: Actor,
  input: unknown,
): Promise<ActionResult> {
  authorize(actor, "update:password:own");
  const parsed = passwordChangeSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const rule = passwordChangeRule(actor.id);
  const throttle = await peekRateLimit(db, rule);
  if (throttle.limited) return tooManyAttempts(throttle.retryAfterSeconds);
  const member = await db.user.findUnique({
    where: { id: actor.id },
    select: { passwordHash: true },
  });
  if (!member?.passwordHash) {
    return failure("Your account signs in with single sign-on and has no password to change.");
  }
  if (!(await verifyPassword(member.passwordHash, parsed.data.currentPassword))) {
    await hitRateLimit(db, rule);
    return failure("Please correct the highlighted fields.", {
      currentPassword: ["That is not your current password."],
    });
  }
  const passwordHash = await hashPassword(parsed.data.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    await endMemberSessions(tx, actor.id);
  });
  await resetRateLimit(db, rule.key);
  return success("Password changed.");
}
