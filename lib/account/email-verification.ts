// Open sign-up accounts start unverified: the address gets a link (made by the mail job, 24
// hours), and password sign-in is refused until it is opened. Asking for the link again
// answers the same whether or not the address has an account waiting.
import { db } from "@/lib/core/db/client";
import type { TransactionClient } from "@/lib/core/db/create-client";
import { failure, invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { hitRateLimit, type RateLimitRule } from "@/lib/core/rate-limit";
import { rateLimitAddress } from "@/lib/core/auth/addresses";
import { recordAudit } from "@/lib/core/audit/record";
import { enqueue } from "@/lib/core/jobs/enqueue";
import { emailVerificationQueue } from "./jobs";
import { emailOnlySchema, tokenOnlySchema } from "./schemas";
import {
  consumeAccountToken,
  findAccountToken,
  retireAccountTokens,
  TOKEN_PROBLEMS,
} from "./tokens";

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

export async function verifyEmail(input: unknown): Promise<ActionResult> {
  const parsed = tokenOnlySchema.safeParse(input);
  if (!parsed.success) return failure(TOKEN_PROBLEMS.unknown);
  const found = await findAccountToken(db, parsed.data.token, "EMAIL_VERIFICATION");
  if (found.state !== "valid") return failure(TOKEN_PROBLEMS[found.state]);
  return db.$transaction(async (tx) => {
    if (!(await consumeAccountToken(tx, found.id))) return failure(TOKEN_PROBLEMS.used);
    // Only the address the link went to is proven: not one the account moved to since.
    const { count } = await tx.user.updateMany({
      where: { id: found.userId, email: found.email },
      data: { emailVerified: new Date() },
    });
    if (count === 0) return failure(TOKEN_PROBLEMS.unknown);
    await retireAccountTokens(tx, found.userId, "EMAIL_VERIFICATION");
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
