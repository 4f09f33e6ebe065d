import { z } from "zod";
import { emailSchema, newPasswordSchema } from "@/lib/core/auth/schemas";
import { PASSWORD_MAX_LENGTH } from "@/lib/core/auth/password-policy";
import { isPlainLine } from "@/lib/core/forms/text";

export const emailOnlySchema = z.object({ email: emailSchema });

const linkToken = z.string({ error: "This link is not valid." }).max(100).refine(isPlainLine);

export const tokenOnlySchema = z.object({ token: linkToken });

/** The password chosen at sign-up, asked for with the link (see email-verification.ts). */
export const verifyEmailSchema = z.object({
  token: linkToken,
  password: z.string().max(PASSWORD_MAX_LENGTH).optional(),
});

export const resetPasswordSchema = z
  .object({
    token: linkToken,
    password: newPasswordSchema,
    confirmPassword: z.string({ error: "Type the password again." }),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords do not match.",
  });

export const emailChangeSchema = z.object({
  email: emailSchema,
  /** Required when the account has a password: a stolen session must not move the account. */
  password: z.string().max(PASSWORD_MAX_LENGTH).optional(),
});
