"use server";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { signOut } from "@/lib/auth/auth";
import { requireUser } from "@/lib/auth/session";
import { changePassword } from "@/lib/auth/change-password";
import { runAction } from "@/lib/forms/run-action";
import { formDataToObject } from "@/lib/forms/form-data";
import type { ActionResult } from "@/lib/forms/action-result";

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
