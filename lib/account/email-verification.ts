// Open sign-up accounts start unverified: the address gets a link (made by the mail job, 24
// hours), and password sign-in is refused until it is opened. Asking for the link again
// answers the same whether or not the address has an account waiting.
// Confirming asks for the password chosen at sign-up: the link proves the inbox, the
// password proves the account. Someone who signed up with a colleague's address cannot get a
// usable account out of the colleague pressing the button of a mail they did not expect
// (decision 004, "impostor gap"); the colleague can take the address with "Forgot password".
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { failure, invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { hitRateLimit, type RateLimitRule } from "@/lib/core/rate-limit";
import { rateLimitAddress } from "@/lib/core/auth/addresses";
import { recordAudit } from "@/lib/core/audit/record";
import { enqueue } from "@/lib/core/jobs/enqueue";
import { emailVerificationQueue } from "./jobs";
import { ownPasswordProblem } from "./own-password";
import { emailOnlySchema, verifyEmailSchema } from "./schemas";
import { accountTokens, TOKEN_PROBLEMS } from "./tokens";

const verificationLinks = accountTokens("EMAIL_VERIFICATION");

export const RESEND_LIMITS = {
  perIp: { limit: 10, windowSeconds: 15 * 60 },
  perAddress: { limit: 3, windowSeconds: 60 * 60 },
};

export const VERIFICATION_SENT_MESSAGE =
  "If an account with this address is waiting for confirmation, we've emailed it a new link. The link works for 24 hours.";

/** Called in the sign-up's own transaction. */
export async function sendVerificationLink(tx: TransactionClient, userId: string): Promise<void> {
  await enqueue(tx, emailVerificationQueue, { userId });
}

export async function resendVerificationLink(
  input: unknown,
  context: { ip: string },
): Promise<ActionResult> {
  const parsed = emailOnlySchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { email } = parsed.data;
  const ipRule: RateLimitRule = {
    key: `verify-resend:ip:${rateLimitAddress(context.ip)}`,
    ...RESEND_LIMITS.perIp,
  };
  const byIp = await hitRateLimit(db, ipRule);
  if (byIp.count > RESEND_LIMITS.perIp.limit) {
    return failure("Too many requests from your network. Try again in a few minutes.");
  }
  const byAddress = await hitRateLimit(db, {
    key: `verify-resend:address:${email}`,
    ...RESEND_LIMITS.perAddress,
  });
  await db.$transaction(async (tx) => {
    const member = await tx.user.findUnique({
      where: { email },
      select: { id: true, status: true, emailVerified: true },
    });
    if (!member || member.status !== "ACTIVE" || member.emailVerified) return;
    if (byAddress.count > RESEND_LIMITS.perAddress.limit) return;
    await sendVerificationLink(tx, member.id);
  });
  return success(VERIFICATION_SENT_MESSAGE);
}

export const NOT_SIGN_UP_PASSWORD =
  "That is not the password this account was created with. If you did not create it, leave it: use “Forgot password” to take the address.";

export async function verifyEmail(input: unknown): Promise<ActionResult> {
  const parsed = verifyEmailSchema.safeParse(input);
  if (!parsed.success) return failure(TOKEN_PROBLEMS.unknown);
  const found = await verificationLinks.find(db, parsed.data.token);
  if (found.state !== "valid") return failure(TOKEN_PROBLEMS[found.state]);
  const { passwordHash } = await db.user.findUniqueOrThrow({
    where: { id: found.userId },
    select: { passwordHash: true },
  });
  const problem =
    passwordHash &&
    (await ownPasswordProblem(
      found.userId,
      passwordHash,
      parsed.data.password,
      NOT_SIGN_UP_PASSWORD,
    ));
  if (problem) return problem;
  return db.$transaction(async (tx) => {
    if (!(await verificationLinks.redeem(tx, found))) return failure(TOKEN_PROBLEMS.used);
    // Only the address the link went to is proven: not one the account moved to since.
    const { count } = await tx.user.updateMany({
      where: { id: found.userId, email: found.email },
      data: { emailVerified: new Date() },
    });
    if (count === 0) return failure(TOKEN_PROBLEMS.unknown);
    await recordAudit(tx, {
      actorId: found.userId,
      action: "member.email.verify",
      entityType: "User",
      entityId: found.userId,
      after: { email: found.email },
    });
    return success("Your address is confirmed. Sign in to continue.");
  });
}
