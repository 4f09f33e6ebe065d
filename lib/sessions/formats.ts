// The session formats, their labels and URL slugs, in the order forms and filters offer them.
import type { SessionFormat } from "@/lib/generated/prisma/enums";

export const SESSION_FORMATS = [
  "LUNCH_AND_LEARN",
  "WORKSHOP",
  "GUEST_SPEAKER",
  "BOOK_CLUB",
  "CASE_STUDY",
  "RETROSPECTIVE",
  "TOWN_HALL",
] as const satisfies readonly SessionFormat[];

export const SESSION_FORMAT_LABELS: Record<SessionFormat, string> = {
  LUNCH_AND_LEARN: "Lunch-and-learn",
  WORKSHOP: "Workshop",
  GUEST_SPEAKER: "Guest speaker",
  BOOK_CLUB: "Book club",
  CASE_STUDY: "Case-study discussion",
  RETROSPECTIVE: "Retrospective",
  TOWN_HALL: "Town hall",
};
