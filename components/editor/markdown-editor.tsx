"use client";
import { useId, useRef, useState, type KeyboardEvent } from "react";
import { MarkdownPreview } from "@/components/markdown-preview";
import { FieldShell, fieldErrors, previousValue } from "@/components/ui/field";
import type { FormState } from "@/lib/core/forms/action-result";
import { mentionMarkdown } from "@/lib/mentions/format";
import { mentionQueryBefore, useMentionSuggestions } from "./use-mention-suggestions";
import { formatNumber } from "@/lib/core/format";

interface MarkdownEditorProps {
  name: string;
  label: string;
  hint?: string;
  state?: FormState<unknown>;
  defaultValue?: string;
  maxLength: number;
  rows?: number;
  required?: boolean;
  /** Offer @mention suggestions while typing (default on). */
  mentions?: boolean;
  /** The textarea's id, when a page has several editors with the same field name. */
  fieldId?: string;
}

const TEXTAREA =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 aria-[invalid=true]:border-red-600";

/**
 * A markdown textarea with a Write / Preview switch (the preview uses the same sanitised
 * renderer as the page), a character count, and @mention suggestions that insert a link
 * to the member. Without JavaScript it is a plain textarea.
 */
export function MarkdownEditor(props: MarkdownEditorProps) {
  const initial = previousValue(props.state, props.name) ?? props.defaultValue ?? "";
  // A failed submission returns what was typed: re-mount so that it shows again.
  return <Editor key={initial} {...props} initial={initial} />;
}

function Editor({
  name,
  label,
  hint,
  state,
  initial,
  maxLength,
  rows = 8,
  required,
  mentions = true,
  fieldId,
}: MarkdownEditorProps & { initial: string }) {
  const [text, setText] = useState(initial);
  const [previewing, setPreviewing] = useState(false);
  const [active, setActive] = useState(0);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const { suggestions, suggestFor, clear } = useMentionSuggestions();
  const listId = useId();
  const countId = `${fieldId ?? `field-${name}`}-count`;
  const length = text.replace(/\r\n?/g, "\n").trim().length;
  const open = mentions && suggestions.length > 0 && !previewing;

  function onChange(value: string, caret: number) {
    setText(value);
    setActive(0);
    if (mentions) suggestFor(mentionQueryBefore(value, caret)?.query ?? null);
  }

  function insertMention(index: number) {
    const element = textarea.current;
    const member = suggestions[index];
    if (!element || !member) return;
    const caret = element.selectionStart;
    const typed = mentionQueryBefore(text, caret);
    if (!typed) return clear();
    const link = `${mentionMarkdown(member)} `;
    const next = text.slice(0, typed.start) + link + text.slice(caret);
    setText(next);
    clear();
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(typed.start + link.length, typed.start + link.length);
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!open) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (current + step + suggestions.length) % suggestions.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      insertMention(active);
    } else if (event.key === "Escape") {
      event.preventDefault();
      clear();
    }
  }

  return (
    <FieldShell
      name={name}
      label={label}
      hint={
        hint ??
        "Markdown works: **bold**, _italics_, lists, links and `code`. Type @ to mention someone."
      }
      errors={fieldErrors(state, name)}
      fieldId={fieldId}
    >
      {({ id, describedBy, invalid }) => (
        <div className="space-y-2">
          <div className="flex gap-2" role="group" aria-label={`${label}: write or preview`}>
            <ModeButton pressed={!previewing} onClick={() => setPreviewing(false)}>
              Write
            </ModeButton>
            <ModeButton pressed={previewing} onClick={() => setPreviewing(true)}>
              Preview
            </ModeButton>
          </div>
          <div className="relative">
            <textarea
              ref={textarea}
              id={id}
              name={name}
              rows={rows}
              value={text}
              required={required}
              hidden={previewing}
              onChange={(event) => onChange(event.target.value, event.target.selectionStart)}
              onKeyDown={onKeyDown}
              onBlur={() => setTimeout(clear, 150)}
              aria-describedby={[describedBy, countId].filter(Boolean).join(" ")}
              aria-invalid={invalid}
              aria-autocomplete={mentions ? "list" : undefined}
              aria-controls={open ? listId : undefined}
              aria-activedescendant={open ? `${listId}-${active}` : undefined}
              className={TEXTAREA}
            />
            {open ? (
              <ul
                id={listId}
                role="listbox"
                aria-label="Members to mention"
                className="absolute z-10 mt-1 max-h-60 w-full max-w-sm overflow-auto rounded-md border border-stone-300 bg-white py-1 shadow-lg"
              >
                {suggestions.map((member, index) => (
                  <li
                    key={member.id}
                    id={`${listId}-${index}`}
                    role="option"
                    aria-selected={index === active}
                    onMouseDown={(event) => {
                      event.preventDefault();
                      insertMention(index);
                    }}
                    className={`cursor-pointer px-3 py-1.5 text-sm ${index === active ? "bg-brand-50 text-brand-800" : ""}`}
                  >
                    <span className="font-medium">{member.name}</span>
                    {member.title ? (
                      <span className="text-stone-600"> · {member.title}</span>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {previewing ? (
              <div
                role="region"
                aria-label={`${label} preview`}
                className="min-h-24 rounded-md border border-dashed border-stone-300 bg-stone-50 px-3 py-2"
              >
                {text.trim() ? (
                  <MarkdownPreview source={text} />
                ) : (
                  <p className="text-sm text-stone-600">Nothing to preview yet.</p>
                )}
              </div>
            ) : null}
          </div>
          <p
            id={countId}
            className={`text-sm ${length > maxLength ? "font-medium text-red-700" : "text-stone-600"}`}
          >
            {formatNumber(length)} of {formatNumber(maxLength)} characters
          </p>
          <p className="sr-only" aria-live="polite">
            {open
              ? `${suggestions.length} members suggested. Use the arrow keys and Enter to pick one.`
              : ""}
          </p>
        </div>
      )}
    </FieldShell>
  );
}

function ModeButton({
  pressed,
  onClick,
  children,
}: {
  pressed: boolean;
  onClick: () => void;
  children: string;
}) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onClick}
      className="rounded-md border border-stone-300 px-3 py-1 text-sm aria-pressed:border-brand-700 aria-pressed:bg-brand-50 aria-pressed:font-medium"
    >
      {children}
    </button>
  );
}
