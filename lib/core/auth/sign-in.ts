// Email + password verification with rate limits per account and per IP. Independent of
// next-auth so that it can be tested directly against the database.
import type { Database } from "@/lib/core/db/create-client";
import {
  hitRateLimit,
  peekRateLimit,
  resetRateLimit,
  type RateLimitRule,
} from "@/lib/core/rate-limit";
import { rateLimitAddress } from "./addresses";
import { dummyPasswordHash, verifyPassword } from "./password";

export const SIGNIN_LIMITS = {
  perAccount: { limit: 5, windowSeconds: 15 * 60 },
  perIp: { limit: 30, windowSeconds: 15 * 60 },
};

export type PasswordSignInResult =
  | { ok: true; user: { id: string; email: string; name: string; sessionVersion: number } }
  | {
      ok: false;
      reason: "invalid" | "deactivated" | "unverified" | "rate_limited";
      retryAfterSeconds?: number;
    };

export function signInAccountKey(email: string): string {
  return `signin:account:${email}`;
}

function rules(email: string, ip: string): [RateLimitRule, RateLimitRule] {
  return [
    { key: signInAccountKey(email), ...SIGNIN_LIMITS.perAccount },
    { key: `signin:ip:${rateLimitAddress(ip)}`, ...SIGNIN_LIMITS.perIp },
  ];
}

export async function verifyPasswordSignIn(
  db: Database,
  input: { email: string; password: string; ip: string },
): Promise<PasswordSignInResult> {
  const [accountRule, ipRule] = rules(input.email, input.ip);
  const states = await Promise.all([peekRateLimit(db, accountRule), peekRateLimit(db, ipRule)]);
  const blocked = states.find((s) => s.limited);
  if (blocked)
    return { ok: false, reason: "rate_limited", retryAfterSeconds: blocked.retryAfterSeconds };

  const user = await db.user.findUnique({
    where: { email: input.email },
    select: {
      id: true,
      email: true,
      name: true,
      status: true,
      passwordHash: true,
      sessionVersion: true,
      emailVerified: true,
    },
  });
  const passwordOk = await verifyPassword(
    user?.passwordHash ?? (await dummyPasswordHash()),
    input.password,
  );
  if (!user || !user.passwordHash || !passwordOk) {
    await Promise.all([hitRateLimit(db, accountRule), hitRateLimit(db, ipRule)]);
    return { ok: false, reason: "invalid" };
  }
  if (user.status !== "ACTIVE") return { ok: false, reason: "deactivated" };
  // Told only to whoever knows the password: an open sign-up account must prove its address
  // (the link mailed to it) before it can be used.
  if (!user.emailVerified) return { ok: false, reason: "unverified" };
  await resetRateLimit(db, accountRule.key);
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion },
  };
}
