import { z } from "zod";
import { hasControlCharacters } from "@/lib/core/forms/text";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-policy";

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.com."));

export const newPasswordSchema = z
  .string({ error: "Choose a password." })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string()
    .min(1, "Enter your password.")
    .max(PASSWORD_MAX_LENGTH, "That password is too long."),
  /** A hidden field: anything but a safe path on this site reads as "/" (never an error). */
  callbackUrl: z.string().optional().transform(safeCallbackPath),
});

export const passwordChangeSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(PASSWORD_MAX_LENGTH),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords do not match.",
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one.",
  });

const CALLBACK_BASE = "http://callback.invalid";

/**
 * Where to go after signing in: only a path on this site, in a form that can go into a
 * Location header as it is. "//host", "/\\host", full addresses, control characters (a line
 * feed would end the header) and anything unparsable give "/"; characters outside ASCII
 * (an ideographic space…) are percent-encoded, as a browser sends them.
 */
export function safeCallbackPath(value: string | null | undefined): string {
  if (!value || value.length > 2000 || !value.startsWith("/") || hasControlCharacters(value)) {
    return "/";
  }
  if (value.startsWith("//") || value.startsWith("/\\")) return "/";
  let url: URL;
  try {
    url = new URL(value, CALLBACK_BASE);
  } catch {
    return "/";
  }
  if (url.origin !== CALLBACK_BASE) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  return /^\/[\x21-\x7e]*$/.test(path) && !path.startsWith("//") ? path : "/";
}
