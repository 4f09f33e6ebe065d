"use server";
import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/core/auth/auth";
import { failure, formValues, invalid, type ActionResult } from "@/lib/core/forms/action-result";
import { safeCallbackPath, signInSchema } from "@/lib/core/auth/schemas";
import { formDataToObject } from "@/lib/core/forms/form-data";
import { SIGN_IN_MESSAGES as MESSAGES } from "@/lib/account/sign-in-messages";

export async function signInWithPassword(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  const values = formValues(formData, ["password"]);
  const parsed = signInSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return invalid(parsed.error, values);
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallbackPath(parsed.data.callbackUrl),
    });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = "code" in error && typeof error.code === "string" ? error.code : "invalid";
      return failure(MESSAGES[code] ?? MESSAGES.invalid!, undefined, values);
    }
    throw error; // Next.js's redirect after a successful sign-in
  }
  return { ok: true };
}

const ssoSchema = z.object({ callbackUrl: z.string().max(2000).optional() });

export async function signInWithSso(formData: FormData) {
  const parsed = ssoSchema.safeParse(formDataToObject(formData));
  await signIn("oidc", {
    redirectTo: safeCallbackPath(parsed.success ? parsed.data.callbackUrl : "/"),
  });
}
