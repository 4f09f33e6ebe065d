// What the recognition forms, buttons and the admins' value form accept. Messages name the
// field's rule so they can show beside it.
import { idSchema } from "@/lib/core/ids";
import { z } from "zod";
import { idList } from "@/lib/core/forms/id-list";
import { RECOGNITION_LIMITS, VALUE_LIMITS } from "./limits";
import { appOrigin } from "@/lib/core/mail/links";
import { BAD_LINK, parseRecognitionLink } from "./links";
import { VALUE_COLOUR_NAMES } from "./values/colours";
import { multiLineText, singleLineText } from "@/lib/core/forms/text";
import { formatNumber } from "@/lib/core/format";

const L = RECOGNITION_LIMITS;

// Text fields come from lib/core/forms/text: trimmed, browser line endings (\r\n) counted as one,
// missing read as empty; control characters (and line breaks in one-line fields) refused.

/** An optional id from a select: "" means none. */
const optionalId = singleLineText("Unknown id.").pipe(
  z
    .string()
    .max(40, "Unknown id.")
    .transform((value) => value || undefined),
);

const onOff = z.enum(["true", "false"]).transform((value) => value === "true");

const message = multiLineText().pipe(
  z
    .string()
    .min(1, "Write a short message saying what you are thanking them for.")
    .max(L.messageMax, `Keep the message under ${formatNumber(L.messageMax)} characters.`),
);

const valueId = singleLineText("Unknown value.").pipe(
  z.string().min(1, "Choose the value this recognition is for.").max(40, "Unknown value."),
);

const link = singleLineText(BAD_LINK)
  .pipe(z.string().max(L.linkMax, BAD_LINK))
  .transform((value, context) => {
    if (!value) return null;
    const parsed = parseRecognitionLink(value, appOrigin());
    if (!parsed) context.addIssue({ code: "custom", message: BAD_LINK });
    return parsed;
  });

export const RECOGNITION_KINDS = ["SHOUT_OUT", "LEADER"] as const;

export const giveRecognitionSchema = z
  .object({
    recipientIds: idList(
      L.recipientsMax,
      `Choose at most ${L.recipientsMax} members, or recognise their whole team.`,
    ),
    teamId: optionalId,
    valueId,
    message,
    link,
    kind: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z.enum(RECOGNITION_KINDS, "Choose a kind of recognition.").default("SHOUT_OUT"),
    ),
  })
  .superRefine((input, context) => {
    if (input.recipientIds.length === 0 && !input.teamId) {
      context.addIssue({
        code: "custom",
        path: ["recipientIds"],
        message: "Choose at least one member or a team to recognise.",
      });
    }
  });

export type GiveRecognitionInput = z.infer<typeof giveRecognitionSchema>;

export const editRecognitionSchema = z.object({ id: idSchema, message, valueId });

export const recognitionIdSchema = z.object({ id: idSchema });

export const featureSchema = z.object({ id: idSchema, featured: onOff });

export const applauseSchema = z.object({ id: idSchema, on: onOff.optional() });

// Company values (admins).

const { nameMin, nameMax, descriptionMax } = VALUE_LIMITS;

/** At most one emoji (one grapheme that is a pictograph or a flag). */
function isOneEmoji(value: string): boolean {
  const graphemes = [...new Intl.Segmenter("en", { granularity: "grapheme" }).segment(value)];
  return graphemes.length === 1 && /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(value);
}

export const valueFieldsSchema = z.object({
  name: singleLineText()
    .transform((value) => value.replace(/\s+/g, " "))
    .pipe(
      z
        .string()
        .min(nameMin, `Give the value a name of at least ${nameMin} characters.`)
        .max(nameMax, `Keep the name under ${nameMax} characters.`),
    ),
  description: multiLineText().pipe(
    z.string().max(descriptionMax, `Keep the description under ${descriptionMax} characters.`),
  ),
  emoji: singleLineText().pipe(
    z
      .string()
      .refine(
        (value) => value === "" || isOneEmoji(value),
        "Use a single emoji, or leave it empty.",
      ),
  ),
  colour: z.enum(VALUE_COLOUR_NAMES, "Choose one of the colours."),
});

export const createValueSchema = valueFieldsSchema;

export const updateValueSchema = valueFieldsSchema.extend({ id: idSchema });

export const archiveValueSchema = z.object({ id: idSchema, archived: onOff });

export const moveValueSchema = z.object({
  id: idSchema,
  direction: z.enum(["up", "down"], "Choose up or down."),
});
