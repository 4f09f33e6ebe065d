"use server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { formValues, type ActionResult } from "@/lib/forms/action-result";
import { formDataToObject } from "@/lib/forms/form-data";
import { runAction } from "@/lib/forms/run-action";
import { updateSignUpSettings } from "./update";

export async function updateSignUpSettingsAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  const values = formValues(formData);
  return runAction(async () => {
    const user = await requireUser();
    const result = await updateSignUpSettings(user, formDataToObject(formData));
    if (result.ok) revalidatePath("/admin/settings");
    return result.ok ? result : { ...result, values };
  }, values);
}
