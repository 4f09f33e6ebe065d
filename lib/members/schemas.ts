import { z } from "zod";
import { cuidId } from "@/lib/core/ids";
import { normaliseSkillName, skillSlug, splitSkillList, uniqueSkills } from "@/lib/core/vocabulary";
import { PROFILE_LIMITS } from "./limits";
import { isTimeZone } from "./time-zones";
import {
  CONTROL_CHARACTER_MESSAGE,
  hasControlCharacters,
  multiLineText,
  singleLineText,
  urlText,
} from "@/lib/core/forms/text";
import { formatNumber } from "@/lib/core/format";

/** A single form value; a missing field reads as empty. */
const text = z.preprocess((v) => (v === undefined || v === null ? "" : v), z.string());
/** A repeated form field (checkboxes): missing, one value or several. */
const textList = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string()),
);

/** Skills are typed one a line or comma-separated: line breaks and tabs only separate them. */
const hasStrayControls = (values: string[]) =>
  values.some((value) => hasControlCharacters(value.replace(/\r/g, ""), { multiLine: true }));

const orNull = (value: string) => value || null;

function skillListSchema(verb: string) {
  return z.object({ kept: textList, added: text }).transform(({ kept, added }, ctx) => {
    if (hasStrayControls([...kept, added])) {
      ctx.addIssue({ code: "custom", message: CONTROL_CHARACTER_MESSAGE });
      return z.NEVER;
    }
    const skills = uniqueSkills([
      ...kept.map(normaliseSkillName).filter(Boolean),
      ...splitSkillList(added),
    ]);
    for (const skill of skills) {
      if (skill.length > PROFILE_LIMITS.skillLength) {
        ctx.addIssue({
          code: "custom",
          message: `“${skill.slice(0, PROFILE_LIMITS.skillLength)}…” is too long: a skill can be at most ${PROFILE_LIMITS.skillLength} characters.`,
        });
      } else if (!skillSlug(skill)) {
        ctx.addIssue({
          code: "custom",
          message: `“${skill}” needs at least one letter or number.`,
        });
      }
    }
    if (skills.length > PROFILE_LIMITS.skillsPerKind) {
      ctx.addIssue({
        code: "custom",
        message: `List at most ${PROFILE_LIMITS.skillsPerKind} skills you ${verb} (you have ${skills.length}).`,
      });
    }
    return skills;
  });
}

const profileFields = z.object({
  name: singleLineText().pipe(
    z
      .string()
      .min(1, "Enter your name.")
      .max(PROFILE_LIMITS.name, `Your name can be at most ${PROFILE_LIMITS.name} characters.`),
  ),
  title: singleLineText()
    .pipe(
      z
        .string()
        .max(PROFILE_LIMITS.title, `Your title can be at most ${PROFILE_LIMITS.title} characters.`),
    )
    .transform(orNull),
  team: singleLineText()
    .transform(normaliseSkillName)
    .pipe(
      z
        .string()
        .max(PROFILE_LIMITS.team, `A team name can be at most ${PROFILE_LIMITS.team} characters.`)
        .refine(
          (team) => !team || skillSlug(team),
          "A team name needs at least one letter or number.",
        ),
    )
    .transform(orNull),
  timeZone: text.pipe(z.string().refine(isTimeZone, "Choose a time zone from the list.")),
  // Browsers send a textarea's line breaks as \r\n but count them as one character.
  bio: multiLineText()
    .pipe(
      z
        .string()
        .max(
          PROFILE_LIMITS.bio,
          `Your bio can be at most ${formatNumber(PROFILE_LIMITS.bio)} characters.`,
        ),
    )
    .transform(orNull),
  offered: skillListSchema("can teach"),
  wanted: skillListSchema("want to learn"),
});

/**
 * The profile form: `offered` / `wanted` are the skill chips kept (repeated fields) and
 * `offeredAdd` / `wantedAdd` the text box for new ones, comma-separated. Errors for both land
 * on `offered` / `wanted`.
 */
export const profileSchema = z.preprocess((input) => {
  const raw = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  return {
    ...raw,
    offered: { kept: raw.offered, added: raw.offeredAdd },
    wanted: { kept: raw.wanted, added: raw.wantedAdd },
  };
}, profileFields);

export type ProfileInput = z.output<typeof profileSchema>;

export const memberIdSchema = cuidId("Unknown member.");

export const skillSlugSchema = z.string().regex(/^[\p{L}\p{N}+#.-]{1,80}$/u);

/** The directory's URL: ?q=&offered=&wanted=&team=&cursor= (all optional). */
export const directoryParamsSchema = z.object({
  q: urlText(200)
    .optional()
    .transform((q) => q?.trim() ?? ""),
  offered: skillSlugSchema.optional(),
  wanted: skillSlugSchema.optional(),
  team: skillSlugSchema.optional(),
  cursor: urlText(500).optional(),
});

export type DirectoryParams = z.output<typeof directoryParamsSchema>;

/**
 * The browser's time zone, sent by a hidden field of the sign-up and invitation forms
 * (components/auth/browser-time-zone.tsx): nobody can correct a hidden field, so anything that
 * is not a time zone is dropped and the account keeps the default (UTC).
 */
export const browserTimeZoneSchema = z.preprocess(
  (value) => (typeof value === "string" && isTimeZone(value) ? value : undefined),
  z.string().optional(),
);
