// `npm run admin:create -- --email … --reset-password`: the operator, at the server, sets a
// member's password (the recovery when mail does not work). Like a reset by link, it ends
// every session, lifts a sign-in lock and mails "your password was changed" (the same job as
// a reset by link: the worker sends it once the app runs). Audited with no actor.
import type { Database } from "@/lib/core/db/create-client";
import { emailSchema, newPasswordSchema } from "@/lib/core/auth/schemas";
import { hashPassword } from "@/lib/core/auth/password";
import { endMemberSessions } from "@/lib/core/auth/auth-sessions";
import { signInAccountKey } from "@/lib/core/auth/sign-in";
import { resetRateLimit } from "@/lib/core/rate-limit";
import { recordAudit } from "@/lib/core/audit/record";
import { enqueue } from "@/lib/core/jobs/enqueue";
import { passwordChangedQueue } from "./queues";
import { retireAccountTokens } from "./tokens";

export type SetPasswordResult = { ok: true; email: string } | { ok: false; message: string };

export async function setPasswordByOperator(
  db: Database,
  input: { email: string; password: string },
): Promise<SetPasswordResult> {
  const email = emailSchema.safeParse(input.email);
  if (!email.success) return { ok: false, message: `email: ${email.error.issues[0]?.message}` };
  const password = newPasswordSchema.safeParse(input.password);
  if (!password.success) {
    return { ok: false, message: `password: ${password.error.issues[0]?.message}` };
  }
  const member = await db.user.findUnique({ where: { email: email.data }, select: { id: true } });
  if (!member) return { ok: false, message: `${email.data} has no account.` };
  const passwordHash = await hashPassword(password.data);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: member.id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    await endMemberSessions(tx, member.id);
    await retireAccountTokens(tx, member.id, "PASSWORD_RESET");
    await resetRateLimit(tx, signInAccountKey(email.data));
    const changedAt = new Date();
    await recordAudit(tx, {
      actorId: null,
      action: "member.password.reset",
      entityType: "User",
      entityId: member.id,
      after: { via: "admin:create" },
    });
    await enqueue(tx, passwordChangedQueue, {
      userId: member.id,
      changedAt: changedAt.toISOString(),
    });
  });
  return { ok: true, email: email.data };
}
