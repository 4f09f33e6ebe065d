import type { TextEdit } from "./markdown-format";

const nativeValueSetter = () =>
  Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!;

/**
 * Applies an edit to a textarea the way typing would: through the browser's own editing
 * (`execCommand("insertText")`) when the textarea has focus, so that Ctrl+Z takes it back;
 * otherwise (or where that is missing) by setting the value. Either way an `input` event
 * follows, so React's onChange sees the new text (and the character count follows).
 */
export function applyEdit(element: HTMLTextAreaElement, edit: TextEdit) {
  const before = element.value;
  const expected = before.slice(0, edit.start) + edit.insert + before.slice(edit.end);
  if (!editNatively(element, edit) || element.value !== expected) {
    nativeValueSetter().call(element, expected);
    element.dispatchEvent(new Event("input", { bubbles: true }));
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
  start: number,
  end: number,
  insert: string,
) {
  const delta = insert.length - (end - start);
  const shift = (at: number) => (at <= start ? at : at >= end ? at + delta : start + insert.length);
  applyEdit(element, {
    start,
    end,
    insert,
    selectionStart: shift(element.selectionStart),
    selectionEnd: shift(element.selectionEnd),
  });
}
