"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/core/db/client";
import { clearSignInLock } from "@/lib/account/sign-in-lock";
import type { ActionResult } from "@/lib/core/forms/action-result";
import { submitToService } from "@/lib/core/forms/submit";

/** Admin → Members: "Clear sign-in lock". The service checks the admin's permission. */
export async function clearSignInLockAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return submitToService(formData, (actor, input) => clearSignInLock(db, actor, input), {
    onSuccess: () => revalidatePath("/admin/members"),
  });
}
