// Password change: needs the current password; ends every other session by bumping the
// session version (the caller signs the member in again).
import type { Database } from "@/lib/db/create-client";
import { failure, invalid, success, type ActionResult } from "@/lib/forms/action-result";
import { authorize, type Actor } from "./authorize";
import { hashPassword, verifyPassword } from "./password";
import { passwordChangeSchema } from "./schemas";

export async function changePassword(
  db: Database,
  actor: Actor,
  input: unknown,
): Promise<ActionResult> {
  authorize(actor, "update:password:own");
  const parsed = passwordChangeSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const member = await db.user.findUnique({
    where: { id: actor.id },
    select: { passwordHash: true },
  });
  if (!member?.passwordHash) {
    return failure("Your account signs in with single sign-on and has no password to change.");
  }
  if (!(await verifyPassword(member.passwordHash, parsed.data.currentPassword))) {
    return failure("Please correct the highlighted fields.", {
      currentPassword: ["That is not your current password."],
    });
  }
  await db.user.update({
    where: { id: actor.id },
    data: {
      passwordHash: await hashPassword(parsed.data.newPassword),
      sessionVersion: { increment: 1 },
    },
  });
  return success("Password changed.");
}
