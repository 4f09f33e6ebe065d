// Tags: one shared vocabulary ("Testing", " testing " and "TESTING" are one tag) and the
// shapes of the tag forms and URLs.
import { z } from "zod";
import { cuidId } from "@/lib/core/ids";
import { normaliseSkillName, skillSlug } from "@/lib/core/vocabulary";
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacters, urlText } from "@/lib/core/forms/text";

import { TAG_LIMITS } from "./limits";

export { TAG_LIMITS } from "./limits";

/** Display form of a tag: trimmed, inner whitespace collapsed, a leading "#" dropped. */
export function normaliseTagName(raw: string): string {
  return normaliseSkillName(raw.replace(/^\s*#/, ""));
}

/** Identity of a tag (its URL): lower-case, words joined by hyphens (C#, C++, Node.js kept). */
export function tagSlug(raw: string): string {
  return skillSlug(normaliseTagName(raw));
}

/** Keeps the first spelling of each tag (by slug), in order. */
export function uniqueTags(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const slug = tagSlug(name);
    if (seen.has(slug)) return false;
    seen.add(slug);
    return true;
  });
}

/**
 * The tags of a discussion or post as typed in one box ("testing, pairing") or sent as a
 * list: normalised, deduplicated, each with a usable slug, at most TAG_LIMITS.perItem.
 * Problems are reported on the field itself, so they show next to the tags box.
 */
export const tagListSchema = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value, context) => {
    const raw = value === undefined ? [] : Array.isArray(value) ? value : value.split(/[,\n]/);
    // Line breaks and tabs only separate or space tags; any other control character is refused.
    if (raw.some((tag) => hasControlCharacters(tag.replace(/[\r\t]/g, " ")))) {
      context.addIssue({ code: "custom", message: CONTROL_CHARACTER_MESSAGE });
      return [];
    }
    const tags = uniqueTags(raw.map(normaliseTagName).filter(Boolean));
    const problem = tagListProblem(tags);
    if (problem) context.addIssue({ code: "custom", message: problem });
    return tags;
  });

function tagListProblem(tags: string[]): string | undefined {
  if (tags.length > TAG_LIMITS.perItem) return `Use at most ${TAG_LIMITS.perItem} tags.`;
  const tooLong = tags.find((tag) => tag.length > TAG_LIMITS.nameLength);
  if (tooLong)
    return `“${tooLong.slice(0, 20)}…” is too long: a tag has at most ${TAG_LIMITS.nameLength} characters.`;
  const unusable = tags.find((tag) => !tagSlug(tag));
  if (unusable) return `“${unusable}” needs at least one letter or digit.`;
  return undefined;
}

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const tagIdSchema = cuidId("That is not a valid tag.");

/** The follow button's form: which tag, and whether to follow or stop following it. */
export const tagFollowSchema = z.object({
  tagId: tagIdSchema,
  follow: z.enum(["true", "false"], { error: "Choose to follow or unfollow." }),
});

export const TAG_FILTER_LENGTH = 40;

/** /tags URL parameters: a filter (the start of a tag's name) and the page cursor. */
export const tagsPageSchema = z.object({
  q: z.preprocess(blankToUndefined, urlText(200).optional()),
  cursor: z.preprocess(blankToUndefined, urlText(500).optional()),
});

/** The autocomplete's `?q=`: what has been typed of one tag. */
export const tagSuggestionQuerySchema = z.object({ q: urlText(100).default("") });

export const tagMuteSchema = z.object({
  tagId: tagIdSchema,
  mute: z.enum(["true", "false"], { error: "Choose to mute or unmute." }),
});
