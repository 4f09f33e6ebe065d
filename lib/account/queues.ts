// This domain's queues and their data, apart from the handlers (lib/account/jobs.ts), so
// that scripts outside the app (admin:create) can enqueue without loading the mail stack.
import { z } from "zod";
import { defineQueue } from "@/lib/core/jobs/queue";
import { idSchema } from "@/lib/core/ids";

export const passwordResetQueue = defineQueue(
  "account.password-reset",
  z.object({ userId: idSchema, byAdmin: z.boolean() }).strict(),
);
export const passwordChangedQueue = defineQueue(
  "account.password-changed",
  z.object({ userId: idSchema, changedAt: z.iso.datetime() }).strict(),
);
export const emailVerificationQueue = defineQueue(
  "account.email-verification",
  z.object({ userId: idSchema }).strict(),
);
export const emailChangeQueue = defineQueue(
  "account.email-change",
  z.object({ userId: idSchema, newEmail: z.string().max(254) }).strict(),
);
export const emailChangeNoticeQueue = defineQueue(
  "account.email-change-notice",
  z
    .object({
      userId: idSchema,
      /** The address that gets the notice: the one in use when the change was asked for. */
      oldEmail: z.string().max(254),
      newEmail: z.string().max(254),
      stage: z.enum(["requested", "changed"]),
    })
    .strict(),
);

/** A sign-up or an address change named an address that already has an account. */
export const addressInUseQueue = defineQueue(
  "account.address-in-use",
  z.object({ address: z.string().max(254), asked: z.enum(["sign-up", "email-change"]) }).strict(),
);
