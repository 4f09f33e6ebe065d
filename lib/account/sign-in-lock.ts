// Five wrong passwords lock any account for 15 minutes, the last admin's included. The lock
// stays (it is what stops guessing), but an admin can lift it from the members page, and
// whoever runs the server can with `npm run admin:unlock`: neither is open to a guesser.
import { z } from "zod";
import { idSchema } from "@/lib/core/ids";
import type { Database, TransactionClient } from "@/lib/core/db/create-client";
import { rows as run, sql, sqlb } from "@/lib/core/db/typed-sql";
import { recordAudit } from "@/lib/core/audit/record";
import { failure, invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { NotFound } from "@/lib/core/forms/errors";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { passwordChangeRule } from "./change-password";
import { emailSchema } from "@/lib/core/auth/schemas";
import { SIGNIN_LIMITS, signInAccountKey } from "@/lib/core/auth/sign-in";

interface LockableMember {
  id: string;
  email: string;
  name: string;
}

/** The account's buckets: password sign-in and the current-password check. */
function lockKeys(member: Pick<LockableMember, "id" | "email">): string[] {
  return [signInAccountKey(member.email), passwordChangeRule(member.id).key];
}

/** Which of `members` are locked out right now. One statement. */
export async function lockedMemberIds(
  db: Database,
  members: Pick<LockableMember, "id" | "email">[],
): Promise<Set<string>> {
  const keyOwner = new Map(members.flatMap((m) => lockKeys(m).map((key) => [key, m.id])));
  if (keyOwner.size === 0) return new Set();
  const { limit, windowSeconds } = SIGNIN_LIMITS.perAccount;
  const rows = await run(
    db,
    sqlb
      .selectFrom("RateLimitBucket")
      .select("key")
      .where((eb) =>
        eb.and([
          eb("key", "=", sql<string>`ANY(${[...keyOwner.keys()]}::text[])`),
          eb("count", ">=", limit),
          eb("windowStart", ">", sql<Date>`now() - make_interval(secs => ${windowSeconds})`),
        ]),
      ),
  );
  return new Set(rows.map((row) => keyOwner.get(row.key)!));
}

async function clearLock(
  tx: TransactionClient,
  member: LockableMember,
  actorId: string | null,
): Promise<void> {
  const { count } = await tx.rateLimitBucket.deleteMany({
    where: { key: { in: lockKeys(member) } },
  });
  await recordAudit(tx, {
    actorId,
    action: "member.signin-lock.clear",
    entityType: "User",
    entityId: member.id,
    after: { email: member.email, bucketsCleared: count, via: actorId ? "admin" : "command" },
  });
}

const clearSchema = z.object({ memberId: idSchema });

/** The members page's "Clear sign-in lock". */
export async function clearSignInLock(
  db: Database,
  actor: Actor,
  input: unknown,
): Promise<ActionResult> {
  authorize(actor, "update:sign-in-lock:any");
  const parsed = clearSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const member = await db.$transaction(async (tx) => {
    const found = await tx.user.findUnique({
      where: { id: parsed.data.memberId },
      select: { id: true, email: true, name: true },
    });
    if (!found) throw new NotFound("That member");
    await clearLock(tx, found, actor.id);
    return found;
  });
  return success(`${member.name} can sign in again.`);
}

/** `npm run admin:unlock -- --email …`: for when no admin can sign in. */
export async function clearSignInLockByEmail(db: Database, email: string): Promise<ActionResult> {
  const parsed = emailSchema.safeParse(email);
  if (!parsed.success) return failure(`"${email}" is not an email address.`);
  return db.$transaction(async (tx) => {
    const member = await tx.user.findUnique({
      where: { email: parsed.data },
      select: { id: true, email: true, name: true },
    });
    if (!member) return failure(`No member has the email ${parsed.data}.`);
    await clearLock(tx, member, null);
    return success(`${member.email} can sign in again.`);
  });
}
