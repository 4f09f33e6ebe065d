import { z } from "zod";
import { emailSchema, newPasswordSchema } from "@/lib/core/auth/schemas";
import { roleSchema } from "@/lib/core/auth/permissions";
import { plainIdSchema as idSchema } from "@/lib/core/ids";
import { TOKEN_PATTERN } from "./tokens";
import { isPlainLine, singleLineText, urlText } from "@/lib/core/forms/text";
import { browserTimeZoneSchema } from "@/lib/members/schemas";

export const createInvitationSchema = z.object({
  email: emailSchema,
  role: roleSchema,
});

export const invitationIdSchema = z.object({ invitationId: idSchema });

export const invitationTokenSchema = z.string().regex(TOKEN_PATTERN);

export const memberNameSchema = singleLineText().pipe(
  z.string().min(1, "Enter your name.").max(100, "Use at most 100 characters."),
);

/** Name, password and its confirmation: what a new member chooses for themselves. */
const newAccountFields = {
  name: memberNameSchema,
  password: newPasswordSchema,
  confirmPassword: z.string({ error: "Type the password again." }),
  timeZone: browserTimeZoneSchema,
};

const passwordsMatch = {
  check: (v: { password: string; confirmPassword: string }) => v.password === v.confirmPassword,
  issue: { path: ["confirmPassword"], message: "The two passwords do not match." },
};

export const acceptInvitationSchema = z
  .object({
    token: z
      .string({ error: "This invitation link is not valid." })
      .refine(isPlainLine, "This invitation link is not valid."),
    ...newAccountFields,
  })
  .refine(passwordsMatch.check, passwordsMatch.issue);

export const signUpSchema = z
  .object({ email: emailSchema, ...newAccountFields })
  .refine(passwordsMatch.check, passwordsMatch.issue);

const STATUSES = ["pending", "accepted", "expired", "revoked"] as const;

/** /admin/invitations URL filters; a malformed one is a 404. */
export const invitationFilterSchema = z.object({
  status: z.preprocess((v) => (v === "" ? undefined : v), z.enum(STATUSES).optional()),
  cursor: z.preprocess((v) => (v === "" ? undefined : v), urlText(500).optional()),
});

export type InvitationFilter = z.infer<typeof invitationFilterSchema>;

/** Sort key of the last invitation shown: newest first by (createdAt, id). */
export const invitationCursorSchema = z.tuple([z.iso.datetime(), idSchema]);
