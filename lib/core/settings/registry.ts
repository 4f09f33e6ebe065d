// Organisation settings: each key has a zod schema and a default. Values live in the
// "Setting" table; an unset or invalid stored value falls back to the default.
import { z } from "zod";

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    "must be a domain such as example.com",
  );

export const SETTINGS = {
  /** The organisation's name, at the top of every email and in its sender name. */
  "organisation.name": {
    schema: z
      .string()
      .trim()
      .min(1)
      .max(80)
      .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "must be one line of text"),
    default: "Learning Commons",
  },
  "signup.open": { schema: z.boolean(), default: false },
  "signup.allowedDomains": { schema: z.array(domain).max(50), default: [] as string[] },
  /** Public recognitions one member may give per day (UTC), against spam. */
  "recognition.dailyLimit": { schema: z.number().int().min(1).max(100), default: 10 },
  /** A Slack-compatible incoming-webhook URL that public recognitions are posted to; "" for none. */
  "recognition.webhookUrl": { schema: z.union([z.literal(""), z.url()]), default: "" },
  /** Responses a group (the organisation, a team) needs before its survey results show. */
  "surveys.minResponses": { schema: z.number().int().min(3).max(50), default: 5 },
  /** Hours a question waits without a reply before the app asks colleagues who may know. */
  "asks.routeAfterHours": {
    schema: z
      .number()
      .int()
      .min(1)
      .max(24 * 14),
    default: 24,
  },
  /** The most times one member is asked to help in 7 days (a hard cap). */
  "asks.weeklyCapPerMember": { schema: z.number().int().min(1).max(50), default: 3 },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]["schema"]>;
export const allowedDomainSchema = domain;
