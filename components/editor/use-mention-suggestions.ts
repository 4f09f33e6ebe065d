"use client";
import { useEffect, useRef, useState } from "react";
import type { MentionSuggestion } from "@/lib/mentions/suggest";

const SUGGEST_DELAY_MS = 150;

/** The "@word" being typed just before the caret, if any. */
export function mentionQueryBefore(
  text: string,
  caret: number,
): { start: number; query: string } | null {
  const match = /(^|[\s(])@([\p{L}\p{N}.'-]{1,40})$/u.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[2]!.length - 1, query: match[2]! };
}

/** Members matching what follows "@", via GET /api/mentions (debounced, last request wins). */
export function useMentionSuggestions() {
  const [suggestions, setSuggestions] = useState<MentionSuggestion[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<AbortController | undefined>(undefined);

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      inFlight.current?.abort();
    },
    [],
  );

  function suggestFor(query: string | null) {
    clearTimeout(timer.current);
    inFlight.current?.abort();
    if (!query) return setSuggestions([]);
    timer.current = setTimeout(async () => {
      const controller = new AbortController();
      inFlight.current = controller;
      try {
        const response = await fetch(`/api/mentions?q=${encodeURIComponent(query)}`, {
          signal: controller.signal,
        });
        if (!response.ok) return;
        const body = (await response.json()) as { members: MentionSuggestion[] };
        setSuggestions(body.members);
      } catch {
        // Aborted or offline: suggestions are a convenience, typing still works.
      }
    }, SUGGEST_DELAY_MS);
  }

  return { suggestions, suggestFor, clear: () => suggestFor(null) };
}
