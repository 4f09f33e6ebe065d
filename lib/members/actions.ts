"use server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { formValues, type ActionResult } from "@/lib/forms/action-result";
import { formDataToObject } from "@/lib/forms/form-data";
import { runAction } from "@/lib/forms/run-action";
import { updateProfile } from "./update-profile";

export async function updateProfileAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  const values = formValues(formData);
  return runAction(async () => {
    const user = await requireUser();
    const result = await updateProfile(user, formDataToObject(formData));
    // The name shows in the shell on every page, and the profile in the directory.
    if (result.ok) revalidatePath("/", "layout");
    return result.ok ? result : { ...result, values };
  }, values);
}
