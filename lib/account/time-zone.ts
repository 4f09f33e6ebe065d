import { z } from "zod";
import type { Database } from "@/lib/core/db/create-client";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { browserTimeZoneSchema } from "@/lib/members/schemas";

const timeZoneChoiceSchema = z.object({
  timeZone: browserTimeZoneSchema.pipe(
    z.string({ error: "That is not a time zone this app knows. Choose one on your profile." }),
  ),
});

/**
 * Saves the time zone a member confirmed from the browser's suggestion (accounts made by
 * single sign-on or an invitation without JavaScript start in UTC). Only the member's own.
 */
export async function confirmTimeZone(
  db: Database,
  actor: Actor,
  input: unknown,
): Promise<ActionResult> {
  authorize(actor, "update:profile:own");
  const parsed = timeZoneChoiceSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  await db.user.updateMany({
    where: { id: actor.id, status: "ACTIVE" },
    data: { timeZone: parsed.data.timeZone },
  });
  return success(`Times are now shown in ${parsed.data.timeZone}.`);
}
