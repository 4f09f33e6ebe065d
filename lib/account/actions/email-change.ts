"use server";
import { requireUser } from "@/lib/core/auth/session";
import { formValues, type ActionResult } from "@/lib/core/forms/action-result";
import { formDataToObject } from "@/lib/core/forms/form-data";
import { runAction } from "@/lib/core/forms/run-action";
import { requestEmailChange } from "@/lib/account/email-change";

/** /account → "Change email". The service checks the member and their password. */
export async function requestEmailChangeAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  const values = formValues(formData, ["password"]);
  return runAction(async () => {
    const result = await requestEmailChange(await requireUser(), formDataToObject(formData));
    return result.ok ? result : { ...result, values };
  }, values);
}
