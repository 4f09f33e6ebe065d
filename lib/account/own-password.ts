// "Type your password" on a step that must be taken by the account's owner (an address
// change, confirming the address of a new account). Wrong guesses count against the same
// per-account allowance as a password change, so no step becomes a way to guess it.
import { db } from "@/lib/core/db/client";
import { failure, type ActionResult } from "@/lib/core/forms/action-result";
import { hitRateLimit, peekRateLimit } from "@/lib/core/rate-limit";
import { verifyPassword } from "@/lib/core/auth/password";
import { passwordChangeRule } from "./change-password";

/** Null when the password is the account's; otherwise the answer to give. */
export async function ownPasswordProblem(
  userId: string,
  passwordHash: string,
  password: string | undefined,
  wrong = "That is not your password.",
): Promise<ActionResult<never> | null> {
  const rule = passwordChangeRule(userId);
  if ((await peekRateLimit(db, rule)).limited) {
    return failure("Too many wrong passwords. Wait 15 minutes and try again.");
  }
  if (password && (await verifyPassword(passwordHash, password))) return null;
  await hitRateLimit(db, rule);
  return failure("Please correct the highlighted fields.", { password: [wrong] });
}
