// The toolbar's commands as text edits: what each makes of a selection, a caret, or an
// already formatted selection (which it undoes), and what it selects afterwards.
import { describe, expect, it } from "vitest";
import { formatEdit, type FormatCommand } from "./markdown-format";

/**
 * Applies a command to `marked`, where [ and ] mark the selection (or a lone | the caret),
 * and returns the new text marked the same way.
 */
function apply(command: FormatCommand, marked: string): string {
  const caret = marked.indexOf("|");
  const start = caret >= 0 ? caret : marked.indexOf("[[");
  const value = caret >= 0 ? marked.replace("|", "") : marked.replace("[[", "").replace("]]", "");
  const end = caret >= 0 ? caret : marked.indexOf("]]") - 2;
  const edit = formatEdit(command, value, start, end);
  const next = value.slice(0, edit.start) + edit.insert + value.slice(edit.end);
  if (edit.selectionStart === edit.selectionEnd) {
    return `${next.slice(0, edit.selectionStart)}|${next.slice(edit.selectionStart)}`;
  }
  return `${next.slice(0, edit.selectionStart)}[[${next.slice(edit.selectionStart, edit.selectionEnd)}]]${next.slice(edit.selectionEnd)}`;
}

describe("formatEdit", () => {
  it.each<[FormatCommand, string, string]>([
    ["bold", "make [[this]] strong", "make **[[this]]** strong"],
    ["bold", "a |b", "a **[[bold text]]**b"],
    ["bold", "make **[[this]]** plain", "make [[this]] plain"],
    ["bold", "make [[**this**]] plain", "make [[this]] plain"],
    // The space a double-click selects stays outside.
    ["bold", "[[word ]]next", "**[[word]]** next"],
    ["italic", "an [[aside]]", "an _[[aside]]_"],
    ["italic", "|", "_[[italic text]]_"],
    ["italic", "an _[[aside]]_", "an [[aside]]"],
    ["code", "run [[npm test]] now", "run `[[npm test]]` now"],
    ["code", "|", "`[[code]]`"],
    ["code", "see:[[a()\nb()]]", "see:\n```\n[[a()\nb()]]\n```"],
    ["link", "read [[the guide]]", "read [the guide]([[https://]])"],
    ["link", "see [[https://example.com/x]]", "see [[[link text]]](https://example.com/x)"],
    ["link", "see [[/discussions/d1]]", "see [[[link text]]](/discussions/d1)"],
    ["link", "|", "[[[link text]]](https://)"],
  ])("%s: %j → %j", (command, before, after) => {
    expect(apply(command, before)).toBe(after);
  });

  it.each<[FormatCommand, string, string]>([
    ["bulletList", "[[one\ntwo]]", "[[- one\n- two]]"],
    ["bulletList", "intro\n\nit|em", "intro\n\n- it|em"],
    ["bulletList", "|", "- [[List item]]"],
    ["bulletList", "[[- one\n- two]]", "[[one\ntwo]]"],
    // From the other kind of list: the markers change, they are not doubled.
    ["bulletList", "[[1. one\n2. two]]", "[[- one\n- two]]"],
    ["numberedList", "[[one\n\ntwo\nthree]]", "[[1. one\n\n2. two\n3. three]]"],
    ["numberedList", "[[- one\n- two]]", "[[1. one\n2. two]]"],
    ["numberedList", "[[1. one\n2. two]]", "[[one\ntwo]]"],
    ["quote", "o[[ne\ntw]]o", "[[> one\n> two]]"],
    ["quote", "[[one\n\ntwo]]", "[[> one\n>\n> two]]"],
    ["quote", "[[> one\n> two]]", "[[one\ntwo]]"],
    ["quote", "a\n|", "a\n> [[Quote]]"],
    // A selection ending at a line break does not take in the next line.
    ["quote", "[[one\n]]two", "[[> one]]\ntwo"],
  ])("%s: %j → %j", (command, before, after) => {
    expect(apply(command, before)).toBe(after);
  });
});
