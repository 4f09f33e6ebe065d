import type { TextEdit } from "./markdown-format";

/**
 * Applies an edit to a textarea the way typing would: through the browser's own editing
 * (`execCommand("insertText")`) when the textarea has focus, so that Ctrl+Z takes it back
 * and the `input` event reaches React's onChange; otherwise (or where that is missing) by
 * setting the value and telling `setText`, the editor's state.
 */
export function applyEdit(
  element: HTMLTextAreaElement,
  edit: TextEdit,
  setText: (text: string) => void,
) {
  const before = element.value;
  const expected = before.slice(0, edit.start) + edit.insert + before.slice(edit.end);
  if (!editNatively(element, edit) || element.value !== expected) {
    element.value = expected;
    setText(expected);
  }
  element.setSelectionRange(edit.selectionStart, edit.selectionEnd);
}

function editNatively(element: HTMLTextAreaElement, edit: TextEdit): boolean {
  if (document.activeElement !== element || typeof document.execCommand !== "function") {
    return false;
  }
  element.setSelectionRange(edit.start, edit.end);
  try {
    if (edit.insert) return document.execCommand("insertText", false, edit.insert);
    return edit.start === edit.end || document.execCommand("delete");
  } catch {
    return false;
  }
}

/**
 * Replaces [start, end) without moving what the person has selected (beyond shifting it
 * with the text): for an upload's placeholder, which is swapped while they keep typing.
 */
export function replaceKeepingSelection(
  element: HTMLTextAreaElement,
  [start, end]: [number, number],
  insert: string,
  setText: (text: string) => void,
) {
  const delta = insert.length - (end - start);
  const shift = (at: number) => (at <= start ? at : at >= end ? at + delta : start + insert.length);
  applyEdit(
    element,
    {
      start,
      end,
      insert,
      selectionStart: shift(element.selectionStart),
      selectionEnd: shift(element.selectionEnd),
    },
    setText,
  );
}
