"use server";
// Public endpoints of the signed-out account flows: forgot password, reset, address
// verification. Each parses its input in the service and answers without revealing whether
// an address has an account.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIp } from "@/lib/core/auth/client-ip";
import { requireUser } from "@/lib/core/auth/session";
import { formValues, type ActionResult } from "@/lib/core/forms/action-result";
import { formDataToObject } from "@/lib/core/forms/form-data";
import { runAction } from "@/lib/core/forms/run-action";
import { requestPasswordReset, resetPassword } from "@/lib/account/password-reset";
import { resendVerificationLink, verifyEmail } from "@/lib/account/email-verification";
import { confirmEmailChange } from "@/lib/account/email-change";

const SECRET_FIELDS = ["password", "confirmPassword", "token"];

export async function requestPasswordResetAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  const values = formValues(formData);
  return runAction(async () => {
    const ip = clientIp(await headers());
    const result = await requestPasswordReset(formDataToObject(formData), { ip });
    return result.ok ? result : { ...result, values };
  }, values);
}

export async function resetPasswordAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  const values = formValues(formData, SECRET_FIELDS);
  const result = await runAction(() => resetPassword(formDataToObject(formData)), values);
  if (result.ok) redirect("/signin?reason=passwordReset");
  return result;
}

export async function resendVerificationAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  const values = formValues(formData);
  return runAction(async () => {
    const ip = clientIp(await headers());
    const result = await resendVerificationLink(formDataToObject(formData), { ip });
    return result.ok ? result : { ...result, values };
  }, values);
}

export async function verifyEmailAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData, SECRET_FIELDS);
  const result = await runAction(() => verifyEmail(formDataToObject(formData)), values);
  if (result.ok) redirect("/signin?reason=verified");
  return result;
}

export async function confirmEmailChangeAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  // A signed-out visitor signs in first and comes back to the link's page.
  return runAction(async () => confirmEmailChange(await requireUser(), formDataToObject(formData)));
}
