// @vitest-environment happy-dom
// The reply box's editor, loaded after the page: a plain labelled textarea first, then the
// editor in its place with what was typed, the focus and the selection carried over.
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { stubMemberSuggestions } from "@/test/dom";
import { LazyMarkdownEditor } from "./lazy-markdown-editor";

stubMemberSuggestions([]);
beforeEach(() => localStorage.clear());
afterEach(cleanup);

const editor = () =>
  render(
    <form>
      <LazyMarkdownEditor name="body" label="Your reply" maxLength={200} fieldId="reply-body" />
    </form>,
  );

describe("LazyMarkdownEditor", () => {
  it("is a plain labelled textarea until the editor comes, which keeps the text, focus and selection", async () => {
    editor();
    const plain = screen.getByRole<HTMLTextAreaElement>("textbox", { name: "Your reply" });
    expect(plain.name).toBe("body");
    expect(screen.queryByRole("button", { name: "Preview" })).toBeNull();
    plain.value = "Typed before the editor";
    plain.focus();
    plain.setSelectionRange(6, 12);

    await screen.findByRole("button", { name: "Preview" });
    const field = screen.getByRole<HTMLTextAreaElement>("textbox", { name: "Your reply" });
    expect(field).not.toBe(plain);
    expect(field.id).toBe("reply-body");
    expect(field.value).toBe("Typed before the editor");
    expect(document.activeElement).toBe(field);
    expect([field.selectionStart, field.selectionEnd]).toEqual([6, 12]);
  });

  it("leaves the focus alone when the plain field did not have it", async () => {
    editor();
    await screen.findByRole("button", { name: "Preview" });
    const field = screen.getByRole<HTMLTextAreaElement>("textbox", { name: "Your reply" });
    expect(field.value).toBe("");
    expect(document.activeElement).not.toBe(field);
  });
});
