"use server";
import { redirect } from "next/navigation";
import { db } from "@/lib/core/db/client";
import { signOut } from "@/lib/core/auth/auth";
import { requireUser } from "@/lib/core/auth/session";
import { changePassword } from "@/lib/account/change-password";
import { runAction } from "@/lib/core/forms/run-action";
import { formDataToObject } from "@/lib/core/forms/form-data";
import type { ActionResult } from "@/lib/core/forms/action-result";

export async function changePasswordAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  const result = await runAction(async () =>
    changePassword(db, await requireUser(), formDataToObject(formData)),
  );
  if (!result.ok) return result;
  // Every session, this one included, has ended: sign in again with the new password.
  await signOut({ redirect: false });
  redirect("/signin?reason=passwordChanged");
}
