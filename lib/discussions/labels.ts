// Words for a discussion's kind. Pure (no database), so client components can import it.
import type { DiscussionKind } from "@/lib/generated/prisma/enums";

export const KIND_LABELS: Record<DiscussionKind, string> = {
  DISCUSSION: "Discussion",
  QUESTION: "Question",
};
