import { z } from "zod";
import { singleLineText } from "@/lib/core/forms/text";
import { allowedDomainSchema, SETTINGS } from "./registry";

const MAX_DOMAINS = 50;

/** "Example.com, @team.example.org\nother.io" → ["example.com", "team.example.org", "other.io"]. */
export function splitDomains(text: string): string[] {
  const entries = text
    .split(/[\s,;]+/)
    .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
    .filter(Boolean);
  return [...new Set(entries)];
}

const allowedDomainsText = z
  .string()
  .max(5000, "That list is too long.")
  .transform((text, ctx) => {
    const domains = splitDomains(text);
    const wrong = domains.filter((d) => !allowedDomainSchema.safeParse(d).success);
    if (wrong.length) {
      ctx.addIssue({
        code: "custom",
        message: `Not a domain such as example.com: ${wrong.join(", ")}.`,
      });
      return z.NEVER;
    }
    if (domains.length > MAX_DOMAINS) {
      ctx.addIssue({ code: "custom", message: `List at most ${MAX_DOMAINS} domains.` });
      return z.NEVER;
    }
    return domains;
  })
  .pipe(SETTINGS["signup.allowedDomains"].schema);

/** The sign-up settings form: a checkbox ("on" when ticked) and a free-text domain list. */
export const signUpSettingsSchema = z
  .object({
    open: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
    allowedDomains: z.preprocess((v) => v ?? "", allowedDomainsText),
  })
  .refine((v) => !v.open || v.allowedDomains.length > 0, {
    path: ["allowedDomains"],
    message: "Add at least one allowed domain before opening sign-up.",
  });

export type SignUpSettings = z.infer<typeof signUpSettingsSchema>;

/** The recognition settings form: the daily limit per giver. */
export const recognitionSettingsSchema = z.object({
  dailyLimit: z
    .string("Enter a number.")
    .trim()
    .regex(/^\d+$/, "Enter a whole number.")
    .transform(Number)
    .pipe(z.number().min(1, "Allow at least 1 recognition a day.").max(100, "At most 100 a day.")),
});

/** The survey settings form: the fewest responses a group needs before its results show. */
export const surveySettingsSchema = z.object({
  minResponses: z
    .string("Enter a number.")
    .trim()
    .regex(/^\d+$/, "Enter a whole number.")
    .transform(Number)
    .pipe(
      z
        .number()
        .min(3, "At least 3 responses, so that no one's answers can be singled out.")
        .max(50, "At most 50 responses."),
    ),
});

/** The organisation settings form: its name, shown at the top of every email and as its sender. */
export const organisationSettingsSchema = z.object({
  name: singleLineText("Keep the name on one line.")
    .pipe(
      z
        .string()
        .min(1, "Enter the organisation's name.")
        .max(80, "Keep the name to 80 characters or fewer."),
    )
    .pipe(SETTINGS["organisation.name"].schema),
});

/** A whole number typed in a form, between min and max, with the messages for each case. */
function wholeNumber(min: [number, string], max: [number, string]) {
  return z
    .string("Enter a number.")
    .trim()
    .regex(/^\d+$/, "Enter a whole number.")
    .transform(Number)
    .pipe(z.number().min(min[0], min[1]).max(max[0], max[1]));
}

export const askSettingsSchema = z.object({
  routeAfterHours: wholeNumber(
    [1, "Wait at least 1 hour."],
    [24 * 14, "At most 336 hours (two weeks)."],
  ),
  weeklyCapPerMember: wholeNumber([1, "Allow at least 1 ask a week."], [50, "At most 50 a week."]),
});
