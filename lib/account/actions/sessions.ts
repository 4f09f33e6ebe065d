"use server";
// The account page's session list. Each action is a public endpoint: the service checks the
// signed-in member's permission and touches only their own sessions.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/core/db/client";
import { signOut } from "@/lib/core/auth/auth";
import { currentSessionId, requireUser } from "@/lib/core/auth/session";
import { revokeSession, signOutEverywhere, signOutOtherSessions } from "@/lib/account/sessions";
import { formDataToObject } from "@/lib/core/forms/form-data";
import { runAction } from "@/lib/core/forms/run-action";
import type { ActionResult } from "@/lib/core/forms/action-result";

const SIGNED_OUT = "/signin?signedOut=1";

export async function revokeSessionAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  const result = await runAction(async () =>
    revokeSession(db, await requireUser(), await currentSessionId(), formDataToObject(formData)),
  );
  if (result.ok && result.data?.endedCurrent) await signOut({ redirectTo: SIGNED_OUT });
  // No revalidation: the session's row keeps its outcome message until the next visit.
  return result.ok ? { ok: true, message: result.message } : result;
}

export async function signOutOtherSessionsAction(): Promise<ActionResult> {
  const result = await runAction(async () =>
    signOutOtherSessions(db, await requireUser(), await currentSessionId()),
  );
  if (result.ok) revalidatePath("/account");
  return result;
}

export async function signOutEverywhereAction(): Promise<void> {
  await signOutEverywhere(db, await requireUser());
  await signOut({ redirectTo: SIGNED_OUT });
}
