"use client";
import { useState, type ChangeEvent, type KeyboardEvent } from "react";
import { useSuggestions } from "@/components/ui/use-suggestions";
import { PROFILE_LIMITS } from "@/lib/members/limits";
import { skillSlug, splitSkillList } from "@/lib/core/vocabulary";

interface Chip {
  name: string;
  /** Bumped when a chip is added again, re-mounting its checkbox ticked. */
  version: number;
}

/** Shared-vocabulary suggestions for what is being typed, via GET /api/skills. */
function useSkillSuggestions() {
  return useSuggestions(
    (typed) => `/api/skills?q=${encodeURIComponent(typed)}`,
    (body) => (body as { skills: { name: string }[] }).skills.map((skill) => skill.name),
  );
}

/**
 * A skill list as chips. Each chip is a checkbox (`name`), so without JavaScript a member
 * unticks to remove; the text box (`${name}Add`) takes new skills, comma-separated, and is
 * submitted too. With JavaScript, Enter or a comma turns what was typed into chips.
 */
export function SkillPicker({
  name,
  legend,
  addLabel,
  initial,
  errors,
}: {
  name: "offered" | "wanted";
  legend: string;
  addLabel: string;
  initial: string[];
  errors?: string[];
}) {
  const [chips, setChips] = useState<Chip[]>(() =>
    initial.map((skill) => ({ name: skill, version: 0 })),
  );
  const [announcement, setAnnouncement] = useState("");
  const { suggestions, suggestFor } = useSkillSuggestions();
  const ids = {
    hint: `field-${name}-hint`,
    add: `field-${name}Add`,
    addHint: `field-${name}Add-hint`,
    error: `field-${name}-error`,
  };
  const invalid = Boolean(errors?.length);
  const chipSlugs = new Set(chips.map((chip) => skillSlug(chip.name)));

  function addTyped(input: HTMLInputElement) {
    const typed = splitSkillList(input.value);
    if (!typed.length) return;
    setChips((current) => {
      const bySlug = new Map(current.map((chip) => [skillSlug(chip.name), chip]));
      for (const skill of typed) {
        const existing = bySlug.get(skillSlug(skill));
        bySlug.set(
          skillSlug(skill),
          existing ? { ...existing, version: existing.version + 1 } : { name: skill, version: 0 },
        );
      }
      return [...bySlug.values()];
    });
    setAnnouncement(`Added ${typed.join(", ")}.`);
    input.value = "";
    suggestFor("");
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if ((event.key === "Enter" || event.key === ",") && event.currentTarget.value.trim()) {
      event.preventDefault();
      addTyped(event.currentTarget);
    }
  }

  return (
    <fieldset
      className="space-y-2"
      aria-describedby={[ids.hint, invalid ? ids.error : ""].join(" ").trim()}
    >
      <legend className="text-sm font-medium text-stone-800">{legend}</legend>
      <p id={ids.hint} className="text-sm text-stone-600">
        Untick a skill to remove it when you save.
      </p>
      {chips.length ? (
        <ul className="flex flex-wrap gap-2">
          {chips.map((chip) => (
            <li key={`${skillSlug(chip.name)}:${chip.version}`}>
              <label className="inline-flex min-h-10 cursor-pointer items-center gap-2 rounded-full border border-brand-600 bg-brand-50 px-3 py-1 text-sm text-brand-800 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600 has-[:not(:checked)]:border-stone-300 has-[:not(:checked)]:bg-white has-[:not(:checked)]:text-stone-500 has-[:not(:checked)]:line-through">
                <input
                  type="checkbox"
                  name={name}
                  value={chip.name}
                  // Uncontrolled: React resets action forms to their default state after a save.
                  defaultChecked
                  className="size-4 accent-brand-700"
                />
                {chip.name}
              </label>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-stone-600">None yet.</p>
      )}
      <div className="space-y-1">
        <label htmlFor={ids.add} className="block text-sm font-medium text-stone-800">
          {addLabel}
        </label>
        <input
          id={ids.add}
          name={`${name}Add`}
          list={`${name}-suggestions`}
          autoComplete="off"
          aria-describedby={[ids.addHint, invalid ? ids.error : ""].join(" ").trim()}
          aria-invalid={invalid}
          onKeyDown={onKeyDown}
          onChange={(event: ChangeEvent<HTMLInputElement>) => suggestFor(event.target.value)}
          className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 aria-[invalid=true]:border-red-600 sm:max-w-md"
        />
        <p id={ids.addHint} className="text-sm text-stone-600">
          Press Enter or type a comma to add it. Up to {PROFILE_LIMITS.skillsPerKind} skills, each
          at most {PROFILE_LIMITS.skillLength} characters.
        </p>
        <datalist id={`${name}-suggestions`}>
          {suggestions
            .filter((skill) => !chipSlugs.has(skillSlug(skill)))
            .map((skill) => (
              <option key={skill} value={skill} />
            ))}
        </datalist>
      </div>
      <p id={ids.error} className="text-sm text-red-700" aria-live="polite">
        {invalid ? errors!.join(" ") : null}
      </p>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}
