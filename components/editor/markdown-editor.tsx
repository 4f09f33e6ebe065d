"use client";
import {
  lazy,
  Suspense,
  useEffect,
  useId,
  useRef,
  useState,
  useSyncExternalStore,
  type ClipboardEvent,
  type DragEvent,
  type KeyboardEvent,
} from "react";
import { MarkdownPreview } from "@/components/markdown-preview";
import { FieldShell, fieldErrors, previousValue } from "@/components/ui/field-shell";
import type { FormState } from "@/lib/core/forms/action-result";
import { formatNumber } from "@/lib/core/format";
import { mentionMarkdown } from "@/lib/mentions/format";
import type { ToolbarCommand } from "./editor-toolbar";
import { formatEdit, type FormatCommand } from "./markdown-format";
import { applyEdit } from "./text-edit";
import { useDraft } from "./use-draft";
import { mentionQueryBefore, useMentionSuggestions } from "./use-mention-suggestions";
import { pastedFiles, useUploads } from "./use-uploads";

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
  /** Images and files by the toolbar, paste or drop, uploaded to /api/uploads (default on). */
  attachments?: boolean;
  /** Keep a draft of the text in this browser while it is written (default on). */
  drafts?: boolean;
  /**
   * What the draft is stored under, e.g. `reply:<discussionId>`; by default the page's path
   * and the field's id.
   */
  draftKey?: string;
}

// Loaded after the page's first script: every page with a reply box carried them before
// anyone typed. Neither is rendered on the server: the toolbar's buttons need the script,
// and a draft is only known in the browser.
const EditorToolbar = lazy(() =>
  import("./editor-toolbar").then((module) => ({ default: module.EditorToolbar })),
);
const DraftOffer = lazy(() => import("./draft-offer"));

const never = () => () => {};

const SHORTCUTS: Record<string, FormatCommand> = { b: "bold", i: "italic", k: "link" };

const TEXTAREA =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 aria-[invalid=true]:border-red-600";

/**
 * A markdown textarea with a formatting toolbar (and Ctrl/⌘+B, I, K), a Write / Preview
 * switch (the preview uses the same sanitised renderer as the page), a character count,
 * @mention suggestions that insert a link to the member, attachments (picked, pasted or
 * dropped), and a draft kept in the browser. Without JavaScript it is a plain textarea
 * (the toolbar is not shown; Write / Preview do nothing).
 */
