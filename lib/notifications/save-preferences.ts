// Saving a member's email preferences. Only choices that differ from the default are stored
// (a later change of a default then reaches everyone who never chose); a choice set back to
// the default deletes its row. All in one transaction; a member only ever changes their own.
import { db } from "@/lib/core/db/client";
import { authorize, type Actor } from "@/lib/core/auth/authorize";
import { invalid, success, type ActionResult } from "@/lib/core/forms/action-result";
import { DEFAULT_EMAIL, type PreferenceKind } from "./preferences";
import { preferencesFormSchema } from "./schemas";

export async function savePreferences(actor: Actor, input: unknown): Promise<ActionResult> {
  authorize(actor, "update:notification:own");
  const parsed = preferencesFormSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const choices = Object.entries(parsed.data) as [
    PreferenceKind,
    (typeof parsed.data)[PreferenceKind],
  ][];
  const defaults = choices
    .filter(([kind, email]) => email === DEFAULT_EMAIL[kind])
    .map(([kind]) => kind);
  const changed = choices.filter(([kind, email]) => email && email !== DEFAULT_EMAIL[kind]);

  await db.$transaction(async (tx) => {
    if (defaults.length) {
      await tx.notificationPreference.deleteMany({
        where: { userId: actor.id, kind: { in: defaults } },
      });
    }
    for (const [kind, email] of changed) {
      await tx.notificationPreference.upsert({
        where: { userId_kind: { userId: actor.id, kind } },
        create: { userId: actor.id, kind, email: email! },
        update: { email: email! },
      });
    }
  });
  return success("Your email preferences are saved.");
}
