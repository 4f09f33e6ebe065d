"use client";
import { useEffect, useRef, useState } from "react";

const SUGGEST_DELAY_MS = 150;

/**
 * Suggestions for what is being typed, fetched from `urlFor(typed)` (debounced, the last
 * request wins, nothing fetched for empty text) and picked out of the JSON by `read`.
 */
export function useSuggestions<T>(urlFor: (typed: string) => string, read: (body: unknown) => T[]) {
  const [suggestions, setSuggestions] = useState<T[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<AbortController | undefined>(undefined);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      clearTimeout(timer.current);
      inFlight.current?.abort();
    };
  }, []);

  function suggestFor(typed: string | null) {
    // A caller's late timer (an editor closes its list shortly after blur) may fire after
    // the component is gone: nothing to update then.
    if (!mounted.current) return;
    clearTimeout(timer.current);
    inFlight.current?.abort();
    if (!typed?.trim()) return setSuggestions([]);
    timer.current = setTimeout(async () => {
      const controller = new AbortController();
      inFlight.current = controller;
      try {
        const response = await fetch(urlFor(typed), { signal: controller.signal });
        if (!response.ok) return;
        setSuggestions(read(await response.json()));
      } catch {
        // Aborted or offline: suggestions are a convenience, typing still works.
      }
    }, SUGGEST_DELAY_MS);
  }

  return { suggestions, suggestFor };
}