export function MarkdownEditor({
  name,
  label,
  hint,
  state,
  defaultValue,
  maxLength,
  rows = 8,
  required,
  mentions = true,
  fieldId,
  attachments = true,
  drafts = true,
  draftKey,
}: MarkdownEditorProps) {
  const initial = previousValue(state, name) ?? defaultValue ?? "";
  const [text, setText] = useState(initial);
  // A failed submission returns what was typed: show it again.
  const [shown, setShown] = useState(initial);
  if (initial !== shown) {
    setShown(initial);
    setText(initial);
  }
  const [previewing, setPreviewing] = useState(false);
  const scripted = useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
  const [dragging, setDragging] = useState(false);
  const [blocked, setBlocked] = useState(false);
  const [active, setActive] = useState(0);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const { suggestions, suggestFor, clear } = useMentionSuggestions();
  const listId = useId();
  const controlId = fieldId ?? `field-${name}`;
  const countId = `${controlId}-count`;
  const uploadErrorId = `${controlId}-upload-error`;
  const fileInput = useRef<HTMLInputElement>(null);
  const uploads = useUploads(textarea, setText);
  const draft = useDraft({
    enabled: drafts,
    draftKey,
    fieldId: controlId,
    text,
    baseline: defaultValue ?? "",
    setText,
    state,
  });
  const length = text.replace(/\r\n?/g, "\n").trim().length;
  const open = mentions && suggestions.length > 0 && !previewing;
  const uploading = uploads.pending > 0;

  // The form's submit: held back while a file is uploading (its placeholder would be
  // sent), otherwise the draft is saved as sent. Capture runs before other editors' handlers.
  const onSubmit = useRef<(event: SubmitEvent) => void>(() => {});
  useEffect(() => {
    onSubmit.current = (event) => {
      if (uploading) {
        event.preventDefault();
        setBlocked(true);
      } else if (!event.defaultPrevented) {
        draft.onSubmit();
      }
    };
  });
  useEffect(() => {
    const form = textarea.current?.form;
    if (!form) return;
    const listener = (event: SubmitEvent) => onSubmit.current(event);
    form.addEventListener("submit", listener, { capture: true });
    return () => form.removeEventListener("submit", listener, { capture: true });
  }, []);

  function runCommand(command: ToolbarCommand) {
    if (command === "attach") return fileInput.current?.click();
    const element = textarea.current;
    if (!element) return;
    element.focus();
    const { selectionStart, selectionEnd, value } = element;
    applyEdit(element, formatEdit(command, value, selectionStart, selectionEnd), setText);
  }

  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    if (!attachments) return;
    const files = pastedFiles(event.clipboardData);
    if (files.length === 0) return;
    event.preventDefault();
    uploadFiles(files);
  }

  function onDragOver(event: DragEvent<HTMLTextAreaElement>) {
    if (!attachments || !Array.from(event.dataTransfer.types).includes("Files")) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setDragging(true);
  }

  function onDrop(event: DragEvent<HTMLTextAreaElement>) {
    setDragging(false);
    const files = attachments ? Array.from(event.dataTransfer.files) : [];
    if (files.length === 0) return;
    event.preventDefault();
    uploadFiles(files);
  }

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
    const typed = mentionQueryBefore(element.value, caret);
    if (!typed) return clear();
    const link = `${mentionMarkdown(member)} `;
    const after = typed.start + link.length;
    element.focus();
    const edit = { start: typed.start, end: caret, insert: link };
    applyEdit(element, { ...edit, selectionStart: after, selectionEnd: after }, setText);
    clear();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    const shortcut = SHORTCUTS[event.key.toLowerCase()];
    if (shortcut && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
      event.preventDefault();
      return runCommand(shortcut);
    }
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

  function uploadFiles(files: File[]) {
    setBlocked(false);
    void uploads.upload(files);
  }

  const defaultHint = `Markdown works: **bold**, _italics_, lists, links and \`code\`.${mentions ? " Type @ to mention someone." : ""}${attachments ? " Paste, drop or pick images and files to attach them." : ""}`;
  const uploadMessages = [
    ...uploads.errors,
    ...(blocked && uploading ? ["Wait for the upload to finish, then send again."] : []),
  ];

  return (
    <FieldShell
      name={name}
      label={label}
      hint={hint ?? defaultHint}
      errors={fieldErrors(state, name)}
      fieldId={fieldId}
    >
      {({ id, describedBy, invalid }) => (
        <div className="space-y-2">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <div className="flex gap-2" role="group" aria-label={`${label}: write or preview`}>
              <ModeButton pressed={!previewing} onClick={() => setPreviewing(false)}>
                Write
              </ModeButton>
              <ModeButton pressed={previewing} onClick={() => setPreviewing(true)}>
                Preview
              </ModeButton>
            </div>
            {previewing || !scripted ? null : (
              <Suspense fallback={null}>
                <EditorToolbar
                  label={label}
                  controls={id}
                  attachments={attachments}
                  onCommand={runCommand}
                />
              </Suspense>
            )}
          </div>
          {draft.offer ? (
            <Suspense fallback={null}>
              <DraftOffer
                savedAt={draft.offer.savedAt}
                onRestore={draft.restore}
                onDiscard={draft.discard}
              />
            </Suspense>
          ) : null}
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
              onPaste={onPaste}
              onDragOver={onDragOver}
              onDragLeave={() => setDragging(false)}
              onDrop={onDrop}
              aria-describedby={[
                describedBy,
                uploadMessages.length ? uploadErrorId : undefined,
                countId,
              ]
                .filter(Boolean)
                .join(" ")}
              aria-invalid={invalid}
              aria-autocomplete={mentions ? "list" : undefined}
              aria-controls={open ? listId : undefined}
              aria-activedescendant={open ? `${listId}-${active}` : undefined}
              className={`${TEXTAREA} ${dragging ? "ring-2 ring-brand-600 ring-offset-1" : ""}`}
            />
            {attachments ? (
              <input
                ref={fileInput}
                type="file"
                multiple
                hidden
                tabIndex={-1}
                onChange={(event) => {
                  const files = Array.from(event.target.files ?? []);
                  event.target.value = "";
                  uploadFiles(files);
                }}
              />
            ) : null}
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
          {/* One block without spacing, so that the empty live regions take no room; they
              are never display:none, which would keep them from being announced. */}
          <div>
            <p
              id={countId}
              className={`text-sm ${length > maxLength ? "font-medium text-red-700" : "text-stone-600"}`}
            >
              {formatNumber(length)} of {formatNumber(maxLength)} characters
            </p>
            <p role="status" className="text-sm text-stone-600">
              {uploads.status || (draft.restored ? "Draft restored." : "")}
            </p>
            <p id={uploadErrorId} role="alert" className="text-sm font-medium text-red-700">
              {uploadMessages.join(" ")}
            </p>
          </div>
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
