// Open sign-up: when an admin has turned it on, people with an email at an allowed domain
// can create a MEMBER account themselves. The account starts unverified and its address gets
// a confirmation link (lib/account); it cannot sign in before that. The answer never reveals
// whether an account already exists for an email: the owner of a taken one is told by mail
// instead (at most SIGNUP_ADDRESS_LIMIT an hour, so an inbox cannot be flooded this way).
import { db } from "@/lib/core/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/core/auth/password";
import { hitRateLimit, type RateLimitRule } from "@/lib/core/rate-limit";
import { failure, invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { recordAudit } from "@/lib/core/audit/record";
import { getSetting, openSignUpEnabled, signUpAllowedFor } from "@/lib/core/settings/queries";
import { addressInUseQueue, emailVerificationQueue } from "@/lib/account/jobs";
import { enqueue } from "@/lib/core/jobs/enqueue";
import { signUpSchema } from "./schemas";

export const SIGNUP_LIMIT = { limit: 20, windowSeconds: 15 * 60 };
export const SIGNUP_ADDRESS_LIMIT = { limit: 3, windowSeconds: 60 * 60 };

export const SIGNUP_CLOSED_MESSAGE = "Sign-up is closed. Ask an admin for an invitation.";

/** The same answer whether or not the email already had an account. */
export const SIGNUP_DONE_MESSAGE =
  "If this email can register, we've emailed it a link to confirm the address. Open it, then sign in.";

function ipRule(ip: string): RateLimitRule {
  return { key: `signup:ip:${ip}`, ...SIGNUP_LIMIT };
}

async function domainError(): Promise<string> {
  const domains = await getSetting("signup.allowedDomains");
  return `Use an email address at ${domains.map((d) => `@${d}`).join(", ") || "an allowed domain"}.`;
}

/** Creates the member unless the email is taken; says nothing about which happened. */
async function createMemberUnlessTaken(data: {
  email: string;
  name: string;
  passwordHash: string;
  timeZone: string | undefined;
}): Promise<void> {
  const byAddress = await hitRateLimit(db, {
    key: `signup:address:${data.email}`,
    ...SIGNUP_ADDRESS_LIMIT,
  });
  const tellOwner = byAddress.count <= SIGNUP_ADDRESS_LIMIT.limit;
  try {
    await db.$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
        if (tellOwner) {
          await enqueue(tx, addressInUseQueue, { address: data.email, asked: "sign-up" });
        }
        return;
      }
      const member = await tx.user.create({
        data: { ...data, role: "MEMBER" },
        select: { id: true, email: true },
      });
      await recordAudit(tx, {
        actorId: member.id,
        action: "member.signup",
        entityType: "User",
        entityId: member.id,
        after: { email: member.email, role: "MEMBER" },
      });
      await enqueue(tx, emailVerificationQueue, { userId: member.id });
    });
  } catch (error) {
    // Registered by someone else at the same moment: the same outcome as "already taken".
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return;
    throw error;
  }
}

export async function signUp(input: unknown, context: { ip: string }): Promise<ActionResult> {
  // Counted before anything else, so every attempt costs one of the allowance.
  const rate = await hitRateLimit(db, ipRule(context.ip));
  if (rate.count > SIGNUP_LIMIT.limit) {
    return failure(
      `Too many sign-up attempts from your network. Try again in ${Math.ceil(rate.retryAfterSeconds / 60)} minutes.`,
    );
  }
  if (!(await openSignUpEnabled())) return failure(SIGNUP_CLOSED_MESSAGE);
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { email, name, password, timeZone } = parsed.data;
  if (!(await signUpAllowedFor(email))) {
    return failure("Please correct the highlighted fields.", { email: [await domainError()] });
  }
  // Hash even when the email is taken, so the response time gives nothing away.
  const passwordHash = await hashPassword(password);
  await createMemberUnlessTaken({ email, name, passwordHash, timeZone });
  return success(SIGNUP_DONE_MESSAGE);
}
