// Forgot password: anyone may ask for a reset link for an address. The answer is the same
// whether or not the address has an account, and the link (made by the mail job) works
// once, for an hour. Setting the new password ends every session of the member.
import { db } from "@/lib/core/db/client";
import { failure, invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { hitRateLimit, resetRateLimit, type RateLimitRule } from "@/lib/core/rate-limit";
import { endMemberSessions } from "@/lib/core/auth/auth-sessions";
import { hashPassword } from "@/lib/core/auth/password";
import { rateLimitAddress } from "@/lib/core/auth/addresses";
import { signInAccountKey } from "@/lib/core/auth/sign-in";
import { recordAudit } from "@/lib/core/audit/record";
import { enqueue } from "@/lib/core/jobs/enqueue";
import { passwordChangedQueue, passwordResetQueue } from "./jobs";
import { emailOnlySchema, resetPasswordSchema } from "./schemas";
import { accountTokens, TOKEN_PROBLEMS } from "./tokens";

const resetLinks = accountTokens("PASSWORD_RESET");

export const RESET_LIMITS = {
  perIp: { limit: 10, windowSeconds: 15 * 60 },
  perAddress: { limit: 3, windowSeconds: 60 * 60 },
};

export const RESET_REQUESTED_MESSAGE =
  "If an account uses this address, we've emailed it a link to choose a new password. The link works for 1 hour.";

function rules(email: string, ip: string): { ip: RateLimitRule; address: RateLimitRule } {
  return {
    ip: { key: `password-reset:ip:${rateLimitAddress(ip)}`, ...RESET_LIMITS.perIp },
    address: { key: `password-reset:address:${email}`, ...RESET_LIMITS.perAddress },
  };
}

export async function requestPasswordReset(
  input: unknown,
  context: { ip: string },
): Promise<ActionResult> {
  const parsed = emailOnlySchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { email } = parsed.data;
  const limits = rules(email, context.ip);
  const byIp = await hitRateLimit(db, limits.ip);
  if (byIp.count > RESET_LIMITS.perIp.limit) {
    const minutes = Math.max(1, Math.ceil(byIp.retryAfterSeconds / 60));
    return failure(`Too many reset requests from your network. Try again in ${minutes} minutes.`);
  }
  // Over the per-address allowance the answer stays the same (it must not tell anything
  // about the address), but no more mail goes to it: an inbox cannot be flooded this way.
  const byAddress = await hitRateLimit(db, limits.address);
  await db.$transaction(async (tx) => {
    const member = await tx.user.findUnique({
      where: { email },
      select: { id: true, status: true },
    });
    if (member?.status !== "ACTIVE" || byAddress.count > RESET_LIMITS.perAddress.limit) return;
    await enqueue(tx, passwordResetQueue, { userId: member.id, byAdmin: false });
  });
  return success(RESET_REQUESTED_MESSAGE);
}

export async function resetPassword(input: unknown): Promise<ActionResult> {
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { token, password } = parsed.data;
  // A cheap look first, so a dead link never costs a (deliberately slow) password hash.
  const preview = await resetLinks.find(db, token);
  if (preview.state !== "valid") return failure(TOKEN_PROBLEMS[preview.state]);
  const passwordHash = await hashPassword(password);

  return db.$transaction(async (tx) => {
    if (!(await resetLinks.redeem(tx, preview))) return failure(TOKEN_PROBLEMS.used);
    const member = await tx.user.update({
      where: { id: preview.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { id: true, email: true },
    });
    // The link reached the inbox: that proves the address too (an open sign-up account
    // whose confirmation mail was lost can recover this way).
    await tx.user.updateMany({
      where: { id: member.id, email: preview.email, emailVerified: null },
      data: { emailVerified: new Date() },
    });
    await endMemberSessions(tx, member.id);
    // A member locked out by wrong guesses has just proven who they are.
    await resetRateLimit(tx, signInAccountKey(member.email));
    const changedAt = new Date();
    await recordAudit(tx, {
      actorId: member.id,
      action: "member.password.reset",
      entityType: "User",
      entityId: member.id,
      after: { changedAt },
    });
    await enqueue(tx, passwordChangedQueue, {
      userId: member.id,
      changedAt: changedAt.toISOString(),
    });
    return success("Your password was changed. Sign in with the new one.");
  });
}
