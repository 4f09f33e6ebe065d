// The kinds of knowledge post: labels, URL slugs and the starting text each offers.
import type { KnowledgePostType } from "@/lib/generated/prisma/enums";

export const POST_TYPES = [
  "HOW_TO",
  "LESSON_LEARNED",
  "CASE_STUDY",
  "RESOURCE_NOTES",
] as const satisfies readonly KnowledgePostType[];

export const POST_TYPE_LABELS: Record<KnowledgePostType, string> = {
  HOW_TO: "How-to",
  LESSON_LEARNED: "Lesson learned",
  CASE_STUDY: "Case study",
  RESOURCE_NOTES: "Resource notes",
};

export const POST_TYPE_DESCRIPTIONS: Record<KnowledgePostType, string> = {
  HOW_TO: "Steps someone can follow to get something done.",
  LESSON_LEARNED: "A mistake or surprise, and what it taught you.",
  CASE_STUDY: "A piece of work: the context, what you did and how it went.",
  RESOURCE_NOTES: "Notes on a book, talk, course or article worth knowing.",
};

/** The type as it appears in URLs: /posts?type=lesson-learned, /posts/new?type=how-to. */
export const POST_TYPE_SLUGS: Record<KnowledgePostType, string> = {
  HOW_TO: "how-to",
  LESSON_LEARNED: "lesson-learned",
  CASE_STUDY: "case-study",
  RESOURCE_NOTES: "resource-notes",
};

export function postTypeFromSlug(slug: string | undefined): KnowledgePostType | undefined {
  return POST_TYPES.find((type) => POST_TYPE_SLUGS[type] === slug);
}

/** The three prompts that make sharing a mistake easy. */
export const LESSON_PROMPTS = ["What happened", "What we learned", "What we'd do differently"];

const headings = (titles: readonly string[]) => titles.map((title) => `## ${title}\n\n`).join("\n");

/** The body a new post of each type starts with. */
export const POST_TEMPLATES: Record<KnowledgePostType, string> = {
  HOW_TO: headings(["What you'll need", "Steps", "How to check it worked"]),
  LESSON_LEARNED: headings(LESSON_PROMPTS),
  CASE_STUDY: headings(["Context", "What we did", "Results"]),
  RESOURCE_NOTES: headings(["About the resource", "Key ideas", "How we could use it"]),
};

/** Whether a body is still empty or one of the untouched templates (so it can be replaced). */
export function isBlankOrTemplate(body: string): boolean {
  const text = body.replace(/\r\n?/g, "\n").trim();
  return !text || Object.values(POST_TEMPLATES).some((template) => template.trim() === text);
}
