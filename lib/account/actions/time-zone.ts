"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/core/db/client";
import { requireUser } from "@/lib/core/auth/session";
import { runAction } from "@/lib/core/forms/run-action";
import { formDataToObject } from "@/lib/core/forms/form-data";
import type { ActionResult } from "@/lib/core/forms/action-result";
import { confirmTimeZone } from "@/lib/account/time-zone";

export async function confirmTimeZoneAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  const result = await runAction(async () =>
    confirmTimeZone(db, await requireUser(), formDataToObject(formData)),
  );
  // Every page shows times in the member's zone.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
