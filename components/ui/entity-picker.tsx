"use client";
import { useId, useState, type KeyboardEvent } from "react";
import { FieldShell } from "./field-shell";
import { useSuggestions } from "./use-suggestions";

export interface PickedEntity {
  id: string;
  label: string;
  detail?: string | null;
}

const CONTROL =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm aria-[invalid=true]:border-red-600 focus:border-brand-600";

/**
 * Chooses several members or posts by typing: an ARIA combobox whose suggestions come from
 * `suggestUrl(typed)` (read by `read`), with the chosen ones listed above it as removable
 * chips and sent as repeated hidden `name` fields.
 */
export function EntityPicker({
  name,
  label,
  hint,
  errors,
  initial = [],
  max,
  suggestUrl,
  read,
  placeholder,
}: {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  initial?: PickedEntity[];
  max: number;
  suggestUrl: (typed: string) => string;
  read: (body: unknown) => PickedEntity[];
  placeholder?: string;
}) {
  const [picked, setPicked] = useState<PickedEntity[]>(initial);
  const [typed, setTyped] = useState("");
  const [active, setActive] = useState(0);
  const { suggestions, suggestFor } = useSuggestions(suggestUrl, read);
  const listId = useId();
  const options = suggestions.filter((option) => !picked.some((p) => p.id === option.id));
  const open = typed.trim().length > 0 && options.length > 0;
  const full = picked.length >= max;

  function choose(option: PickedEntity) {
    setPicked((current) => [...current, option]);
    setTyped("");
    suggestFor(null);
    setActive(0);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" && open) {
      event.preventDefault();
      setActive((index) => (index + 1) % options.length);
    } else if (event.key === "ArrowUp" && open) {
      event.preventDefault();
      setActive((index) => (index - 1 + options.length) % options.length);
    } else if (event.key === "Enter" && open) {
      event.preventDefault();
      choose(options[Math.min(active, options.length - 1)]!);
    } else if (event.key === "Escape") {
      setTyped("");
      suggestFor(null);
    }
  }

  return (
    <FieldShell name={name} label={label} hint={hint} errors={errors}>
      {({ id, describedBy, invalid }) => (
        <div className="space-y-2">
          {picked.length ? (
            <ul className="flex flex-wrap gap-2" aria-label={`Chosen: ${label}`}>
              {picked.map((entity) => (
                <li
                  key={entity.id}
                  className="flex items-center gap-1 rounded-full border border-brand-200 bg-brand-50 py-1 pr-1 pl-3 text-sm"
                >
                  <input type="hidden" name={name} value={entity.id} />
                  <span>{entity.label}</span>
                  <button
                    type="button"
                    onClick={() =>
                      setPicked((current) => current.filter((p) => p.id !== entity.id))
                    }
                    className="rounded-full px-2 py-0.5 text-stone-700 hover:bg-brand-100"
                    aria-label={`Remove ${entity.label}`}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <div className="relative">
            <input
              id={id}
              type="text"
              role="combobox"
              aria-expanded={open}
              aria-controls={listId}
              aria-autocomplete="list"
              aria-activedescendant={open ? `${listId}-${active}` : undefined}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              autoComplete="off"
              disabled={full}
              placeholder={full ? `At most ${max}` : placeholder}
              value={typed}
              onChange={(event) => {
                setTyped(event.target.value);
                setActive(0);
                suggestFor(event.target.value);
              }}
              onKeyDown={onKeyDown}
              className={CONTROL}
            />
            <ul
              id={listId}
              role="listbox"
              aria-label={`Suggestions: ${label}`}
              hidden={!open}
              className="absolute z-10 mt-1 max-h-64 w-full overflow-auto rounded-md border border-stone-300 bg-white shadow-lg"
            >
              {options.map((option, index) => (
                <li
                  key={option.id}
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={index === active}
                  onMouseDown={(event) => {
                    event.preventDefault();
                    choose(option);
                  }}
                  className={`cursor-pointer px-3 py-2 text-sm ${index === active ? "bg-brand-50" : ""}`}
                >
                  {option.label}
                  {option.detail ? (
                    <span className="text-stone-600"> · {option.detail}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </FieldShell>
  );
}

/** Members, from the @mention suggestions (GET /api/mentions). */
export const memberSuggestions = {
  suggestUrl: (typed: string) => `/api/mentions?q=${encodeURIComponent(typed)}`,
  read: (body: unknown) =>
    (body as { members: { id: string; name: string; title: string | null }[] }).members.map(
      (member) => ({ id: member.id, label: member.name, detail: member.title }),
    ),
};
