// The badges that say what a piece of content is, shared by the feed, tag pages and search.
import type { DiscussionKind, KnowledgePostType } from "@/lib/generated/prisma/enums";

export const DISCUSSION_BADGES: Record<DiscussionKind, string> = {
  DISCUSSION: "Discussion",
  QUESTION: "Question",
};

export const POST_BADGES: Record<KnowledgePostType, string> = {
  HOW_TO: "How-to",
  LESSON_LEARNED: "Lesson learned",
  CASE_STUDY: "Case study",
  RESOURCE_NOTES: "Resource notes",
};
