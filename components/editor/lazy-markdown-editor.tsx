"use client";
import { useEffect, useLayoutEffect, useRef, useState, type ComponentProps } from "react";
import { FieldShell, fieldErrors, previousValue } from "@/components/ui/field-shell";
import type { MarkdownEditor as Editor } from "./markdown-editor";

type Props = ComponentProps<typeof Editor>;

interface Loaded {
  MarkdownEditor: typeof Editor;
  /** What was typed into the plain field before the editor came. */
  typed: string;
  /** The plain field had the focus: the editor takes it, with the same selection. */
  selection: [number, number] | null;
}

/**
 * The markdown editor for a form below a page's main content (a thread's reply box), loaded
 * after the page's first script: the server renders a labelled plain textarea that posts the
 * same field, and the editor takes its place once its code has loaded, keeping what was
 * typed, the focus and the selection. Without JavaScript the plain textarea is the field.
 */
export function LazyMarkdownEditor(props: Props) {
  const plain = useRef<HTMLTextAreaElement>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    let cancelled = false;
    void import("./markdown-editor").then(({ MarkdownEditor }) => {
      const field = plain.current;
      if (cancelled || !field) return;
      const focused = document.activeElement === field;
      setLoaded({
        MarkdownEditor,
        typed: field.value,
        selection: focused ? [field.selectionStart, field.selectionEnd] : null,
      });
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const controlId = props.fieldId ?? `field-${props.name}`;
  // Before the browser paints the editor, so that the focus never leaves the field.
  useLayoutEffect(() => {
    if (!loaded?.selection) return;
    const field = document.getElementById(controlId);
    if (!(field instanceof HTMLTextAreaElement)) return;
    field.focus();
    field.setSelectionRange(...loaded.selection);
  }, [loaded, controlId]);

  if (!loaded) return <PlainMarkdownField {...props} textarea={plain} />;
  const { MarkdownEditor, typed } = loaded;
  const started = previousValue(props.state, props.name) ?? props.defaultValue ?? "";
  // The editor starts from what was typed; a draft is still offered when it differs.
  return (
    <MarkdownEditor {...props} defaultValue={typed === started ? props.defaultValue : typed} />
  );
}

function PlainMarkdownField({
  name,
  label,
  hint,
  state,
  defaultValue,
  rows = 8,
  required,
  fieldId,
  textarea,
}: Props & { textarea: React.RefObject<HTMLTextAreaElement | null> }) {
  return (
    <FieldShell
      name={name}
      label={label}
      hint={hint ?? "Markdown works: **bold**, _italics_, lists, links and `code`."}
      errors={fieldErrors(state, name)}
      fieldId={fieldId}
    >
      {({ id, describedBy, invalid }) => (
        <textarea
          ref={textarea}
          id={id}
          name={name}
          rows={rows}
          required={required}
          defaultValue={previousValue(state, name) ?? defaultValue}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm"
        />
      )}
    </FieldShell>
  );
}
