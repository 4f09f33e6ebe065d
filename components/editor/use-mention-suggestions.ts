"use client";
import { useSuggestions } from "@/components/ui/use-suggestions";
import type { MentionSuggestion } from "@/lib/mentions/suggest";

/** The "@word" being typed just before the caret, if any. */
export function mentionQueryBefore(
  text: string,
  caret: number,
): { start: number; query: string } | null {
  const match = /(^|[\s(])@([\p{L}\p{N}.'-]{1,40})$/u.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[2]!.length - 1, query: match[2]! };
}

/** Members matching what follows "@", via GET /api/mentions. */
export function useMentionSuggestions() {
  const { suggestions, suggestFor } = useSuggestions(
    (typed) => `/api/mentions?q=${encodeURIComponent(typed)}`,
    (body) => (body as { members: MentionSuggestion[] }).members,
  );
  return { suggestions, suggestFor, clear: () => suggestFor(null) };
}
