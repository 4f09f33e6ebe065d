// Changing one's email: the new address gets a link (24 hours) and the account's address
// changes only when it is opened; the old address is told on both steps. The account's
// password is asked for, so a borrowed session cannot move the account to another inbox.
// The request answers the same whether or not the new address already has an account (it
// must not become a way to learn who is a member): the mail job finds out, and then tells
// that address's owner instead of sending a link.
import { db } from "@/lib/core/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { failure, invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { hitRateLimit, type RateLimitRule } from "@/lib/core/rate-limit";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { recordAudit } from "@/lib/core/audit/record";
import { enqueue } from "@/lib/core/jobs/enqueue";
import { ownPasswordProblem } from "./own-password";
import { emailChangeNoticeQueue, emailChangeQueue } from "./jobs";
import { emailChangeSchema, tokenOnlySchema } from "./schemas";
import { accountTokens, retireAccountTokens, TOKEN_PROBLEMS } from "./tokens";

const changeLinks = accountTokens("EMAIL_CHANGE");

/** Bounds the mail one account can send to other addresses. */
export const EMAIL_CHANGE_LIMIT = { limit: 5, windowSeconds: 60 * 60 };

const changeRule = (userId: string): RateLimitRule => ({
  key: `email-change:account:${userId}`,
  ...EMAIL_CHANGE_LIMIT,
});

export const ADDRESS_TAKEN = "That address already belongs to an account here.";

/** The one answer to a request, whether or not the address is free. */
export const emailChangeRequestedMessage = (email: string) =>
  `We've emailed a link to ${email}. Your address changes when you open it (within 24 hours).`;

export async function requestEmailChange(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:password:own");
  const parsed = emailChangeSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { email, password } = parsed.data;
  const member = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { id: true, email: true, passwordHash: true },
  });
  if (email === member.email) {
    return failure("Please correct the highlighted fields.", {
      email: ["That is already your address."],
    });
  }
  // Single sign-on only: the session is all there is.
  const problem =
    member.passwordHash && (await ownPasswordProblem(member.id, member.passwordHash, password));
  if (problem) return problem;
  const rate = await hitRateLimit(db, changeRule(member.id));
  if (rate.count > EMAIL_CHANGE_LIMIT.limit) {
    return failure("You asked for several address changes already. Try again in an hour.");
  }
  return db.$transaction(async (tx) => {
    // Only the newest request's link works.
    await retireAccountTokens(tx, member.id, "EMAIL_CHANGE");
    await enqueue(tx, emailChangeQueue, { userId: member.id, newEmail: email });
    await enqueue(tx, emailChangeNoticeQueue, {
      userId: member.id,
      oldEmail: member.email,
      newEmail: email,
      stage: "requested",
    });
    return success(emailChangeRequestedMessage(email));
  });
}

export const OTHER_ACCOUNT_LINK =
  "This link is for another account. Sign in to the account that asked for the change, then open the link again.";

/**
 * Opened by the member signed in to the account that asked: the link proves the inbox, the
 * session proves the account. Without the second, whoever owns the new address would attach
 * a verified address (and with it their future single sign-on) to someone else's account by
 * pressing the button of a mail they did not expect.
 */
export async function confirmEmailChange(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:password:own");
  const parsed = tokenOnlySchema.safeParse(input);
  if (!parsed.success) return failure(TOKEN_PROBLEMS.unknown);
  const found = await changeLinks.find(db, parsed.data.token);
  if (found.state !== "valid") return failure(TOKEN_PROBLEMS[found.state]);
  if (found.userId !== actor.id) return failure(OTHER_ACCOUNT_LINK);
  try {
    return await db.$transaction(async (tx) => {
      if (!(await changeLinks.redeem(tx, found))) return failure(TOKEN_PROBLEMS.used);
      const before = await tx.user.findUniqueOrThrow({
        where: { id: found.userId },
        select: { email: true },
      });
      await tx.user.update({
        where: { id: found.userId },
        data: { email: found.email, emailVerified: new Date() },
      });
      await retireAccountTokens(tx, found.userId, "PASSWORD_RESET");
      await recordAudit(tx, {
        actorId: found.userId,
        action: "member.email.change",
        entityType: "User",
        entityId: found.userId,
        before: { email: before.email },
        after: { email: found.email },
      });
      await enqueue(tx, emailChangeNoticeQueue, {
        userId: found.userId,
        oldEmail: before.email,
        newEmail: found.email,
        stage: "changed",
      });
      return success(`Your account now uses ${found.email}.`);
    });
  } catch (error) {
    // Someone registered the address after the link was sent.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return failure(`${ADDRESS_TAKEN} Your address was not changed.`);
    }
    throw error;
  }
}
