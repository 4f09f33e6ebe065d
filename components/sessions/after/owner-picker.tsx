"use client";
import { useId, useState, type KeyboardEvent } from "react";
import { FieldShell, fieldErrors, previousValue } from "@/components/ui/field-shell";
import { useSuggestions } from "@/components/ui/use-suggestions";
import type { FormState } from "@/lib/core/forms/action-result";
import type { MentionSuggestion } from "@/lib/mentions/suggest";

const CONTROL =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm aria-[invalid=true]:border-red-600 focus:border-brand-600";

interface OwnerPickerProps {
  state?: FormState<unknown>;
  /** The current owner, when editing an item. */
  defaultOwner?: { id: string; name: string };
  /** The visible box's id: a page has one picker per action item form. */
  fieldId: string;
}

/** Active members matching the typed name, from the @mention suggestions (GET /api/mentions). */
function useMemberSuggestions() {
  return useSuggestions(
    (typed) => `/api/mentions?q=${encodeURIComponent(typed)}`,
    (body) => (body as { members: MentionSuggestion[] }).members,
  );
}

/**
 * Who owns an action item: a name box (an ARIA combobox) suggesting active members, and the
 * chosen member's id in a hidden `ownerId`. Typing after choosing clears the choice, so what
 * is sent is always a member picked from the list.
 */
export function OwnerPicker(props: OwnerPickerProps) {
  const id = previousValue(props.state, "ownerId") ?? props.defaultOwner?.id ?? "";
  const name = previousValue(props.state, "ownerName") ?? props.defaultOwner?.name ?? "";
  // A failed submission returns what was chosen: re-mount so that it shows again.
  return <Picker key={`${id}:${name}`} {...props} initial={{ id, name }} />;
}

function Picker({
  state,
  fieldId,
  initial,
}: OwnerPickerProps & { initial: { id: string; name: string } }) {
  const [owner, setOwner] = useState(initial);
  const [text, setText] = useState(initial.name);
  const [active, setActive] = useState(0);
  const [expanded, setExpanded] = useState(false);
  const { suggestions, suggestFor } = useMemberSuggestions();
  const listId = useId();
  const open = expanded && suggestions.length > 0;

  function choose(index: number) {
    const member = suggestions[index];
    if (!member) return;
    setOwner({ id: member.id, name: member.name });
    setText(member.name);
    setExpanded(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setExpanded(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (current + step + suggestions.length) % (suggestions.length || 1));
    } else if (event.key === "Enter" && open) {
      event.preventDefault();
      choose(active);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setExpanded(false);
    }
  }

  return (
    <FieldShell
      name="ownerId"
      label="Owner"
      hint="Type a name, then choose the member from the list."
      errors={fieldErrors(state, "ownerId")}
      fieldId={fieldId}
    >
      {({ id, describedBy, invalid }) => (
        <div className="relative max-w-md">
          <input
            id={id}
            name="ownerName"
            type="text"
            role="combobox"
            autoComplete="off"
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setOwner({ id: "", name: "" });
              setActive(0);
              setExpanded(true);
              suggestFor(event.target.value);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => setTimeout(() => setExpanded(false), 150)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={listId}
            aria-activedescendant={open ? `${listId}-${active}` : undefined}
            className={CONTROL}
          />
          <input type="hidden" name="ownerId" value={owner.id} />
          <ul
            id={listId}
            role="listbox"
            aria-label="Members"
            hidden={!open}
            className="absolute z-10 mt-1 max-h-60 w-full overflow-auto rounded-md border border-stone-300 bg-white py-1 shadow-lg"
          >
            {suggestions.map((member, index) => (
              <li
                key={member.id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(index);
                }}
                className={`cursor-pointer px-3 py-2 text-sm ${index === active ? "bg-brand-50 text-brand-800" : ""}`}
              >
                <span className="font-medium">{member.name}</span>
                {member.title ? <span className="text-stone-600"> · {member.title}</span> : null}
              </li>
            ))}
          </ul>
          <p className="sr-only" aria-live="polite">
            {open
              ? `${suggestions.length} members suggested. Use the arrow keys and Enter to choose one.`
              : owner.id
                ? `Owner: ${owner.name}`
                : ""}
          </p>
        </div>
      )}
    </FieldShell>
  );
}
