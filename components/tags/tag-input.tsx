"use client";
import { useState } from "react";
import { useSuggestions } from "@/components/ui/use-suggestions";
import { TAG_LIMITS } from "@/lib/tags/limits";
import { FieldShell } from "@/components/ui/field-shell";

const CONTROL =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm aria-[invalid=true]:border-red-600 focus:border-brand-600";

/** Splits "testing, pai" into the finished part ("testing, ") and the tag being typed. */
function splitTyped(value: string): { done: string; typing: string } {
  const cut = value.lastIndexOf(",") + 1;
  return { done: value.slice(0, cut) + (cut ? " " : ""), typing: value.slice(cut).trim() };
}

/** Suggestions from the shared vocabulary (GET /api/tags) for the tag being typed. */
function useTagSuggestions() {
  return useSuggestions(
    (typed) => `/api/tags?q=${encodeURIComponent(typed)}`,
    (body) => (body as { tags: { name: string }[] }).tags.map((tag) => tag.name),
  );
}

/**
 * A discussion's or post's tags in one text box, comma-separated (what tagListSchema in
 * lib/tags/schemas.ts parses), with the browser's own suggestion list completing the tag
 * being typed from existing tags.
 */
export function TagInput({
  name = "tags",
  label = "Tags",
  defaultValue,
  errors,
}: {
  name?: string;
  label?: string;
  defaultValue?: string;
  errors?: string[];
}) {
  const [done, setDone] = useState("");
  const { suggestions, suggestFor } = useTagSuggestions();
  const hint = `Up to ${TAG_LIMITS.perItem} tags, separated by commas, for example: testing, onboarding.`;
  return (
    <FieldShell name={name} label={label} hint={hint} errors={errors}>
      {({ id, describedBy, invalid }) => (
        <>
          <input
            id={id}
            name={name}
            defaultValue={defaultValue}
            list={`${id}-suggestions`}
            autoComplete="off"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(event) => {
              const typed = splitTyped(event.target.value);
              setDone(typed.done);
              suggestFor(typed.typing);
            }}
            className={CONTROL}
          />
          <datalist id={`${id}-suggestions`}>
            {suggestions.map((tag) => (
              <option key={tag} value={`${done}${tag}`} />
            ))}
          </datalist>
        </>
      )}
    </FieldShell>
  );
}
